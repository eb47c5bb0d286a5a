package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.Fixtures.assess;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.Measure;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.TargetKind;

/**
 * Months, quarters and year to date (docs/ASSESSMENT.md): annual targets on annual values; a stock's month
 * and a flow's year to date can prove an "at least" target met early; otherwise the part-year value is the
 * latest indication, shown beside the annual verdict and never used in it.
 */
class SubAnnualTest {

    /** Wind and solar capacity, a stock: at least 12 (亿千瓦) by 2030, 5.3 in 2020. */
    static final TargetSpec CAPACITY = measured(Fixtures.atLeast(2030, 12, 2020, 5.3), Measure.STOCK);
    /** Service trade, a flow: at least 10000 (亿美元) in 2025, 6617 in 2020. */
    static final TargetSpec TRADE = measured(Fixtures.atLeast(2025, 10000, 2020, 6617), Measure.FLOW);
    /** A share (a rate): at least 20 by 2025, 15.9 in 2020. */
    static final TargetSpec SHARE = measured(Fixtures.atLeast(2025, 20, 2020, 15.9), Measure.RATE);
    /** A stock with a ceiling: at most 40 by 2025, 45 in 2020. */
    static final TargetSpec CEILING = measured(Fixtures.level(TargetKind.LEVEL_AT_MOST, 2025, 40.0, 2020, 45.0,
            Direction.DOWN),
            Measure.STOCK);
    /** A flow with a ceiling: at most 40 in 2025. */
    static final TargetSpec FLOW_CEILING = measured(Fixtures.level(TargetKind.LEVEL_AT_MOST, 2025, 40.0, 2020, 45.0,
            Direction.DOWN), Measure.FLOW);

    static TargetSpec measured(TargetSpec s, Measure measure) {
        return new TargetSpec(s.kind(), s.targetYear(), s.targetDate(), s.targetValue(), s.tolerance(), s.direction(),
                s.favourableDirection(), s.baseYear(), s.baselineYear(), s.baselineValue(), s.valueType(),
                s.precision(), measure);
    }

    static DataPoint month(int year, int month, double value) {
        return DataPoint.ofPart(String.format("%d-%02d", year, month),
                LocalDate.of(year, month, 1).plusMonths(1).minusDays(1), false, value);
    }

    static DataPoint ytd(int year, int month, double value) {
        return DataPoint.ofPart(String.format("%d-%02d", year, month),
                LocalDate.of(year, month, 1).plusMonths(1).minusDays(1), true, value);
    }

