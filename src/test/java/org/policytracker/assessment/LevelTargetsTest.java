package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;

/** Level targets (at least, about, at most, coverage, count, maintain with a level): every status boundary. */
class LevelTargetsTest {

    /** Baseline 2020, target 2030; the latest value is 2024's, made so that R is exactly the given ratio. */
    static Stream<Arguments> ratioBoundaries() {
        List<Arguments> cases = new ArrayList<>();
        List<TargetSpec> specs = List.of(
                Fixtures.atLeast(2030, 200, 2020, 100),
                Fixtures.level(TargetKind.COVERAGE, 2030, 90.0, 2020, 30.0, Direction.UP),
                Fixtures.level(TargetKind.COUNT, 2030, 4.0, 2020, 2.5, Direction.UP),
                Fixtures.level(TargetKind.LEVEL_AT_MOST, 2030, 50.0, 2020, 100.0, Direction.DOWN),
                Fixtures.about(2030, 25, 0.5, 2020, 15.9, Direction.UP),
                Fixtures.about(2030, 10, 0.2, 2020, 30, Direction.DOWN),
                Fixtures.maintain(2030, 82.0, 2020, 60));
        double[] ratios = {1.2, 0.951, 0.95, 0.949, 0.601, 0.6, 0.599, 0.0, -0.5};
        Status[] expected = {Status.ON_TRACK, Status.ON_TRACK, Status.ON_TRACK, Status.AT_RISK, Status.AT_RISK,
                Status.AT_RISK, Status.OFF_TRACK, Status.OFF_TRACK, Status.OFF_TRACK};
        for (TargetSpec spec : specs) {
            for (int i = 0; i < ratios.length; i++) {
                String name = spec.kind() + " " + spec.targetValue() + " from " + spec.baselineValue() + ", R = "
                        + ratios[i] + " → " + expected[i];
                cases.add(Arguments.of(name, spec, ratios[i], expected[i]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ratioBoundaries")
    void statusFollowsThePaceRatio(String name, TargetSpec spec, double ratio, Status expected) {
        double latest = Fixtures.levelForRatio(2020, spec.baselineValue(), 2030, spec.targetValue(), 2024, ratio);
        Assessment a = assess(spec, List.of(level(2024, latest)), endOf(2025));
        assertAll(
                () -> assertEquals(expected, a.status()),
                () -> assertEquals(ratio, a.ratio(), 1e-9),
                () -> assertEquals("2024", a.latest().period()),
                () -> assertEquals(latest, a.latest().value(), 1e-12),
                () -> assertEquals(spec.baselineValue(), a.baseline().value()),
                () -> assertEquals(ratio * a.requiredAnnualRate(), a.observedAnnualRate(), 1e-9));
    }

    static Stream<Arguments> conditionEdges() {
        TargetSpec atLeast = Fixtures.atLeast(2025, 12, 2020, 6.3);
        TargetSpec atMost = Fixtures.level(TargetKind.LEVEL_AT_MOST, 2025, 50.0, 2020, 80.0, Direction.DOWN);
        TargetSpec aboutUp = Fixtures.about(2025, 20, 0.5, 2020, 15.9, Direction.UP);
        TargetSpec aboutDown = Fixtures.about(2025, 10, 0.5, 2020, 15, Direction.DOWN);
        TargetSpec coverage = Fixtures.level(TargetKind.COVERAGE, 2025, 100.0, 2020, 60.0, Direction.UP);
        TargetSpec count = Fixtures.level(TargetKind.COUNT, 2025, 4.0, 2020, 3.0, Direction.UP);
        return Stream.of(
                Arguments.of("at least: exactly the target before the deadline", atLeast, 2023, 12.0, Status.ACHIEVED),
                Arguments.of("at least: above the target before the deadline", atLeast, 2022, 12.4, Status.ACHIEVED),
                Arguments.of("at least: exactly the target in the deadline year", atLeast, 2025, 12.0, Status.ACHIEVED),
                Arguments.of("at least: a hair below in the deadline year", atLeast, 2025, 11.999999, Status.MISSED),
                Arguments.of("at least: well below in the deadline year", atLeast, 2025, 9.0, Status.MISSED),
                Arguments.of("at most: exactly the target", atMost, 2024, 50.0, Status.ACHIEVED),
                Arguments.of("at most: a hair above in the deadline year", atMost, 2025, 50.000001, Status.MISSED),
                Arguments.of("about, up: exactly X − tol", aboutUp, 2024, 19.5, Status.ACHIEVED),
                Arguments.of("about, up: above X", aboutUp, 2024, 20.3, Status.ACHIEVED),
                Arguments.of("about, up: a hair below X − tol in the deadline year", aboutUp, 2025, 19.499999,
                        Status.MISSED),
                Arguments.of("about, up: a hair below X − tol before the deadline (pace would reach it)", aboutUp, 2024,
                        19.499999, Status.ON_TRACK),
                Arguments.of("about, down: exactly X + tol", aboutDown, 2023, 10.5, Status.ACHIEVED),
                Arguments.of("about, down: a hair above X + tol in the deadline year", aboutDown, 2025, 10.500001,
                        Status.MISSED),
                Arguments.of("coverage: full coverage reached", coverage, 2024, 100.0, Status.ACHIEVED),
                Arguments.of("coverage: 99 % in the deadline year", coverage, 2025, 99.0, Status.MISSED),
                Arguments.of("count: 4 reached in the deadline year", count, 2025, 4.0, Status.ACHIEVED),
                Arguments.of("count: 3.9 in the deadline year", count, 2025, 3.9, Status.MISSED));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("conditionEdges")
    void achievedAndMissedAtTheEdges(String name, TargetSpec spec, int year, double value, Status expected) {
        // As of the end of the value's year: before the deadline a pace verdict, after it the past tense
        // (PastDeadlineTest).
        Assessment a = assess(spec, List.of(level(year, value)), endOf(year));
        assertEquals(expected, a.status());
        assertEquals(String.valueOf(year), a.latest().period());
    }

    @Test
    void theLatestValueDecidesNotAnEarlierOne() {
        TargetSpec spec = Fixtures.atLeast(2025, 12, 2020, 6.3);
        Assessment a = assess(spec, List.of(level(2022, 12.5), level(2023, 11.0)), endOf(2024));
        assertEquals("2023", a.latest().period());
        assertEquals(Status.ON_TRACK, a.status(), "11.0 in 2023 is ahead of the pace from 6.3 to 12");
    }

    @Test
    void pointsAfterTheTargetYearAreIgnored() {
        TargetSpec spec = Fixtures.atLeast(2025, 12, 2020, 6.3);
        Assessment a = assess(spec, List.of(level(2025, 11.0), level(2026, 13.0)), endOf(2027));
        assertEquals(Status.MISSED, a.status());
        assertEquals("2025", a.latest().period());
    }

    @Test
    void withoutABaselineValueTheEarliestObservationServes() {
        TargetSpec spec = Fixtures.level(TargetKind.COUNT, 2025, 4.0, null, null, Direction.UP);
        Assessment a = assess(spec, List.of(level(2023, 3.6), level(2021, 3.0)), endOf(2024));
        assertAll(
                () -> assertEquals("2021", a.baseline().period()),
                () -> assertEquals(3.0, a.baseline().value()),
                () -> assertEquals((Math.sqrt(1.2) - 1) * 100, a.observedAnnualRate(), 1e-9),
                () -> assertEquals((Math.pow(4 / 3.0, 0.25) - 1) * 100, a.requiredAnnualRate(), 1e-9),
                () -> assertEquals(Status.ON_TRACK, a.status()));
    }

    @Test
    void aBaselineThatAlreadyMetTheTargetAndFellBackIsOffTrack() {
        TargetSpec spec = Fixtures.atLeast(2025, 13, 2019, 13.5);
        Assessment a = assess(spec, List.of(level(2022, 12.5)), endOf(2023));
        assertAll(
                () -> assertEquals(Status.OFF_TRACK, a.status()),
                () -> assertNull(a.ratio(), "no pace is required from a baseline that meets the target"),
                () -> assertNull(a.requiredAnnualRate()),
                () -> assertNull(a.progress()));
    }

    static Stream<Arguments> progressCases() {
        return Stream.of(
                Arguments.of("half way", 15.0, 0.5),
                Arguments.of("moved away", 5.0, -0.5),
                Arguments.of("beyond the target", 25.0, 1.5));
    }

    @ParameterizedTest(name = "progress {0}")
    @MethodSource("progressCases")
    void progressIsTheShareOfTheDistanceCovered(String name, double latest, double expected) {
        Assessment a = assess(Fixtures.atLeast(2030, 20, 2020, 10), List.of(level(2024, latest)), endOf(2025));
        assertEquals(expected, a.progress(), 1e-12);
    }

    static Stream<Arguments> elapsedCases() {
        return Stream.of(
                Arguments.of("before the baseline year ends", LocalDate.of(2020, 6, 30), 0.0),
                Arguments.of("two of five years", endOf(2022), 730.0 / 1826),
                Arguments.of("at the deadline", endOf(2025), 1.0),
                Arguments.of("after the deadline", endOf(2027), 1.0));
    }

    @ParameterizedTest(name = "elapsed {0}")
    @MethodSource("elapsedCases")
    void elapsedIsTheShareOfTimeClipped(String name, LocalDate asOf, double expected) {
        Assessment a = assess(Fixtures.atLeast(2025, 12, 2020, 6.3), List.of(), asOf);
        assertEquals(expected, a.elapsed(), 1e-12);
    }

    @Test
    void projectionKeepsTheObservedPace() {
        Assessment a = assess(Fixtures.atLeast(2025, 12, 2020, 6.3), List.of(level(2022, 8.0)), endOf(2023));
        double rate = Math.sqrt(8.0 / 6.3) - 1;
        assertEquals(8.0 * Math.pow(1 + rate, 3), a.projected(), 1e-9);
    }
}
