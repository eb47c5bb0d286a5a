package org.policytracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the main code point one way: no two import each other, directly or round a circle,
 * and {@code system} is a leaf that the features use and that uses none of them. Read from the sources'
 * import lines and fully qualified names. Plain JUnit.
 */
class PackagesPointOneWayTest {

    private static final Path MAIN = Path.of("src/main/java/org/policytracker");
    private static final Pattern USE = Pattern.compile("org\\.policytracker\\.([a-z.]+)\\.[A-Z]");

    @Test
    void shouldHaveNoCircleOfPackages() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> circles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (reaches(uses, to, from, new TreeSet<>())) {
                    circles.add(from + " -> " + to);
                }
            }
        }
        assertEquals(List.of(), circles, "imports that close a circle of packages");
    }

    @Test
    void shouldKeepSystemALeaf() throws IOException {
        assertEquals(Set.of(), uses().getOrDefault("system", Set.of()), "packages system uses");
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return uses.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(uses, next, to, seen));
    }

    /** Package → the packages its sources name (imports and qualified names), by their path below MAIN. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("package ") || line.strip().startsWith("*") || line.strip().startsWith("//")) {
                        continue;
                    }
                    Matcher m = USE.matcher(line);
                    while (m.find()) {
                        if (!m.group(1).equals(pkg)) {
                            used.add(m.group(1));
                        }
                    }
                }
            }
        }
        return uses;
    }
}
