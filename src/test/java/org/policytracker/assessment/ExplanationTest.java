package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.DataPoint.yoy;
import static org.policytracker.assessment.Fixtures.endOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;

/** The sentences say why, with the numbers that decide, in both languages. */
class ExplanationTest {

    /** The spec with its indicator's published decimals. */
    static TargetSpec withPrecision(TargetSpec s, int decimals) {
        return new TargetSpec(s.kind(), s.targetYear(), s.targetDate(), s.targetValue(), s.tolerance(), s.direction(),
                s.favourableDirection(), s.baseYear(), s.baselineYear(), s.baselineValue(), s.valueType(), decimals);
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("level: pace",
                        Fixtures.atLeast(2025, 12, 2020, 6.3), List.of(level(2022, 7.5)), 2022, Status.AT_RISK,
                        "需年均增长13.75%，实际年均增长9.11%（速度比0.662），按此速度2025年将达到9.74。"
                                + "依据有限（年变化不足两个，无法估计波动），该判断把握较低。",
                        "Needs a rise of 13.75 % a year; achieved a rise of 9.11 % a year (pace ratio 0.662); at this"
                                + " pace the value in 2025 will be 9.74."
                                + " The evidence is thin (fewer than two yearly changes to measure how the series varies), so this verdict is of low confidence."),
                Arguments.of("level: values with the indicator's published decimals",
                        withPrecision(Fixtures.atLeast(2025, 3200, 2020, 2180), 1), List.of(level(2021, 2500)), 2021,
                        Status.ON_TRACK,
                        "需年均增长7.98%，实际年均增长14.68%（速度比1.84），按此速度2025年将达到4,323.9。"
                                + "依据有限（年变化不足两个，无法估计波动；外推4年，超过所依据的1年数据的三倍），该判断把握较低。",
                        "Needs a rise of 7.98 % a year; achieved a rise of 14.68 % a year (pace ratio 1.84); at this"
                                + " pace the value in 2025 will be 4,323.9."
                                + " The evidence is thin (fewer than two yearly changes to measure how the series varies; the projection reaches 4 years ahead, more than three times the 1 year of data), so this verdict is of low confidence."),
                Arguments.of("level about: achieved at the tolerance edge",
                        Fixtures.about(2025, 20, 0.5, 2020, 15.9, Direction.UP), List.of(level(2024, 19.5)), 2024,
                        Status.ACHIEVED,
                        "2024年为19.5，已达到目标（20左右，不低于19.5）。",
                        "In 2024 the value was 19.5, which meets the target (about 20, at least 19.5)."),
                Arguments.of("at most: missed",
                        Fixtures.level(TargetKind.LEVEL_AT_MOST, 2025, 50.0, 2020, 80.0, Direction.DOWN),
                        List.of(level(2025, 52.25)), 2025, Status.MISSED,
                        "目标年2025年为52.25，未达到目标（不高于50）。",
                        "In 2025, the deadline year, the value was 52.25, which misses the target (at most 50)."),
                Arguments.of("change: achieved",
                        Fixtures.change(2025, -18, 2020, 2020, 0), List.of(yoy(2021, -10), yoy(2022, -10)), 2022,
                        Status.ACHIEVED,
                        "2022年比2020年下降19.00%，已达到目标（比2020年下降18%）。",
                        "In 2022 the value was 19.00 % below 2020, which meets the target (18 % below 2020)."),
                Arguments.of("change: missed",
                        Fixtures.change(2025, -13.5, 2020, 2020, 0), List.of(level(2020, 1), level(2025, 0.9)), 2025,
                        Status.MISSED,
                        "目标年2025年比2020年下降10.00%，未达到目标（比2020年下降13.5%）。",
                        "In 2025, the deadline year, the value was 10.00 % below 2020, which misses the target"
                                + " (13.5 % below 2020)."),
                Arguments.of("average growth: before the deadline",
                        Fixtures.growth(2025, 8, 0.5, 2020, 2947.6), List.of(yoy(2021, 6), yoy(2022, 6)), 2022,
                        Status.AT_RISK,
                        "目标年均增长8%左右（年均增速不低于7.5%），2021–2022年实际年均增长6.00%（速度比0.75），按此速度2025年将达到3,944.55。",
                        "The target is a rise of about 8 % a year (at least 7.5 %); achieved a rise of 6.00 % a year over"
                                + " 2021–2022 (pace ratio 0.75); at this pace the value in 2025 will be 3,944.55."),
                Arguments.of("average growth: at the deadline",
                        Fixtures.growth(2025, 8, null, 2020, 100.0), List.of(level(2025, 140)), 2025, Status.MISSED,
                        "目标年均增长8%，2021–2025年实际年均增长6.96%（速度比0.87），未达到目标。",
                        "The target is a rise of 8 % a year; achieved a rise of 6.96 % a year over 2021–2025 (pace ratio"
                                + " 0.87); this misses the target."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void theExplanationCarriesTheDecidingNumbers(String name, TargetSpec spec, List<DataPoint> points, int asOfYear,
            Status status, String zh, String en) {
        Assessment a = Fixtures.assess(spec, points, endOf(asOfYear));
        assertAll(
                () -> assertEquals(status, a.status()),
                () -> assertEquals(zh, a.explanation().zh()),
                () -> assertEquals(en, a.explanation().en()),
                () -> assertTrue(a.explanation().zh().endsWith("。")),
                () -> assertTrue(a.explanation().en().endsWith(".")));
    }
}
