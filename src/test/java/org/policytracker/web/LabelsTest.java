package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policytracker.assessment.Status;
import org.policytracker.audit.AuditAction;
import org.policytracker.catalogue.Binding;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Theme;
import org.policytracker.milestone.MilestoneState;

/**
 * Every label the web app uses exists in Chinese and in English: the keys named in the scripts and
 * the page, and one per value of the server's enums that the app shows (statuses, themes, forms...).
 */
class LabelsTest {

    private static final Path UI = Path.of("ui");
    private static final Pattern KEY_IN_SCRIPT = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");
    private static final Pattern KEY_IN_TERNARY = Pattern.compile("'((?:[a-z]+\\.)+[a-zA-Z0-9_]+)'");
    private static final Pattern KEY_IN_PAGE = Pattern.compile("data-i18n(?:-label)?=\"([^\"]+)\"");

    private static Map<String, String> labels(String language) throws IOException {
        return new ObjectMapper().readValue(UI.resolve("i18n/" + language + ".json").toFile(), new TypeReference<>() {
        });
    }

    private static <E extends Enum<E>> List<String> keys(String prefix, Class<E> values) {
        return Arrays.stream(values.getEnumConstants()).map(v -> prefix + v.name()).toList();
    }

    @Test
    void shouldHaveTheSameKeysInBothLanguagesAndNoEmptyLabel() throws IOException {
        Map<String, String> zh = labels("zh");
        Map<String, String> en = labels("en");
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
        zh.forEach((k, v) -> assertTrue(!v.isBlank() && !en.get(k).isBlank(), "empty label " + k));
    }

    @Test
    void shouldLabelEveryKeyTheAppUses() throws IOException {
        List<String> used = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(UI)) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                String code = Files.readString(script);
                Matcher m = KEY_IN_SCRIPT.matcher(code);
                while (m.find()) {
                    used.add(m.group(1));
                }
                // Keys chosen by a condition: t(cond ? 'goal.changeDown' : 'goal.changeUp').
                Matcher ternary = Pattern.compile("t\\([^;]*?\\?[^;]*?\\)").matcher(code);
                while (ternary.find()) {
                    Matcher k = KEY_IN_TERNARY.matcher(ternary.group());
                    while (k.find()) {
                        used.add(k.group(1));
                    }
                }
            }
        }
        Matcher page = KEY_IN_PAGE.matcher(Files.readString(UI.resolve("index.html")));
        while (page.find()) {
            used.add(page.group(1));
        }
        used.addAll(keys("status.", Status.class));
        used.addAll(keys("theme.", Theme.class));
        used.addAll(keys("binding.", Binding.class));
        used.add("binding.NONE");
        used.addAll(keys("form.", ObservationForm.class));
        used.addAll(keys("ms.", MilestoneState.class));
        used.addAll(keys("audit.", AuditAction.class));
        used.addAll(keys("goal.direction.", Direction.class));
        used.addAll(keys("goal.relative.", Direction.class));
        Stream.of("QUEUED", "VALIDATING", "WRITING", "SUCCEEDED", "REJECTED", "FAILED")
                .forEach(s -> used.add("import.status." + s));
        Stream.of("viewer", "analyst", "admin").forEach(r -> used.add("role." + r));
        Stream.of("create", "upsert").forEach(m -> used.add("import.mode." + m));
        Stream.of(400, 403, 404, 409, 413, 415).forEach(s -> used.add("error." + s));
        assertTrue(used.size() > 150, "keys found: " + used.size());
        for (String language : List.of("zh", "en")) {
            Map<String, String> labels = labels(language);
            List<String> missing = used.stream().filter(k -> !labels.containsKey(k)).distinct().sorted().toList();
            assertEquals(List.of(), missing, "labels missing in " + language + ".json");
        }
    }
}
