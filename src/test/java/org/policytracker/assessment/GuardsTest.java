package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.DataPoint.yoy;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ValueType;
import org.policytracker.milestone.MilestoneState;

/** Nonsense in, sense out: no NaN or infinity, an explanation instead. */
class GuardsTest {

    @Test
    void coverageFromZeroUsesTheLinearPace() {
        TargetSpec spec = Fixtures.level(TargetKind.COVERAGE, 2025, 100.0, 2020, 0.0, Direction.UP);
        Assessment a = assess(spec, List.of(level(2022, 40)), endOf(2022));
        assertAll(
                () -> assertEquals(Status.ON_TRACK, a.status()),
                () -> assertEquals(1.0, a.ratio(), 1e-12),
                () -> assertNull(a.observedAnnualRate(), "no percent rate from a zero baseline"),
                () -> assertNull(a.requiredAnnualRate()),
                () -> assertEquals(100.0, a.projected(), 1e-12),
                () -> assertEquals(0.4, a.progress(), 1e-12),
                () -> assertEquals("需年均增加20，实际年均增加20（速度比1；数值含零或负数，按线性速度计算），按此速度2025年将达到100。"
                        + "依据有限（年变化不足两个，无法估计波动），该判断把握较低。",
                        a.explanation().zh()),
                () -> assertEquals("Needs an increase of 20 a year; achieved an increase of 20 a year (pace ratio 1;"
                        + " linear, as the values include zero or negatives); at this pace the value in 2025 will be 100."
                        + " The evidence is thin (fewer than two yearly changes to measure how the series varies), so this verdict is of low confidence.",
                        a.explanation().en()));
    }

    @Test
    void negativeLevelsUseTheLinearPace() {
        TargetSpec spec = Fixtures.atLeast(2025, 5, 2020, -5);
        Assessment a = assess(spec, List.of(level(2022, -2.0)), endOf(2022));
        assertEquals(0.75, a.ratio(), 1e-12);
        assertEquals(Status.AT_RISK, a.status());
    }

    @Test
    void aTargetEqualToTheBaselineNeedsNoPace() {
        TargetSpec spec = Fixtures.atLeast(2025, 10, 2020, 10);
        Assessment below = assess(spec, List.of(level(2022, 9.0)), endOf(2022));
        Assessment kept = assess(spec, List.of(level(2022, 10.0)), endOf(2022));
        assertAll(
                () -> assertEquals(Status.OFF_TRACK, below.status()),
                () -> assertNull(below.ratio()),
                () -> assertNull(below.progress()),
                () -> assertTrue(below.explanation().zh().contains("基期2020年已达到目标"), below.explanation().zh()),
                () -> assertEquals(Status.ACHIEVED, kept.status()));
    }

    @Test
    void growthFromANonPositiveLevelIsNotComputed() {
        TargetSpec spec = Fixtures.growth(2025, 8, null, 2020, 0.0);
        Assessment a = assess(spec, List.of(level(2022, 5.0)), endOf(2022));
        assertEquals(Status.NO_DATA, a.status());
        assertNull(a.observedAnnualRate());
        assertTrue(a.explanation().en().contains("not positive"), a.explanation().en());
    }

    @Test
    void aFallOfAHundredPercentStaysFinite() {
        TargetSpec spec = Fixtures.change(2025, -18, 2020, 2020, 0);
        Assessment a = assess(spec, List.of(yoy(2021, -100), yoy(2022, 5)), endOf(2022));
        assertEquals(Status.ACHIEVED, a.status());
        assertEquals(-100.0, a.latest().value(), 1e-12);
    }

    static Stream<Arguments> invalidThresholds() {
        return Stream.of(
                Arguments.of(0.6, 0.95),
                Arguments.of(0.95, 0.0),
                Arguments.of(Double.NaN, 0.6),
                Arguments.of(0.95, -0.1));
    }

    @ParameterizedTest(name = "thresholds onTrack={0}, atRisk={1} are rejected")
    @MethodSource("invalidThresholds")
    void invalidThresholdsAreRejected(double onTrack, double atRisk) {
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(onTrack, atRisk));
    }

    @Test
    void nonFiniteValuesAreRejectedAtTheDoor() {
        assertThrows(IllegalArgumentException.class, () -> level(2021, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TargetSpec(TargetKind.COUNT, 2025, null,
                Double.POSITIVE_INFINITY, null, null, null, null, null, null, ValueType.COUNT));
        assertThrows(IllegalArgumentException.class, () -> new TargetSpec(TargetKind.LEVEL_ABOUT, 2025, null, 20.0,
                -0.5, null, null, null, null, null, ValueType.SHARE));
    }

    /** Random targets and data of every kind: never a NaN, never an infinity, always an explanation. */
    @Test
    void randomInputsNeverProduceNonFiniteNumbers() {
        Random random = new Random(20211022);
        for (int i = 0; i < 20_000; i++) {
            TargetSpec spec = randomSpec(random);
            AssessmentInput input = new AssessmentInput(spec, randomPoints(random), randomPoints(random),
                    new MilestoneInput(MilestoneState.values()[random.nextInt(3)], LocalDate.of(2022, 5, 1)),
                    LocalDate.of(2019 + random.nextInt(10), 1 + random.nextInt(12), 1));
            Assessment a = AssessmentEngine.assess(input, Fixtures.THRESHOLDS);
            String context = spec + " " + input.points() + " → " + a;
            assertNotNull(a.status(), context);
            assertNotNull(a.explanation(), context);
            assertFalse(a.explanation().zh().isBlank() || a.explanation().en().isBlank(), context);
            for (Double value : new Double[]{a.progress(), a.elapsed(), a.projected(), a.observedAnnualRate(),
                    a.requiredAnnualRate(), a.ratio(), a.latest() == null ? null : a.latest().value(),
                    a.baseline() == null ? null : a.baseline().value()}) {
                assertTrue(value == null || Double.isFinite(value), context);
            }
            assertFalse((a.explanation().zh() + a.explanation().en()).matches(".*(NaN|Infinity).*"), context);
        }
    }

    private static TargetSpec randomSpec(Random random) {
        TargetKind kind = TargetKind.values()[random.nextInt(TargetKind.values().length)];
        Double target = random.nextInt(6) == 0 ? null : (double) (random.nextInt(401) - 100);
        Double tolerance = random.nextBoolean() ? null : random.nextInt(3) * 0.5;
        Direction direction = random.nextBoolean() ? Direction.UP : Direction.DOWN;
        Integer baselineYear = random.nextInt(5) == 0 ? null : 2018 + random.nextInt(4);
        Double baseline = random.nextInt(4) == 0 ? null : (double) (random.nextInt(301) - 50);
        return new TargetSpec(kind, 2019 + random.nextInt(8), null, target, tolerance, direction,
                random.nextBoolean() ? direction : null, random.nextBoolean() ? baselineYear : Integer.valueOf(2015),
                baselineYear,
                baseline, ValueType.AMOUNT);
    }

    private static List<DataPoint> randomPoints(Random random) {
        List<DataPoint> points = new ArrayList<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            ObservationForm form = ObservationForm.values()[random.nextInt(3)];
            double value = form == ObservationForm.YOY_CHANGE_PCT ? random.nextInt(221) - 120
                    : random.nextInt(301) - 50;
            points.add(new DataPoint(2015 + random.nextInt(12), value, form));
        }
        return points;
    }
}
