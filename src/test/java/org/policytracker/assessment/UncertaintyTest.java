package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.assessment.Assessment.Confidence;

/**
 * Evidence and uncertainty of pace verdicts (docs/ASSESSMENT.md, "Evidence and uncertainty"): what a
 * verdict rests on, an 80 % range around the projection, and the confidence rule at its boundaries.
 */
class UncertaintyTest {

    /** A level target far from its data: at least 80 by 2060 from 15.9 in 2020 (the non-fossil share). */
    static final TargetSpec FAR = Fixtures.atLeast(2060, 80, 2020, 15.9);
    /** At least 12 by 2025, 6.3 in 2020. */
    static final TargetSpec NEAR = Fixtures.atLeast(2025, 12, 2020, 6.3);

    @Test
    void shouldComputeTheRangeFromTheSpreadOfTheYearlyChanges() {
        List<DataPoint> points = List.of(level(2021, 7.0), level(2022, 7.6), level(2023, 8.5));
        Assessment a = assess(NEAR, points, endOf(2023));
        double[] g = {Math.log(7.0 / 6.3), Math.log(7.6 / 7.0), Math.log(8.5 / 7.6)};
        double mean = (g[0] + g[1] + g[2]) / 3;
        double s = Math.sqrt(((g[0] - mean) * (g[0] - mean) + (g[1] - mean) * (g[1] - mean)
                + (g[2] - mean) * (g[2] - mean)) / 2);
        double spread = s * Math.sqrt(2 + 4.0 / 3); // h = 2 years ahead, y = 3 years observed
        assertAll(
                () -> assertEquals(new Assessment.Evidence(3, 3, 2), a.evidence()),
                () -> assertEquals(a.projected() * Math.exp(-1.886 * spread), a.projectedLow(), 1e-9),
                () -> assertEquals(a.projected() * Math.exp(1.886 * spread), a.projectedHigh(), 1e-9),
                () -> assertTrue(a.projectedLow() < a.projected() && a.projected() < a.projectedHigh()));
    }

    static Stream<Arguments> confidence() {
        return Stream.of(
                // name, spec, points, as of, confidence, explanation (zh) contains
                Arguments.of("one yearly change cannot measure the spread", NEAR, List.of(level(2021, 7.0)),
                        endOf(2021), Confidence.LOW, "年变化不足两个"),
                Arguments.of("forty years from four: an extrapolation", FAR,
                        List.of(level(2021, 16.6), level(2022, 17.5), level(2023, 17.9), level(2024, 19.8)),
                        endOf(2024), Confidence.LOW, "超过所依据的4年数据的三倍"),
                Arguments.of("a steady series near its deadline", NEAR,
                        List.of(level(2021, 7.0), level(2022, 7.9), level(2023, 8.9)), endOf(2023), Confidence.HIGH,
                        null),
                Arguments.of("a range straddling the target", Fixtures.atLeast(2025, 10, 2020, 6.3),
                        List.of(level(2021, 7.5), level(2022, 6.9), level(2023, 8.6)), endOf(2023), Confidence.LOW,
                        "跨越目标"),
                Arguments.of("further than the data, not three times: medium", NEAR,
                        List.of(level(2021, 7.0), level(2022, 7.78)), endOf(2022), Confidence.MEDIUM, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confidence")
    void shouldMarkThinEvidenceAsLowConfidenceAndSaySo(String name, TargetSpec spec, List<DataPoint> points,
            java.time.LocalDate asOf, Confidence confidence, String says) {
        Assessment a = assess(spec, points, asOf);
        assertEquals(confidence, a.confidence(), name + ": " + a.explanation().zh());
        if (says != null) {
            assertTrue(a.explanation().zh().contains(says), a.explanation().zh());
            assertTrue(a.explanation().zh().contains("该判断把握较低"), a.explanation().zh());
        } else {
            assertTrue(!a.explanation().zh().contains("把握较低"), a.explanation().zh());
        }
    }

    @Test
    void shouldGiveNoRangeOrConfidenceToAVerdictThatIsNotAPace() {
        Assessment achieved = assess(NEAR, List.of(level(2022, 12.5)), endOf(2022));
        assertNull(achieved.confidence());
        assertNull(achieved.projectedLow());
        assertEquals(new Assessment.Evidence(1, 2, 3), achieved.evidence());
    }
}
