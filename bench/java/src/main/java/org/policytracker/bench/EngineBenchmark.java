package org.policytracker.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.policytracker.assessment.AssessmentEngine;
import org.policytracker.assessment.AssessmentInput;
import org.policytracker.assessment.DataPoint;
import org.policytracker.assessment.MilestoneInput;
import org.policytracker.milestone.MilestoneState;
import org.policytracker.assessment.TargetSpec;
import org.policytracker.assessment.Thresholds;
import org.policytracker.catalogue.SeedDirectory;
import org.policytracker.catalogue.SeedModel;
import org.policytracker.catalogue.SeedReader;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ObservationForm;

/**
 * The pure assessment engine: one operation assesses every target of the catalogue (seed
 * directory from the system property {@code bench.seed}, default {@code seed-data}) with the same
 * series the benchmark imports (Series.real: 2000–2025 for each measured indicator), as
 * AssessmentService does after its queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    private final Thresholds thresholds = new Thresholds(0.95, 0.6);
    private List<AssessmentInput> inputs;

    @Setup
    public void setUp() {
        SeedModel.Catalogue catalogue = SeedReader.read(SeedDirectory.of(Path.of(System.getProperty("bench.seed",
                "seed-data"))));
        Map<String, SeedModel.IndicatorEntry> indicators = new HashMap<>();
        catalogue.files().forEach(f -> f.indicators().forEach(i -> indicators.put(i.code(), i)));
        Map<String, List<DataPoint>> points = new HashMap<>();
        Series.real(catalogue).forEach((code, series) -> points.put(code, series.stream()
                .map(p -> new DataPoint(p.year(), p.value(), ObservationForm.LEVEL)).toList()));
        LocalDate asOf = LocalDate.of(2026, 11, 27);
        inputs = new ArrayList<>();
        for (SeedModel.DocumentFile f : catalogue.files()) {
            for (SeedModel.TargetEntry t : f.targets()) {
                SeedModel.IndicatorEntry indicator = indicators.get(t.indicator());
                TargetSpec spec = new TargetSpec(t.kind(), t.targetYear(), t.targetDate(), t.targetValue(),
                        t.tolerance(), t.direction(), indicator.favourableDirection(), t.baseYear(),
                        t.baselineYear(), t.baselineValue(), indicator.valueType());
                MilestoneInput milestone = t.kind() == TargetKind.MILESTONE
                        ? new MilestoneInput(MilestoneState.IN_PROGRESS, LocalDate.of(2024, 6, 30)) : null;
                inputs.add(new AssessmentInput(spec, points.getOrDefault(t.indicator(), List.of()),
                        t.relatedIndicator() == null ? List.of() : points.getOrDefault(t.relatedIndicator(), List.of()),
                        milestone, asOf));
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException("no targets read");
        }
        System.out.println("# EngineBenchmark: " + inputs.size() + " targets per operation");
    }

    /** The floor: the same loop over the same inputs, without assessing. */
    @Benchmark
    public void baselineIterate(Blackhole bh) {
        for (AssessmentInput input : inputs) {
            bh.consume(input);
        }
    }

    /** All targets assessed once. */
    @Benchmark
    public void assessAllTargets(Blackhole bh) {
        for (AssessmentInput input : inputs) {
            bh.consume(AssessmentEngine.assess(input, thresholds));
        }
    }
}