    static DataPoint quarterYtd(int year, int quarter, double value) {
        return DataPoint.ofPart(year + "Q" + quarter, LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1),
                true, value);
    }

    static Stream<Arguments> cases() {
        LocalDate dec2025 = LocalDate.of(2025, 12, 20);
        return Stream.of(
                // name, spec, points, as of, status, latest period, indication period, explanation (zh) contains
                Arguments.of("a stock's month past the target proves it met early", CAPACITY,
                        List.of(level(2024, 11.3), month(2025, 7, 12.06)), dec2025, Status.ACHIEVED, "2025-07",
                        "2025-07", "截至2025年7月底为12.06，已达到目标"),
                Arguments.of("a stock's month below the target is only an indication", CAPACITY,
                        List.of(level(2024, 11.3), month(2025, 7, 11.8)), dec2025, null, "2024", "2025-07",
                        "最新月度数据：截至2025年7月底为11.8"),
                Arguments.of("a month before the latest year's figure is superseded by it", CAPACITY,
                        List.of(month(2024, 7, 12.5), level(2024, 11.3)), dec2025, null, "2024", null, null),
                Arguments.of("a flow's year to date past an 'at least' target proves it met", TRADE,
                        List.of(level(2024, 9500), ytd(2025, 11, 10200)), dec2025, Status.ACHIEVED, "2025-11",
                        "2025-11", "2025年1–11月累计为10,200，全年合计不会低于此数"),
                Arguments.of("a flow's year to date short of it proves nothing yet", TRADE,
                        List.of(level(2024, 9500), ytd(2025, 11, 9100)), dec2025, null, "2024", "2025-11",
                        "最新月度数据：2025年1–11月累计为9,100（年内数据，不参与年度评估）"),
                Arguments.of("a flow's quarters to date, in words of quarters", TRADE,
                        List.of(level(2024, 9500), quarterYtd(2025, 3, 7400)), dec2025, null, "2024", "2025Q3",
                        "2025年前三季度累计为7,400"),
                Arguments.of("a rate's month never proves the year's rate", SHARE,
                        List.of(level(2024, 19.0), ytd(2025, 11, 21.0)), dec2025, null, "2024", "2025-11",
                        "不参与年度评估"),
                Arguments.of("a stock below a ceiling at a month end has reached it", CEILING,
                        List.of(level(2024, 42), month(2025, 6, 39.5)), dec2025, Status.ACHIEVED, "2025-06",
                        "2025-06", "已达到目标（不高于40）"),
                Arguments.of("a flow below a ceiling so far proves nothing: the year is not over", FLOW_CEILING,
                        List.of(level(2024, 42), ytd(2025, 6, 19)), dec2025, null, "2024", "2025-06",
                        "不参与年度评估"),
                Arguments.of("a bound of a month proves like a bound of a year", CAPACITY,
                        List.of(level(2024, 11.3), DataPoint.ofPart("2025-07", LocalDate.of(2025, 7, 31), false,
                                12).withQualifier(Qualifier.AT_LEAST)),
                        dec2025, Status.ACHIEVED, "2025-07", "2025-07", "12以上"),
                Arguments.of("a month not over by the as-of date does not count", CAPACITY,
                        List.of(level(2024, 11.3), month(2025, 7, 12.06)), LocalDate.of(2025, 7, 30), null, "2024",
                        null, null),
                Arguments.of("a month with no annual value yet is the indication", CAPACITY,
                        List.of(month(2021, 3, 5.5)), dec2025, Status.NO_DATA, null, "2021-03",
                        "截至2021年3月底为5.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldUseAPartOfAYearOnlyWhereItProvesTheTargetMet(String name, TargetSpec spec, List<DataPoint> points,
            LocalDate asOf, Status status, String latest, String indication, String says) {
        Assessment withParts = assess(spec, points, asOf);
        Assessment annualOnly = assess(spec, points.stream().filter(p -> !p.isSubAnnual()).toList(), asOf);
        assertAll(name,
                () -> assertEquals(status != null ? status : annualOnly.status(), withParts.status(), "status"),
                () -> assertEquals(latest, withParts.latest() == null ? null : withParts.latest().period(), "latest"),
                () -> assertEquals(indication,
                        withParts.latestIndication() == null ? null : withParts.latestIndication().period(),
                        "latestIndication"),
                () -> {
                    if (says != null) {
                        assertTrue(withParts.explanation().zh().contains(says), withParts.explanation().zh());
                    }
                });
        if (status == null && indication != null) {
            // An indication that proves nothing changes nothing of the annual verdict but the words after it.
            assertAll(name + ": the annual answer unchanged",
                    () -> assertEquals(annualOnly.projected(), withParts.projected()),
                    () -> assertEquals(annualOnly.ratio(), withParts.ratio()),
                    () -> assertTrue(withParts.explanation().zh().startsWith(annualOnly.explanation().zh())));
        }
    }

    @org.junit.jupiter.api.Test
    void shouldSayTheYearToDateInEnglishAndMarkIt() {
        Assessment a = assess(TRADE, List.of(level(2024, 9500), ytd(2025, 11, 9100)), LocalDate.of(2025, 12, 20));
        assertNotNull(a.latestIndication());
        assertTrue(a.latestIndication().ytd());
        assertEquals(9100, a.latestIndication().value());
        assertTrue(a.explanation().en().contains("Latest monthly indication: from January to November 2025, 9,100"),
                a.explanation().en());
        assertNull(assess(TRADE, List.of(level(2024, 9500)), LocalDate.of(2025, 12, 20)).latestIndication());
    }
}
