package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.DataPoint.yoy;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.WordReading;

/**
 * Direction targets whose wording the catalogue reads (docs/ASSESSMENT.md, "Wording that needs judgement"): the
 * least change over the period, and whether the analyst must still judge; every boundary of the rule.
 */
class WordReadingTest {

    /** 单位GDP能耗大幅下降 (2030, against 2020): at least 13.5 % (the same document's 2025 figure), then judgement. */
    private static final WordReading SUBSTANTIAL = new WordReading("大幅下降", "fall substantially", 13.5, true,
            "同一文件2025年要求下降13.5%", "the same document's 2025 figure", "单位国内生产总值能耗比2020年下降13.5%");

    /** 稳中有增: any rise over the whole period, settled by the data. */
    private static final WordReading STEADY = new WordReading("稳中有增", "grow steadily", 0, false, "不设幅度",
            "no size", null);

    /** A curated threshold that settles the verdict: a rise of at least 10 %. */
    private static final WordReading TEN_PERCENT = new WordReading("明显提升", "rise markedly", 10, false, "十个百分点",
            "ten per cent", null);

    /** A word with no size that still needs the analyst: any rise, then judgement. */
    private static final WordReading JUDGED_ANY = new WordReading("明显提升", "rise markedly", 0, true, "需判断",
            "needs judgement", null);

    private static final TargetSpec ENERGY = Fixtures.direction(2030, Direction.DOWN, 2020, null, SUBSTANTIAL);

    /** Year-on-year changes of the same size from 2021 to {@code to}. */
    private static List<DataPoint> everyYear(double percent, int to) {
        List<DataPoint> points = new ArrayList<>();
        for (int year = 2021; year <= to; year++) {
            points.add(yoy(year, percent));
        }
        return points;
    }

    /** The yearly change that compounds to {@code total} percent over 2021–2030. */
    private static double yearlyFor(double total) {
        return (Math.pow(1 + total / 100, 1 / 10.0) - 1) * 100;
    }

    static Stream<Arguments> substantialAtTheDeadline() {
        return Stream.of(
                Arguments.of("a rise", 0.5, Status.MISSED, false),
                Arguments.of("a fall of 10 %, short of the 13.5 % minimum", yearlyFor(-10), Status.MISSED, false),
                Arguments.of("a fall of 13.4 %, just short", yearlyFor(-13.4), Status.MISSED, false),
                Arguments.of("a fall of exactly 13.5 %: the minimum met, the size left to the analyst",
                        yearlyFor(-13.5), Status.NO_DATA, true),
                Arguments.of("a fall of 25 %: still the analyst's to call 大幅", yearlyFor(-25), Status.NO_DATA, true));
    }

    @ParameterizedTest(name = "大幅下降 in 2030: {0} → {2}")
    @MethodSource("substantialAtTheDeadline")
    void substantialIsNeverAchievedByTheDataAlone(String name, double yearly, Status expected, boolean judgement) {
        Assessment a = assess(ENERGY, everyYear(yearly, 2030), endOf(2030));
        assertAll(
                () -> assertEquals(expected, a.status()),
                () -> assertEquals(judgement, a.needsJudgement()),
                () -> assertTrue(a.explanation().zh().contains("编目将“大幅下降”解读为比2020年下降至少13.5%"),
                        a.explanation().zh()),
                () -> assertTrue(
                        a.explanation().en().contains("reads “fall substantially” as a fall of at least 13.5 % "
                                + "from 2020"),
                        a.explanation().en()));
        if (judgement) {
            assertTrue(a.explanation().zh().endsWith("是否称得上“大幅下降”，需分析师判断，计算结果不作结论。"), a.explanation().zh());
            assertTrue(a.explanation().en().contains("is for the analyst to judge"), a.explanation().en());
        }
    }

    @Test
    void aFallShortOfTheMinimumSaysSo() {
        Assessment a = assess(ENERGY, everyYear(yearlyFor(-10), 2030), endOf(2030));
        assertTrue(a.explanation().zh().contains("变化不足13.5%，未实现。"), a.explanation().zh());
        assertTrue(a.explanation().en().contains("The fall is less than 13.5 %, so it was missed."),
                a.explanation().en());
    }

    static Stream<Arguments> substantialBeforeTheDeadline() {
        // Required: (1 − 0.135)^(1/10) − 1 = −1.44 % a year; R = observed / required.
        return Stream.of(
                Arguments.of("−2 % a year, faster than needed", -2.0, Status.ON_TRACK),
                Arguments.of("−1.0 % a year, R ≈ 0.69", -1.0, Status.AT_RISK),
                Arguments.of("−0.5 % a year, R ≈ 0.35", -0.5, Status.OFF_TRACK),
                Arguments.of("a rise", 0.5, Status.OFF_TRACK));
    }

