package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.DataPoint.yoy;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.catalogue.Direction;

/** Average growth, direction, and maintain (with and without a level). */
class TrendTargetsTest {

    /** 知识密集型服务贸易年均增长8%左右 from 2947.6 (2020). */
    private static final TargetSpec KNOWLEDGE_TRADE = Fixtures.growth(2025, 8, 0.5, 2020, 2947.6);

    private static final TargetSpec GROWTH_8_EXACT = Fixtures.growth(2025, 8, null, 2020, 1000.0);

    private static double grown(double from, double percentAYear, int years) {
        return from * Math.pow(1 + percentAYear / 100, years);
    }

    // ---------------------------------------------------------------- AVERAGE_GROWTH

    static Stream<Arguments> growthRatios() {
        return Stream.of(
                Arguments.of(1.1, Status.ON_TRACK),
                Arguments.of(0.951, Status.ON_TRACK),
                Arguments.of(0.949, Status.AT_RISK),
                Arguments.of(0.601, Status.AT_RISK),
                Arguments.of(0.599, Status.OFF_TRACK),
                Arguments.of(-0.2, Status.OFF_TRACK));
    }

    @ParameterizedTest(name = "average growth, R = {0} → {1}")
    @MethodSource("growthRatios")
    void growthIsComparedWithTheTargetRateDirectly(double ratio, Status expected) {
        Assessment a = assess(GROWTH_8_EXACT, List.of(level(2023, grown(1000, 8 * ratio, 3))), endOf(2023));
        assertAll(
                () -> assertEquals(expected, a.status()),
                () -> assertEquals(8.0, a.requiredAnnualRate(), 0, "the target rate is not compounded again"),
                () -> assertEquals(8 * ratio, a.observedAnnualRate(), 1e-9),
                () -> assertEquals(ratio, a.ratio(), 1e-9));
    }

    static Stream<Arguments> growthAtTheDeadline() {
        return Stream.of(
                Arguments.of("8 % a year", 8.0, Status.ACHIEVED),
                Arguments.of("exactly 7.5 % (target − tolerance)", 7.5, Status.ACHIEVED),
                Arguments.of("7.49 %", 7.49, Status.MISSED),
                Arguments.of("9 % (beyond)", 9.0, Status.ACHIEVED));
    }

    @ParameterizedTest(name = "deadline observed, {0} → {2}")
    @MethodSource("growthAtTheDeadline")
    void growthIsAchievedOrMissedOnlyAtTheDeadline(String name, double rate, Status expected) {
        Assessment a = assess(KNOWLEDGE_TRADE, List.of(level(2025, grown(2947.6, rate, 5))), endOf(2025));
        assertEquals(expected, a.status());
        assertEquals(rate, a.observedAnnualRate(), 1e-9);
    }

    @Test
    void growthAboveTheTargetBeforeTheDeadlineIsOnTrackNotAchieved() {
        Assessment a = assess(KNOWLEDGE_TRADE, List.of(level(2022, grown(2947.6, 9, 2))), endOf(2022));
        assertEquals(Status.ON_TRACK, a.status());
    }

    @Test
    void growthWithinTheToleranceBeforeTheDeadlineIsOnTrackEvenBelowTheRatioThreshold() {
        Assessment a = assess(KNOWLEDGE_TRADE, List.of(level(2022, grown(2947.6, 7.55, 2))), endOf(2022));
        assertEquals(7.55 / 8, a.ratio(), 1e-9);
        assertEquals(Status.ON_TRACK, a.status());
    }

    @Test
    void yearOnYearGrowthIsAveragedGeometrically() {
        Assessment a = assess(KNOWLEDGE_TRADE, List.of(yoy(2021, 10), yoy(2022, 5)), endOf(2022));
        double level2022 = 2947.6 * 1.10 * 1.05;
        assertAll(
                () -> assertEquals(7.470926301023395, a.observedAnnualRate(), 1e-9),
                () -> assertEquals(ValueBasis.LEVEL, a.valueBasis()),
                () -> assertEquals(level2022, a.latest().value(), 1e-9),
                () -> assertEquals(level2022 * Math.pow(1.07470926301023395, 3), a.projected(), 1e-6),
                () -> assertEquals((level2022 - 2947.6) / (grown(2947.6, 8, 5) - 2947.6), a.progress(), 1e-12),
                () -> assertEquals(Status.AT_RISK, a.status()));
    }

