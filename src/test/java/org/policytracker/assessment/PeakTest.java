package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.MilestoneRule;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ValueType;
import org.policytracker.milestone.MilestoneState;

/** A peak milestone decided by its indicator's levels (docs/ASSESSMENT.md, "Milestones that data decide"). */
class PeakTest {

    /** 二氧化碳排放量2030年前达到峰值. */
    static final TargetSpec PEAK = new TargetSpec(TargetKind.MILESTONE, 2030, null, null, null, null, null, null, null,
            null, ValueType.AMOUNT, null, null, MilestoneRule.PEAK);

    static Assessment assess(List<DataPoint> points, LocalDate asOf, MilestoneInput state) {
        return AssessmentEngine.assess(new AssessmentInput(PEAK, points, List.of(), state, asOf, List.of()),
                Fixtures.THRESHOLDS);
    }

    static Stream<Arguments> peaks() {
        LocalDate y2026 = LocalDate.of(2026, 12, 1);
        return Stream.of(
                Arguments.of("not yet observed: the latest is the highest", List.of(level(2022, 114), level(2023, 116),
                        level(2024, 118)), y2026, Status.AT_RISK, "尚未观测到峰值"),
                Arguments.of("observed, not confirmed: one later year below", List.of(level(2022, 114),
                        level(2023, 118), level(2024, 117)), y2026, Status.ON_TRACK, "峰值尚待确认"),
                Arguments.of("confirmed: two later years below", List.of(level(2022, 114), level(2023, 118),
                        level(2024, 117), level(2025, 116.5)), y2026, Status.ACHIEVED, "峰值出现在2023年"),
                Arguments.of("a new high after a dip: not confirmed again", List.of(level(2022, 118),
                        level(2023, 117), level(2024, 119)), y2026, Status.AT_RISK, "尚未观测到峰值"),
                Arguments.of("after the deadline without a confirmed peak", List.of(level(2029, 120),
                        level(2030, 121), level(2031, 120.5)), LocalDate.of(2032, 6, 1), Status.MISSED, "峰值尚待确认"),
                Arguments.of("a confirmed peak after the target year", List.of(level(2030, 120), level(2031, 122),
                        level(2032, 121), level(2033, 120)), LocalDate.of(2034, 6, 1), Status.MISSED, "晚于2030年"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peaks")
    void shouldDecideAPeakFromTheLevels(String name, List<DataPoint> points, LocalDate asOf, Status status,
            String says) {
        Assessment a = assess(points, asOf, null);
        assertEquals(status, a.status(), name);
        assertTrue(a.explanation().zh().contains(says), a.explanation().zh());
    }

    @Test
    void shouldSayTheAnalystsStateBesideAndFallBackToItWithoutValues() {
        Assessment a = assess(List.of(level(2022, 114), level(2023, 118), level(2024, 117), level(2025, 116.5)),
                LocalDate.of(2026, 12, 1), new MilestoneInput(MilestoneState.IN_PROGRESS, null));
        assertEquals(Status.ACHIEVED, a.status(), "the data decide");
        assertTrue(a.explanation().zh().endsWith("分析师记录的状态：进行中。"), a.explanation().zh());
        assertEquals(Status.ON_TRACK, assess(List.of(), LocalDate.of(2026, 12, 1),
                new MilestoneInput(MilestoneState.IN_PROGRESS, null)).status(), "no values: the state decides");
    }
}
