package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.index;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.DataPoint.yoy;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.assessment.Assessment.ValueBasis;

/** Change against a base year (比2020年下降18%): the chained index and its status. */
class ChangeVsBaseTest {

    /** 单位GDP二氧化碳排放比2020年下降18% (2025). */
    private static final TargetSpec CO2_2025 = Fixtures.change(2025, -18, 2020, 2020, 0);

    /** 比2005年下降65%以上 (2030), from the published 2020 position −48.4 % against 2005. */
    private static final TargetSpec CO2_2030 = Fixtures.change(2030, -65, 2005, 2020, -48.4);

    @Test
    void twoYearOnYearFallsChainToMinus4point5696NotMinus4point6() {
        Assessment a = assess(CO2_2025, List.of(yoy(2021, -3.8), yoy(2022, -0.8)), endOf(2022));
        assertAll(
                () -> assertEquals("2022", a.latest().period()),
                () -> assertEquals(-4.5696, a.latest().value(), 1e-9),
                () -> assertEquals(ValueBasis.CHANGE_PCT, a.valueBasis()),
                () -> assertEquals("2020", a.baseline().period()),
                () -> assertEquals(0.0, a.baseline().value(), 1e-12),
                () -> assertEquals(-2.3115155199959, a.observedAnnualRate(), 1e-9));
    }

    @Test
    void aFallOf18PercentOverFiveYearsNeeds3point89PercentAYear() {
        Assessment a = assess(CO2_2025, List.of(yoy(2021, -2.31), yoy(2022, -2.31), yoy(2023, -2.31)), endOf(2023));
        assertAll(
                () -> assertEquals(-3.891285038993675, a.requiredAnnualRate(), 1e-9),
                () -> assertEquals(-2.31, a.observedAnnualRate(), 1e-9),
                () -> assertEquals(0.5936342305567491, a.ratio(), 1e-9),
                () -> assertEquals(-11.0285746789325, a.projected(), 1e-9),
                () -> assertEquals(Status.OFF_TRACK, a.status()),
                () -> assertEquals("需年均下降3.89%，实际年均下降2.31%（速度比0.594），按此速度2025年将比2020年下降11.0%。",
                        a.explanation().zh()),
                () -> assertEquals("Needs a fall of 3.89 % a year; achieved a fall of 2.31 % a year (pace ratio 0.594);"
                        + " at this pace 2025 will be 11.0 % below 2020.", a.explanation().en()));
    }

    @Test
    void the2030TargetChainsFromThePublished2020PositionAgainst2005() {
        Assessment a = assess(CO2_2030, List.of(yoy(2021, -3.8), yoy(2022, -0.8)), endOf(2022));
        assertAll(
                () -> assertEquals("2020", a.baseline().period()),
                () -> assertEquals(-48.4, a.baseline().value(), 1e-9),
                () -> assertEquals(-50.7579136, a.latest().value(), 1e-9),
                () -> assertEquals((Math.pow(0.35 / 0.516, 0.1) - 1) * 100, a.requiredAnnualRate(), 1e-12),
                () -> assertEquals(-3.807362172033779, a.requiredAnnualRate(), 1e-9),
                () -> assertEquals(0.6071173204836375, a.ratio(), 1e-9),
                () -> assertEquals(-59.160217304055784, a.projected(), 1e-9),
                () -> assertEquals(Status.AT_RISK, a.status()),
                () -> assertTrue(a.explanation().zh().contains("2030年将比2005年下降59.2%"), a.explanation().zh()),
                () -> assertTrue(a.explanation().en().contains("2030 will be 59.2 % below 2005"),
                        a.explanation().en()));
    }

    @Test
    void the2030TargetUsesALevelRatioAgainstTheBaseYearWhenBothLevelsExist() {
        Assessment a = assess(CO2_2030, List.of(level(2005, 2.0), level(2024, 0.9)), endOf(2024));
        assertEquals(-55.0, a.latest().value(), 1e-9);
        assertEquals("2024", a.latest().period());
    }

    @Test
    void aMissingYearIsNotBridged() {
        Assessment a = assess(CO2_2025, List.of(yoy(2021, -3.8), yoy(2023, -2.0), yoy(2024, -3.0)), endOf(2024));
        assertAll(
                () -> assertEquals(List.of(2022), a.missingYears()),
                () -> assertEquals("2021", a.latest().period()),
                () -> assertEquals(-3.8, a.latest().value(), 1e-9),
                () -> assertTrue(a.explanation().zh().contains("缺少2022年数据，链式计算止于2021年"), a.explanation().zh()),
                () -> assertTrue(a.explanation().en().contains("Data for 2022 is missing, so the chain stops at 2021"),
                        a.explanation().en()));
    }