    @Test
    void yearOnYearGrowthWithoutABaselineValueIsChainedFromOne() {
        TargetSpec spec = Fixtures.growth(2025, 8, 0.5, 2020, null);
        Assessment a = assess(spec, List.of(yoy(2021, 10), yoy(2022, 5)), endOf(2022));
        assertAll(
                () -> assertEquals(ValueBasis.CHANGE_PCT, a.valueBasis()),
                () -> assertEquals(15.5, a.latest().value(), 1e-9),
                () -> assertEquals(0.0, a.baseline().value(), 1e-12),
                () -> assertEquals(7.470926301023395, a.observedAnnualRate(), 1e-9));
    }

    @Test
    void growthWithoutALaterValueIsNoData() {
        Assessment a = assess(KNOWLEDGE_TRADE, List.of(level(2020, 2947.6)), endOf(2022));
        assertEquals(Status.NO_DATA, a.status());
    }

    // ---------------------------------------------------------------- DIRECTION

    static Stream<Arguments> directionCases() {
        return Stream.of(
                Arguments.of("up: higher before the deadline (one move does not settle the period)", Direction.UP,
                        2023, 6700.0, Status.ON_TRACK),
                Arguments.of("up: unchanged before the deadline", Direction.UP, 2023, 6617.2, Status.AT_RISK),
                Arguments.of("up: lower before the deadline", Direction.UP, 2023, 6500.0, Status.OFF_TRACK),
                Arguments.of("up: higher in the deadline year", Direction.UP, 2025, 6700.0, Status.ACHIEVED),
                Arguments.of("up: unchanged in the deadline year", Direction.UP, 2025, 6617.2, Status.MISSED),
                Arguments.of("up: lower in the deadline year", Direction.UP, 2025, 6000.0, Status.MISSED),
                Arguments.of("down: lower before the deadline", Direction.DOWN, 2023, 6500.0, Status.ON_TRACK),
                Arguments.of("down: higher before the deadline", Direction.DOWN, 2023, 6700.0, Status.OFF_TRACK));
    }

    @ParameterizedTest(name = "direction {0} → {4}")
    @MethodSource("directionCases")
    void directionComparesTheLatestValueWithTheBaseline(String name, Direction direction, int year, double value,
            Status expected) {
        Assessment a = assess(Fixtures.direction(2025, direction, 2020, 6617.2), List.of(level(year, value)),
                endOf(2025));
        assertEquals(expected, a.status());
        assertNull(a.ratio());
    }

    @Test
    void directionWithoutABaselineValueReadsTheChainedChange() {
        // CARBON-2030-ENERGY-INTENSITY: 大幅下降 against 2020, no 2020 level; official data are year-on-year changes.
        TargetSpec spec = Fixtures.direction(2030, Direction.DOWN, 2020, null);
        Assessment a = assess(spec, List.of(yoy(2021, -2.0), yoy(2022, -1.0)), endOf(2022));
        assertAll(
                () -> assertEquals(Status.ON_TRACK, a.status(), "大幅下降 by 2030 is not settled by 2022"),
                () -> assertTrue(a.explanation().zh().contains("2030年之前的变化不能证明目标已实现"), a.explanation().zh()),
                () -> assertEquals(ValueBasis.CHANGE_PCT, a.valueBasis()),
                () -> assertEquals(-2.98, a.latest().value(), 1e-9),
                () -> assertTrue(a.explanation().zh().contains("2022年比2020年下降2.98%"), a.explanation().zh()),
                () -> assertTrue(a.explanation().en().contains("2.98 % below 2020"), a.explanation().en()));
    }

