package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;

/** When there is nothing to judge yet, and how levels are derived from the published forms. */
class NoDataAndChainingTest {

    /** 非化石能源消费比重达到20%左右 (2025) from 15.9 (2020). */
    private static final TargetSpec NON_FOSSIL = Fixtures.about(2025, 20, 0.5, 2020, 15.9, Direction.UP);

    /** 知识产权民事一审案件服判息诉率 85 % (2025): baseline year 2020, value unknown. */
    private static final TargetSpec CIVIL_RATE = Fixtures.level(TargetKind.LEVEL_AT_LEAST, 2025, 85.0, 2020, null,
            Direction.UP);

    static Stream<Arguments> noDataCases() {
        return Stream.of(
                Arguments.of("no points", NON_FOSSIL, List.of(), "尚无2020年之后的观测数据。", "No observation after 2020 yet."),
                Arguments.of("only the baseline year: it is the baseline, and the difference is said", NON_FOSSIL,
                        List.of(level(2020, 16.0)), "尚无2020年之后的观测数据。基准值采用录入的2020年数据16，目录基准值为15.9，相差+0.1。",
                        "No observation after 2020 yet. The baseline is the entered 2020 figure, 16, not the catalogue's 15.9 (+0.1)."),
                Arguments.of("only a point after the as-of date", NON_FOSSIL, List.of(level(2023, 18.0)),
                        "尚无2020年之后的观测数据。", "No observation after 2020 yet."),
                Arguments.of("no baseline value and one point", CIVIL_RATE, List.of(level(2021, 80.0)),
                        "仅有2021年的观测值，作为基期，还需要之后年份的观测值。",
                        "Only the 2021 observation, which serves as the baseline; a later one is needed."),
                Arguments.of("no baseline value and no point", CIVIL_RATE, List.of(), "尚无观测数据。",
                        "No observations yet."),
                Arguments.of("no baseline value, only year-on-year changes", CIVIL_RATE,
                        List.of(yoy(2021, 1.0), yoy(2022, 1.0)), "没有可作为基期的水平值（需要基期值，或2020年及以后的水平观测值）。",
                        "No level to serve as the baseline (a baseline value or a level observed from 2020 on is needed)."),
                Arguments.of("no target value", Fixtures.level(TargetKind.LEVEL_AT_LEAST, 2025, null, 2020, 1.0,
                        Direction.UP), List.of(level(2022, 2.0)), "目标没有目标值，无法评估。",
                        "The target has no target value, so it cannot be assessed."),
                Arguments.of("target year not after the baseline year", Fixtures.atLeast(2020, 5, 2020, 3),
                        List.of(level(2020, 3.0)), "目标年2020年不晚于基期2020年，无法评估。基准值采用录入的2020年数据3，与目录基准值相同。",
                        "The target year 2020 is not after the baseline year 2020, so the target cannot be assessed."
                                + " The baseline is the entered 2020 figure, 3, the same as the catalogue's."));
    }

    @ParameterizedTest(name = "NO_DATA: {0}")
    @MethodSource("noDataCases")
    void noData(String name, TargetSpec spec, List<DataPoint> points, String zh, String en) {
        Assessment a = assess(spec, points, endOf(2022));
        assertAll(
                () -> assertEquals(Status.NO_DATA, a.status()),
                () -> assertNull(a.latest()),
                () -> assertNull(a.ratio()),
                () -> assertEquals(zh, a.explanation().zh()),
                () -> assertEquals(en, a.explanation().en()));
    }

    @Test
    void theBaselineOfTheTargetIsReportedEvenWithoutData() {
        Assessment a = assess(NON_FOSSIL, List.of(), endOf(2022));
        assertEquals("2020", a.baseline().period());
        assertEquals(15.9, a.baseline().value());
    }

    @Test
    void anObservationAtTheBaselineYearServesWhenTheTargetHasNoBaselineValue() {
        Assessment a = assess(CIVIL_RATE, List.of(level(2020, 80), level(2022, 82)), endOf(2022));
        assertEquals("2020", a.baseline().period());
        assertEquals(80.0, a.baseline().value());
        assertEquals(Status.ON_TRACK, a.status());
    }