    @Test
    void aMissingFirstYearLeavesNoDataAndSaysSo() {
        Assessment a = assess(CO2_2025, List.of(yoy(2022, -3.0), yoy(2023, -2.0)), endOf(2024));
        assertAll(
                () -> assertEquals(Status.NO_DATA, a.status()),
                () -> assertEquals(List.of(2021), a.missingYears()),
                () -> assertTrue(a.explanation().zh().contains("缺少2021年数据"), a.explanation().zh()),
                () -> assertTrue(a.explanation().en().contains("Data for 2021 is missing"), a.explanation().en()));
    }

    @Test
    void aLevelAfterTheGapResumesTheChainWhenTheBaseYearLevelIsKnown() {
        Assessment a = assess(CO2_2025, List.of(level(2020, 1.0), yoy(2021, -3.8), level(2023, 0.9), yoy(2024, -1.0)),
                endOf(2024));
        assertAll(
                () -> assertEquals("2024", a.latest().period()),
                () -> assertEquals((0.9 * 0.99 - 1) * 100, a.latest().value(), 1e-9),
                () -> assertEquals(List.of(), a.missingYears()));
    }

    @Test
    void levelRatiosWinOverYearOnYearChangesForTheSameYear() {
        Assessment a = assess(CO2_2025, List.of(level(2020, 0.5), level(2022, 0.475), yoy(2021, -1), yoy(2022, -1)),
                endOf(2022));
        assertEquals(-5.0, a.latest().value(), 1e-9);
    }

    @Test
    void indexPointsGiveTheChangeAsARatio() {
        Assessment a = assess(CO2_2025, List.of(index(2020, 100), index(2023, 90)), endOf(2023));
        assertEquals(-10.0, a.latest().value(), 1e-9);
    }

    static Stream<Arguments> asOfCases() {
        return Stream.of(
                Arguments.of("as of the end of 2022: 2023 not yet over", endOf(2022), "2022"),
                Arguments.of("as of mid-2023: 2023 not yet over", LocalDate.of(2023, 6, 30), "2022"),
                Arguments.of("as of the end of 2023", endOf(2023), "2023"));
    }

    @ParameterizedTest(name = "{0} → latest {2}")
    @MethodSource("asOfCases")
    void pointsOfPeriodsEndingAfterAsOfAreIgnored(String name, LocalDate asOf, String latest) {
        Assessment a = assess(CO2_2025, List.of(yoy(2021, -3.8), yoy(2022, -0.8), yoy(2023, -5.0)), asOf);
        assertEquals(latest, a.latest().period());
    }

    /** Two equal annual changes chosen so that R is exactly the given ratio (required −3.89 % a year). */
    static Stream<Arguments> ratioBoundaries() {
        return Stream.of(
                Arguments.of(0.951, Status.ON_TRACK),
                Arguments.of(0.949, Status.AT_RISK),
                Arguments.of(0.601, Status.AT_RISK),
                Arguments.of(0.599, Status.OFF_TRACK),
                Arguments.of(-0.3, Status.OFF_TRACK));
    }

    @ParameterizedTest(name = "R = {0} → {1}")
    @MethodSource("ratioBoundaries")
    void statusFollowsThePaceRatio(double ratio, Status expected) {
        double perYear = ratio * (Math.pow(0.82, 0.2) - 1) * 100;
        Assessment a = assess(CO2_2025, List.of(yoy(2021, perYear), yoy(2022, perYear)), endOf(2022));
        assertEquals(expected, a.status());
        assertEquals(ratio, a.ratio(), 1e-9);
    }

    static Stream<Arguments> conditionEdges() {
        return Stream.of(
                Arguments.of("a fall of exactly 18 % before the deadline", 2023, 82.0, Status.ACHIEVED),
                Arguments.of("a fall of 18.5 % before the deadline", 2024, 81.5, Status.ACHIEVED),
                Arguments.of("a fall of 17.9999 % in the deadline year", 2025, 82.0001, Status.MISSED),
                Arguments.of("a fall of exactly 18 % in the deadline year", 2025, 82.0, Status.ACHIEVED),
                Arguments.of("a rise in the deadline year", 2025, 101.0, Status.MISSED));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("conditionEdges")
    void achievedAndMissed(String name, int year, double level, Status expected) {
        Assessment a = assess(CO2_2025, List.of(level(2020, 100), level(year, level)), endOf(2026));
        assertEquals(expected, a.status());
    }

    @Test
    void noPointsMeansNoDataButTheBaselineIsReported() {
        Assessment a = assess(CO2_2030, List.of(), endOf(2021));
        assertAll(
                () -> assertEquals(Status.NO_DATA, a.status()),
                () -> assertEquals(-48.4, a.baseline().value(), 1e-9),
                () -> assertEquals(0.1, a.elapsed(), 1e-3));
    }
}