    @Test
    void directionAfterItsDeadlineWithoutTheDeadlineYearNamesTheGapAndProjectsNothing() {
        Assessment a = assess(Fixtures.direction(2025, Direction.UP, 2020, 6617.2), List.of(level(2024, 7500)),
                endOf(2026));
        assertAll(
                () -> assertEquals(Status.NO_DATA, a.status()),
                () -> assertEquals(List.of("2025"), a.gaps().stream().map(Assessment.Gap::period).toList()),
                () -> assertNull(a.projected()),
                () -> assertTrue(a.explanation().zh().startsWith("目标年2025年已过，但缺少2025年数据"), a.explanation().zh()));
        assertEquals(Status.ACHIEVED, assess(Fixtures.direction(2025, Direction.UP, 2020, 6617.2),
                List.of(level(2025, 7500)), endOf(2026)).status());
    }

    @Test
    void directionExplainsTheMovement() {
        Assessment a = assess(Fixtures.direction(2025, Direction.UP, 2020, 6617.2), List.of(level(2023, 6500)),
                endOf(2023));
        assertAll(
                () -> assertEquals("2023年为6,500，较基期2020年的6,617.2下降1.77%。目标方向为上升。", a.explanation().zh()),
                () -> assertEquals(
                        "In 2023 the value was 6,500, down 1.77 % from 6,617.2 in 2020. The target direction is up.",
                        a.explanation().en()));
    }

    // ---------------------------------------------------------------- MAINTAIN

    /** 知识产权保护社会满意度达到并保持较高水平: 82 by 2025 from 80.05. */
    private static final TargetSpec SATISFACTION_82 = Fixtures.maintain(2025, 82.0, 2020, 80.05);

    /** The same without a level (the outline's wording). */
    private static final TargetSpec SATISFACTION_HIGH = Fixtures.maintain(2025, null, 2020, 80.05);

    static Stream<Arguments> maintainCases() {
        return Stream.of(
                Arguments.of("level: at 82.5 before the deadline", SATISFACTION_82, 2023, 82.5, Status.ON_TRACK),
                Arguments.of("level: exactly 82 in the deadline year", SATISFACTION_82, 2025, 82.0, Status.ACHIEVED),
                Arguments.of("level: 81.9 in the deadline year", SATISFACTION_82, 2025, 81.9, Status.MISSED),
                Arguments.of("level: 80.06 in 2024, far too slow", SATISFACTION_82, 2024, 80.06, Status.OFF_TRACK),
                Arguments.of("level: 81.7 in 2024, fast enough", SATISFACTION_82, 2024, 81.7, Status.ON_TRACK),
                Arguments.of("no level: above the baseline before the deadline", SATISFACTION_HIGH, 2023, 80.5,
                        Status.ON_TRACK),
                Arguments.of("no level: equal to the baseline before the deadline", SATISFACTION_HIGH, 2023, 80.05,
                        Status.ON_TRACK),
                Arguments.of("no level: below the baseline before the deadline", SATISFACTION_HIGH, 2023, 79.9,
                        Status.OFF_TRACK),
                Arguments.of("no level: kept in the deadline year", SATISFACTION_HIGH, 2025, 81.0, Status.ACHIEVED),
                Arguments.of("no level: below in the deadline year", SATISFACTION_HIGH, 2025, 79.0, Status.MISSED));
    }

    @ParameterizedTest(name = "maintain {0} → {4}")
    @MethodSource("maintainCases")
    void maintainNeedsTheLevelKeptToTheDeadline(String name, TargetSpec spec, int year, double value,
            Status expected) {
        Assessment a = assess(spec, List.of(level(year, value)), endOf(2025));
        assertEquals(expected, a.status());
    }

    @Test
    void maintainReachedThenLostBeforeTheDeadlineIsJudgedOnThePace() {
        Assessment a = assess(SATISFACTION_82, List.of(level(2022, 82.4), level(2023, 80.1)), endOf(2023));
        assertEquals("2023", a.latest().period());
        assertEquals(Status.OFF_TRACK, a.status());
    }

    @Test
    void maintainAtTheLevelSaysItMustBeKept() {
        Assessment a = assess(SATISFACTION_82, List.of(level(2023, 82.5)), endOf(2023));
        assertEquals("2023年为82.5，达到目标水平（不低于82），需保持至2025年。", a.explanation().zh());
        assertEquals("In 2023 the value was 82.5, at the target level (at least 82); it must be kept until 2025.",
                a.explanation().en());
    }
}