    @Test
    void yearOnYearChangesAreConvertedToLevelsFromTheBaselineValue() {
        Assessment a = assess(NON_FOSSIL, List.of(yoy(2021, 5), yoy(2022, 10)), endOf(2022));
        assertAll(
                () -> assertEquals(ValueBasis.LEVEL, a.valueBasis()),
                () -> assertEquals("2022", a.latest().period()),
                () -> assertEquals(15.9 * 1.05 * 1.10, a.latest().value(), 1e-12),
                () -> assertEquals(18.3645, a.latest().value(), 1e-9));
    }

    @Test
    void aYearOnYearChangeChainsOnThePreviousYearsLevel() {
        Assessment a = assess(NON_FOSSIL, List.of(level(2021, 17.0), yoy(2022, 10)), endOf(2022));
        assertEquals(18.7, a.latest().value(), 1e-12);
    }

    @Test
    void aLevelPointWinsOverAYearOnYearChangeOfTheSameYear() {
        Assessment a = assess(NON_FOSSIL, List.of(yoy(2021, 5), level(2021, 16.2)), endOf(2021));
        assertEquals(16.2, a.latest().value(), 1e-12);
    }

    @Test
    void indexPointsCarryALevelByTheirRatio() {
        TargetSpec spec = Fixtures.atLeast(2025, 150, 2020, 100);
        Assessment a = assess(spec, List.of(index(2020, 50), index(2022, 60)), endOf(2022));
        assertEquals(120.0, a.latest().value(), 1e-12);
    }

    @Test
    void indexPointsWithoutAKnownReferenceYearCannotBeLinked() {
        TargetSpec spec = Fixtures.atLeast(2025, 150, 2020, 100);
        Assessment a = assess(spec, List.of(index(2021, 50), index(2022, 60)), endOf(2022));
        assertAll(
                () -> assertEquals(Status.NO_DATA, a.status()),
                () -> assertEquals(List.of(), a.missingYears()),
                () -> assertTrue(a.explanation().zh().contains("2021年的数据无法与此前的数据衔接"), a.explanation().zh()),
                () -> assertTrue(a.explanation().en().contains("The 2021 data cannot be linked"),
                        a.explanation().en()));
    }

    @Test
    void aGapInAYearOnYearChainOfLevelsIsReported() {
        Assessment a = assess(NON_FOSSIL, List.of(yoy(2021, 5), yoy(2023, 5), yoy(2024, 5)), endOf(2024));
        assertAll(
                () -> assertEquals("2021", a.latest().period()),
                () -> assertEquals(List.of(2022), a.missingYears()),
                () -> assertTrue(a.explanation().zh().endsWith("缺少2022年数据，链式计算止于2021年。"), a.explanation().zh()));
    }

    @Test
    void twoMissingYearsAreBothListed() {
        Assessment a = assess(NON_FOSSIL, List.of(yoy(2021, 5), yoy(2024, 5)), endOf(2024));
        assertEquals(List.of(2022, 2023), a.missingYears());
        assertTrue(a.explanation().en().contains("Data for 2022, 2023 are missing"), a.explanation().en());
    }

    @Test
    void gapsBetweenLevelsAreNotMissingYears() {
        Assessment a = assess(NON_FOSSIL, List.of(level(2021, 16.5), level(2024, 18.5)), endOf(2024));
        assertEquals(List.of(), a.missingYears());
        assertEquals("2024", a.latest().period());
    }

    @Test
    void theLastPointOfTheSameYearAndFormWins() {
        Assessment a = assess(NON_FOSSIL, List.of(level(2022, 17.0), level(2022, 17.5)), endOf(2022));
        assertEquals(17.5, a.latest().value());
    }

    @Test
    void asOfExcludesPointsOfPeriodsNotYetEnded() {
        List<DataPoint> points = List.of(level(2021, 16.5), level(2022, 17.3));
        assertEquals("2021", assess(NON_FOSSIL, points, LocalDate.of(2022, 12, 30)).latest().period());
        assertEquals("2022", assess(NON_FOSSIL, points, endOf(2022)).latest().period());
    }
}
