package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.bound;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.TargetKind;

/**
 * Published bounds ("森林覆盖率超过25%"): a bound can prove a target met, but is never used as a level
 * for rates, projections or chains (docs/ASSESSMENT.md, "Bounds and approximations").
 */
class BoundsTest {

    /** Forest coverage: at least 24.1 % in 2025 from 23.04 % in 2020. */
    static final TargetSpec COVERAGE = Fixtures.level(TargetKind.LEVEL_AT_LEAST, 2025, 24.1, 2020, 23.04, Direction.UP);
    /** A share of about 25 % (24.5 or more) by 2030 from 15.9 %. */
    static final TargetSpec ABOUT_25 = Fixtures.about(2030, 25, 0.5, 2020, 15.9, Direction.UP);
    /** At most 50 by 2030 from 100. */
    static final TargetSpec AT_MOST_50 = Fixtures.level(TargetKind.LEVEL_AT_MOST, 2030, 50.0, 2020, 100.0,
            Direction.DOWN);

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, target, points, as of, status, latest period, latest qualifier
                Arguments.of("more than 25 proves at least 24.1", COVERAGE,
                        List.of(level(2021, 23.3), bound(2022, Qualifier.AT_LEAST, 25)), 2023,
                        Status.ACHIEVED, "2022", Qualifier.AT_LEAST),
                Arguments.of("more than 25 proves 25 左右 (24.5 or more)", ABOUT_25,
                        List.of(bound(2023, Qualifier.AT_LEAST, 25)), 2024, Status.ACHIEVED, "2023",
                        Qualifier.AT_LEAST),
                Arguments.of("less than 48 proves at most 50", AT_MOST_50,
                        List.of(level(2022, 80), bound(2024, Qualifier.AT_MOST, 48)), 2025,
                        Status.ACHIEVED, "2024", Qualifier.AT_MOST),
                Arguments.of("more than 24 does not prove at least 24.1: the exact values decide", COVERAGE,
                        List.of(level(2021, 23.0), bound(2022, Qualifier.AT_LEAST, 24)), 2023,
                        Status.OFF_TRACK, "2021", Qualifier.EXACT),
                Arguments.of("less than 30 proves nothing about at least 24.1", COVERAGE,
                        List.of(level(2021, 23.0), bound(2022, Qualifier.AT_MOST, 30)), 2023,
                        Status.OFF_TRACK, "2021", Qualifier.EXACT),
                Arguments.of("more than 60 proves nothing about at most 50", AT_MOST_50,
                        List.of(level(2022, 80), bound(2024, Qualifier.AT_LEAST, 60)), 2025,
                        Status.ON_TRACK, "2022", Qualifier.EXACT),
                Arguments.of("a later exact value decides over an earlier bound", COVERAGE,
                        List.of(bound(2021, Qualifier.AT_LEAST, 25), level(2022, 23.0)), 2023,
                        Status.OFF_TRACK, "2022", Qualifier.EXACT),
                Arguments.of("an exact value of the same year decides over the bound", COVERAGE,
                        List.of(level(2022, 23.0), bound(2022, Qualifier.AT_LEAST, 25)), 2023,
                        Status.OFF_TRACK, "2022", Qualifier.EXACT),
                Arguments.of("a bound not yet published as of the date counts for nothing", COVERAGE,
                        List.of(level(2021, 23.0), bound(2023, Qualifier.AT_LEAST, 25)), 2022,
                        Status.OFF_TRACK, "2021", Qualifier.EXACT),
                Arguments.of("maintain: a bound proves the level kept only in the target year",
                        Fixtures.maintain(2030, 82.0, 2020, 85), List.of(bound(2025, Qualifier.AT_LEAST, 90)), 2026,
                        Status.NO_DATA, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void boundProvesOrIsSetAside(String name, TargetSpec spec, List<DataPoint> points, int asOf, Status status,
            String latestPeriod, Qualifier latestQualifier) {
        Assessment a = assess(spec, points, endOf(asOf));
        assertEquals(status, a.status(), a.explanation().en());
        if (latestPeriod == null) {
            assertNull(a.latest());
        } else {
            assertEquals(latestPeriod, a.latest().period());
            assertEquals(latestQualifier, a.latest().qualifier());
        }
    }

    @Test
    void shouldDeriveNoRateProjectionOrProgressFromABoundThatProvesTheTarget() {
        Assessment a = assess(COVERAGE, List.of(level(2021, 23.3), bound(2022, Qualifier.AT_LEAST, 25)), endOf(2023));
        assertAll(
                () -> assertEquals(Status.ACHIEVED, a.status()),
                () -> assertEquals(25.0, a.latest().value()),
                () -> assertNull(a.projected()),
                () -> assertNull(a.observedAnnualRate()),
                () -> assertNull(a.ratio()),
                () -> assertNull(a.progress()),
                () -> assertEquals(23.04, a.baseline().value()),
                () -> assertEquals("2022年公布为25以上，已达到目标（不低于24.1）；该数值为界限值，不用于计算速度和预测。",
                        a.explanation().zh()),
                () -> assertEquals("In 2022 the value was published as at least 25, which meets the target (at least "
                        + "24.1); a bound is not used for rates or projections.", a.explanation().en()));
    }

    @Test
    void shouldNeverUseABoundAsALevelForThePace() {
        List<DataPoint> exact = List.of(level(2021, 23.0));
        Assessment without = assess(COVERAGE, exact, endOf(2023));
        Assessment with = assess(COVERAGE, List.of(level(2021, 23.0), bound(2022, Qualifier.AT_LEAST, 24)),
                endOf(2023));
        assertAll(
                () -> assertEquals(without.status(), with.status()),
                () -> assertEquals(without.observedAnnualRate(), with.observedAnnualRate()),
                () -> assertEquals(without.projected(), with.projected()),
                () -> assertEquals(without.ratio(), with.ratio()),
                () -> assertTrue(with.explanation().en().endsWith("The 2022 figure was published as at least 24 (a "
                        + "bound): it does not settle the target and is not used for rates or projections."),
                        with.explanation().en()),
                () -> assertTrue(with.explanation().zh().endsWith("2022年公布为24以上（界限值），不足以判断目标，也不用于计算速度和预测。"),
                        with.explanation().zh()));
    }

    @Test
    void shouldNeverChainABoundOfAYearOnYearChange() {
        // A fall of more than 5 % in 2022 is not a link of the chain: the chain stops at 2021.
        TargetSpec energy = Fixtures.change(2025, -13.5, 2020, 2020, 100);
        Assessment without = assess(energy, List.of(DataPoint.yoy(2021, -2.7)), endOf(2023));
        Assessment a = assess(energy, List.of(DataPoint.yoy(2021, -2.7),
                new DataPoint(2022, -5, ObservationForm.YOY_CHANGE_PCT, Qualifier.AT_MOST)), endOf(2023));
        assertEquals("2021", a.latest().period());
        assertEquals(without.latest(), a.latest());
        assertEquals(without.status(), a.status());
        assertEquals(without.projected(), a.projected());
    }

    @Test
    void shouldUseAnApproximateFigureAsTheValue() {
        Assessment a = assess(COVERAGE, List.of(new DataPoint(2022, 24.2, ObservationForm.LEVEL, Qualifier.ABOUT)),
                endOf(2023));
        assertEquals(Status.ACHIEVED, a.status());
        assertEquals(24.2, a.latest().value());
    }
}
