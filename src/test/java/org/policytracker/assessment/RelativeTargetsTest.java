package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.Fixtures.endOf;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;

/** RELATIVE targets: 服务出口增速高于全球平均增速. */
class RelativeTargetsTest {

    private static final TargetSpec ABOVE_WORLD = Fixtures.relative(2025, Direction.UP, 2020);

    private static Assessment assess(TargetSpec spec, List<DataPoint> own, List<DataPoint> related, LocalDate asOf) {
        return AssessmentEngine.assess(new AssessmentInput(spec, own, related, null, asOf), Fixtures.THRESHOLDS);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("above on average and in the latest year", Direction.UP,
                        new double[]{6, 5, 4}, new double[]{3, 3, 3}, 2023, Status.ON_TRACK),
                Arguments.of("above on average, below in the latest year", Direction.UP,
                        new double[]{9, 6, 2}, new double[]{3, 3, 3}, 2023, Status.AT_RISK),
                Arguments.of("below on average, above in the latest year", Direction.UP,
                        new double[]{1, 1, 4}, new double[]{3, 3, 3}, 2023, Status.AT_RISK),
                Arguments.of("below on average and in the latest year", Direction.UP,
                        new double[]{1, 2, 2}, new double[]{3, 3, 3}, 2023, Status.OFF_TRACK),
                Arguments.of("equal on average is not above", Direction.UP,
                        new double[]{2, 4, 2}, new double[]{3, 3, 2}, 2023, Status.OFF_TRACK),
                Arguments.of("deadline observed, above on average", Direction.UP,
                        new double[]{6, 5, 4, 3, 2}, new double[]{3, 3, 3, 3, 3}, 2025, Status.ACHIEVED),
                Arguments.of("deadline observed, below on average though above in the deadline year", Direction.UP,
                        new double[]{2, 2, 2, 2, 6}, new double[]{3, 3, 3, 3, 3}, 2025, Status.MISSED),
                Arguments.of("direction down: below on average and in the latest year", Direction.DOWN,
                        new double[]{1, 2, 2}, new double[]{3, 3, 3}, 2023, Status.ON_TRACK),
                Arguments.of("direction down: above", Direction.DOWN,
                        new double[]{6, 5, 4}, new double[]{3, 3, 3}, 2023, Status.OFF_TRACK));
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("cases")
    void theSeriesAreComparedOnAverageAndInTheLatestCommonYear(String name, Direction direction, double[] own,
            double[] related, int asOfYear, Status expected) {
        Assessment a = assess(Fixtures.relative(2025, direction, 2020), series(own), series(related),
                endOf(asOfYear));
        assertEquals(expected, a.status());
        assertEquals(String.valueOf(2020 + own.length), a.latest().period());
    }

    private static List<DataPoint> series(double[] values) {
        return IntStream.range(0, values.length).mapToObj(i -> level(2021 + i, values[i])).toList();
    }

    @Test
    void onlyCommonYearsAfterTheBaselineYearCount() {
        Assessment a = assess(ABOVE_WORLD,
                List.of(level(2020, 50), level(2021, 4), level(2022, 6), level(2023, 7)),
                List.of(level(2020, 1), level(2021, 3), level(2022, 5), level(2024, 9)),
                endOf(2024));
        assertAll(
                () -> assertEquals(5.0, a.observedAnnualRate(), 1e-12),
                () -> assertEquals(4.0, a.requiredAnnualRate(), 1e-12),
                () -> assertEquals("2022", a.latest().period()),
                () -> assertEquals(6.0, a.latest().value(), 1e-12),
                () -> assertNull(a.ratio()),
                () -> assertEquals(Status.ON_TRACK, a.status()));
    }

    @Test
    void noCommonYearIsNoData() {
        Assessment a = assess(ABOVE_WORLD, List.of(level(2021, 4)), List.of(level(2022, 3)), endOf(2023));
        assertEquals(Status.NO_DATA, a.status());
        assertTrue(a.explanation().en().contains("no year in common after 2020"), a.explanation().en());
    }

    @Test
    void relatedPointsAfterAsOfAreIgnored() {
        Assessment a = assess(ABOVE_WORLD, List.of(level(2021, 4), level(2022, 6)),
                List.of(level(2021, 3), level(2022, 9)), LocalDate.of(2022, 12, 30));
        assertEquals("2021", a.latest().period());
        assertEquals(Status.ON_TRACK, a.status());
    }

    @Test
    void theExplanationGivesBothAveragesAndTheLatestYear() {
        Assessment a = assess(ABOVE_WORLD, List.of(level(2021, 9), level(2022, 6), level(2023, 2)),
                List.of(level(2021, 3), level(2022, 3), level(2023, 3.5)), endOf(2023));
        assertAll(
                () -> assertEquals(Status.AT_RISK, a.status()),
                () -> assertEquals("2021–2023年平均5.67%，对比指标平均3.17%，高出2.5个百分点；2023年为2%对3.5%。目标为高于对比指标。",
                        a.explanation().zh()),
                () -> assertEquals("Averaging 5.67 % over 2021–2023 against 3.17 % for the compared series, 2.5 points"
                        + " above; in 2023, 2 % against 3.5 %. The target is to be above it.", a.explanation().en()));
    }
}
