package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine stays plain Java: only the service and the resource beside it may use the framework. */
class EngineIsPlainJavaTest {

    private static final Set<String> FRAMEWORK_SIDE = Set.of("AssessmentService.java", "AssessmentResource.java",
            "Judgement.java", "JudgementResource.java", "JudgementFilter.java",
            "StatusMetrics.java", "DashboardCache.java");

    @Test
    void engineSourcesImportNoFramework() throws IOException {
        Path dir = Path.of("src/main/java/org/policytracker/assessment");
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !FRAMEWORK_SIDE.contains(p.getFileName().toString())).toList();
        }
        assertTrue(sources.size() >= 10, "engine sources found: " + sources.size());
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (line.startsWith("import ")) {
                    assertTrue(line.startsWith("import java.") || line.startsWith("import static java.")
                            || line.startsWith("import org.policytracker.assessment.")
                            || line.matches(
                                    "import org\\.policytracker\\.catalogue\\.(TargetKind|Direction|ValueType|Qualifier|Publication|Measure|MilestoneRule|WordReading);")
                            || line.equals("import org.policytracker.catalogue.ObservationForm;")
                            || line.equals("import org.policytracker.milestone.MilestoneState;")
                            || line.equals("import org.policytracker.system.Numbers;"),
                            source.getFileName() + " imports " + line);
                }
            }
        }
    }
}
