package org.policytracker.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message the server can answer with has Chinese and English text: each code named in the main
 * sources has a {@code problem.<code>} entry in both vocabularies, its Chinese text is Chinese, and both
 * languages fill the same placeholders. No container: a scan of the sources and of ui/i18n.
 */
class MessagesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)\\}");

    /** A string literal as the code of a message, by the call that makes it. */
    private static final List<Pattern> CODE_SITES = List.of(
            // Message.of("code", ...), Problems.notFound("code", ...); not FieldMessage.of
            Pattern.compile("\\b(?:Message\\.of|notFound)\\(\\s*\"([a-zA-Z0-9.]+)\""),
            // FieldMessage.of(field, "code", ...), Problems.badRequest/conflict(field, "code", ...)
            Pattern.compile("(?:FieldMessage\\.of|badRequest|conflict)\\(\\s*(?:\"[^\"]*\"|[\\w.]+(?:\\(\\))?)\\s*,"
                    + "\\s*\"([a-zA-Z0-9.]+)\""),
            // ImportError.of(row, column, "code", ...)
            Pattern.compile("ImportError\\.of\\([^,;]+,[^,;]+,\\s*\"([a-zA-Z0-9.]+)\""),
            // bean validation with a code of ours: message = "{code}"
            Pattern.compile("message\\s*=\\s*\"\\{([a-zA-Z0-9.]+)\\}\""));
    /** BackupFile's expect(condition, "shape", ...): the code is backup.shape.<shape>. */
    private static final Pattern BACKUP_SHAPE = Pattern.compile("\\bexpect\\([^;]*?,\\s*\"([a-zA-Z]+)\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    /** Standard constraints map to problem.constraint.<Name> (ProblemMappers). */
    private static final Pattern CONSTRAINT = Pattern.compile(
            "@(NotNull|NotBlank|NotEmpty|Size|Pattern|Min|Max|Positive|PositiveOrZero|Email)\\b(?!\\([^)]*message)");

    private static Map<String, String> vocabulary(String language) throws IOException {
        return new ObjectMapper().readValue(Path.of("ui/i18n/" + language + ".json").toFile(),
                new TypeReference<TreeMap<String, String>>() {
                });
    }

    private static Set<String> codesInSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = COMMENT.matcher(Files.readString(file)).replaceAll("");
                for (Pattern site : CODE_SITES) {
                    Matcher m = site.matcher(source);
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
                if (file.endsWith("BackupFile.java")) {
                    Matcher shape = BACKUP_SHAPE.matcher(source);
                    while (shape.find()) {
                        codes.add("backup.shape." + shape.group(1));
                    }
                }
                Matcher c = CONSTRAINT.matcher(source);
                while (c.find()) {
                    if (source.contains("jakarta.validation.constraints")) {
                        codes.add("constraint." + c.group(1));
                    }
                }
            }
        }
        // Codes made from a status (ProblemMappers): the fallbacks must exist. The prefixes those
        // concatenations leave in the scan ("status.", "backup.shape.") are not codes themselves.
        codes.removeIf(code -> code.endsWith("."));
        codes.add("title.other");
        codes.add("status.other");
        return codes;
    }

    @Test
    void shouldHaveChineseAndEnglishTextForEveryMessageTheServerSends() throws IOException {
        Set<String> codes = codesInSources();
        // The scan must find the messages, or this test would pass on an empty set.
        assertTrue(codes.size() > 100, "only " + codes.size() + " message codes found: " + codes);
        assertTrue(codes.containsAll(Set.of("value.share", "period.notEnded", "row.exists", "user.password",
                "constraint.NotNull", "form.breaksChain", "backup.shape.unknownTable", "choice")), codes.toString());
        Map<String, String> zh = vocabulary("zh");
        Map<String, String> en = vocabulary("en");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (!zh.containsKey("problem." + code)) {
                missing.add("zh problem." + code);
            }
            if (!en.containsKey("problem." + code)) {
                missing.add("en problem." + code);
            }
        }
        assertEquals(List.of(), missing, "messages without text");
    }

    @Test
    void shouldWordEveryMessageInChineseWithTheSamePlaceholdersAsInEnglish() throws IOException {
        Map<String, String> zh = vocabulary("zh");
        Map<String, String> en = vocabulary("en");
        List<String> wrong = new ArrayList<>();
        zh.entrySet().stream().filter(e -> e.getKey().startsWith("problem.") || e.getKey().startsWith("template."))
                .forEach(e -> {
                    String key = e.getKey();
                    // Words need Chinese; a separator or a bare placeholder has no words to translate.
                    boolean words = en.getOrDefault(key, "").replaceAll("\\{[a-zA-Z]+\\}", "")
                            .matches("(?s).*[A-Za-z].*");
                    if (words && !CJK.matcher(e.getValue()).find()) {
                        wrong.add(key + ": no Chinese in “" + e.getValue() + "”");
                    }
                    if (!placeholders(e.getValue()).equals(placeholders(en.getOrDefault(key, "")))) {
                        wrong.add(key + ": placeholders " + placeholders(e.getValue()) + " in Chinese, "
                                + placeholders(en.getOrDefault(key, "")) + " in English");
                    }
                });
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldWordAMessageInTheLanguageAskedForAndChineseByDefault() {
        assertEquals(Lang.ZH, Lang.of(null));
        assertEquals(Lang.ZH, Lang.of("fr-FR, de;q=0.8"));
        assertEquals(Lang.EN, Lang.of("en-GB,en;q=0.9,zh;q=0.5"));
        assertEquals(Lang.ZH, Lang.of("zh-CN,en;q=0.5"));
        Message share = Message.of("value.share", "value", "120");
        assertEquals("must be between 0 and 100: the indicator is a share in percent, was 120", share.in(Lang.EN));
        assertTrue(CJK.matcher(share.in(Lang.ZH)).find() && share.in(Lang.ZH).contains("120"), share.in(Lang.ZH));
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }
}
