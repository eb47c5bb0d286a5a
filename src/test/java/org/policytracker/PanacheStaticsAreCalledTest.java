package org.policytracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Panache entity's static query methods ({@code count}, {@code find}, {@code listAll}…) are called, never passed
 * as a method reference: javac compiles {@code AppUser::count} to a handle on {@code PanacheEntityBase.count}, which
 * Panache's build step does not enhance and which throws at run time. Such a reference hid in a path that runs only
 * when two instances start at once, and failed CI there (TwoInstancesPgIT). Read from the sources. Plain JUnit.
 */
class PanacheStaticsAreCalledTest {

    private static final Path MAIN = Path.of("src/main/java/org/policytracker");
    private static final Pattern ENTITY = Pattern.compile("class (\\w+) extends PanacheEntity(Base)?\\b");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(\\w+)::(count|find|findAll|findById|findByIdOptional|list|listAll|stream|streamAll|deleteAll|deleteById"
                    + "|update|flush|getEntityManager)\\b");

    // delete and persist are left out: Entity::delete is also the instance method, which needs no enhancing.
    @Test
    void shouldNotPassAPanacheStaticAsAMethodReference() throws IOException {
        List<Path> sources = sources();
        Set<String> entities = new TreeSet<>();
        for (Path file : sources) {
            Matcher m = ENTITY.matcher(Files.readString(file));
            while (m.find()) {
                entities.add(m.group(1));
            }
        }
        assertFalse(entities.isEmpty(), "the entities were found");
        List<String> references = new ArrayList<>();
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("//") || line.startsWith("*")) {
                    continue;
                }
                Matcher m = REFERENCE.matcher(line);
                while (m.find()) {
                    if (entities.contains(m.group(1))) {
                        references.add(MAIN.relativize(file) + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), references, "method references to Panache statics (write a lambda instead)");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