    @ParameterizedTest(name = "大幅下降 in 2024: {0} → {2}")
    @MethodSource("substantialBeforeTheDeadline")
    void beforeTheDeadlineThePaceIsTowardsTheMinimum(String name, double yearly, Status expected) {
        Assessment a = assess(ENERGY, everyYear(yearly, 2024), endOf(2024));
        assertAll(
                () -> assertEquals(expected, a.status()),
                () -> assertTrue(a.needsJudgement(), "not shown missed: the analyst's judgement is still needed"),
                () -> assertNotNull(a.projected()));
        if (yearly < 0) {
            assertEquals(yearlyFor(-13.5), a.requiredAnnualRate(), 1e-9);
            assertEquals(yearly / yearlyFor(-13.5), a.ratio(), 1e-9);
            assertNotNull(a.confidence(), "a pace verdict says how firm it is");
        }
        if (expected == Status.ON_TRACK) {
            assertTrue(a.explanation().zh().contains("到2030年是否称得上“大幅下降”，需分析师判断。"), a.explanation().zh());
        }
    }

    @Test
    void theMinimumReachedEarlyIsOnTrackNotAchieved() {
        Assessment a = assess(ENERGY, everyYear(-4, 2024), endOf(2024));
        assertAll(
                () -> assertEquals(Status.ON_TRACK, a.status(), "15 % down by 2024, but 2030 decides"),
                () -> assertTrue(a.explanation().zh().contains("已达到下限，但方向目标按整个期间判断"), a.explanation().zh()),
                () -> assertNull(a.ratio(), "no pace is needed once the minimum is reached"));
    }

    static Stream<Arguments> thresholdsThatSettleIt() {
        return Stream.of(
                Arguments.of("≥ 10 %: 11 % higher in the target year", TEN_PERCENT, 2025, 1110.0, Status.ACHIEVED),
                Arguments.of("≥ 10 %: exactly 10 % higher", TEN_PERCENT, 2025, 1100.0, Status.ACHIEVED),
                Arguments.of("≥ 10 %: 5 % higher", TEN_PERCENT, 2025, 1050.0, Status.MISSED),
                Arguments.of("≥ 10 %: 5 % higher two years early, on pace (needs 1.92 %/y, has 2.47 %/y)", TEN_PERCENT,
                        2022, 1050.0, Status.ON_TRACK),
                Arguments.of("稳中有增: higher in the target year", STEADY, 2025, 1001.0, Status.ACHIEVED),
                Arguments.of("稳中有增: unchanged in the target year", STEADY, 2025, 1000.0, Status.MISSED),
                Arguments.of("稳中有增: higher before it (one year does not settle the period)", STEADY, 2021, 1200.0,
                        Status.ON_TRACK),
                Arguments.of("needs judgement, no size: higher in the target year", JUDGED_ANY, 2025, 1200.0,
                        Status.NO_DATA),
                Arguments.of("needs judgement, no size: lower in the target year", JUDGED_ANY, 2025, 900.0,
                        Status.MISSED));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("thresholdsThatSettleIt")
    void aCuratedReadingDecides(String name, WordReading reading, int year, double value, Status expected) {
        Assessment a = assess(Fixtures.direction(2025, Direction.UP, 2020, 1000.0, reading),
                List.of(level(year, value)), endOf(year));
        assertEquals(expected, a.status());
        assertEquals(reading.needsJudgement() && expected != Status.MISSED, a.needsJudgement());
        if (!reading.needsJudgement()) {
            assertFalse(a.explanation().zh().contains("需分析师判断"), a.explanation().zh());
        }
    }

    /** 社会满意度达到并保持较高水平 (the outline: no level): not below 2020's 80.05 is necessary, 较高 the analyst's. */
    private static final WordReading HIGH_LEVEL = new WordReading("较高水平", "a high level", 0, true, "纲要未给出分值",
            "the outline states no score", null);

    static Stream<Arguments> aHighLevelToReachAndKeep() {
        return Stream.of(
                Arguments.of("above 2020 in the target year", 2025, 82.0, Status.NO_DATA, true),
                Arguments.of("at 2020's level in the target year", 2025, 80.05, Status.NO_DATA, true),
                Arguments.of("below 2020 in the target year", 2025, 79.0, Status.MISSED, false),
                Arguments.of("above 2020 before it", 2023, 81.0, Status.ON_TRACK, true),
                Arguments.of("below 2020 before it", 2023, 79.0, Status.OFF_TRACK, true));
    }

    @ParameterizedTest(name = "达到并保持较高水平: {0} → {3}")
    @MethodSource("aHighLevelToReachAndKeep")
    void aHighLevelIsTheAnalystsToCall(String name, int year, double value, Status expected, boolean judgement) {
        Assessment a = assess(Fixtures.maintain(2025, 2020, 80.05, HIGH_LEVEL), List.of(level(year, value)),
                endOf(year));
        assertEquals(expected, a.status());
        assertEquals(judgement, a.needsJudgement());
        assertTrue(a.explanation().zh().contains("编目将“较高水平”解读为：不低于2020年水平是必要条件。"), a.explanation().zh());
        if (expected == Status.NO_DATA) {
            assertTrue(a.explanation().zh().endsWith("是否称得上“较高水平”，需分析师判断，计算结果不作结论。"), a.explanation().zh());
        }
    }

    @Test
    void withoutAReadingTheDirectionAloneDecidesAndNoJudgementIsAsked() {
        Assessment a = assess(Fixtures.direction(2025, Direction.UP, 2020, 1000.0), List.of(level(2025, 1001)),
                endOf(2025));
        assertEquals(Status.ACHIEVED, a.status());
        assertFalse(a.needsJudgement());
        assertTrue(a.explanation().zh().contains("目标方向为上升。"), a.explanation().zh());
    }
}
