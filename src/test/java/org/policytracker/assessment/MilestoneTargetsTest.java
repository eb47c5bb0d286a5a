package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.policytracker.assessment.Fixtures.endOf;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.milestone.MilestoneState;

/** MILESTONE targets: the analyst-set state against the deadline. */
class MilestoneTargetsTest {

    /** 二氧化碳排放量2030年前达到峰值: deadline the end of 2030. */
    private static final TargetSpec CO2_PEAK = Fixtures.milestone(2030, null);

    /** FTZ measure: implementing rules within one year of 2021-08-02. */
    private static final TargetSpec FTZ_RULES = Fixtures.milestone(2022, LocalDate.of(2022, 8, 2));

    private static MilestoneInput state(MilestoneState state, LocalDate date) {
        return new MilestoneInput(state, date);
    }

    static Stream<Arguments> cases() {
        LocalDate mid2024 = LocalDate.of(2024, 6, 30);
        return Stream.of(
                Arguments.of("no input", CO2_PEAK, null, mid2024, Status.NO_DATA,
                        "尚未记录里程碑状态（期限为2030年底）。",
                        "No milestone state has been recorded (the deadline is the end of 2030)."),
                Arguments.of("no state", CO2_PEAK, state(null, null), mid2024, Status.NO_DATA,
                        "尚未记录里程碑状态（期限为2030年底）。",
                        "No milestone state has been recorded (the deadline is the end of 2030)."),
                Arguments.of("done", CO2_PEAK, state(MilestoneState.DONE, LocalDate.of(2024, 3, 1)), mid2024,
                        Status.ACHIEVED, "已于2024-03-01完成。", "Done on 2024-03-01."),
                Arguments.of("done without a date", CO2_PEAK, state(MilestoneState.DONE, null), mid2024,
                        Status.ACHIEVED, "已完成（未记录完成日期）。", "Done (no date recorded)."),
                Arguments.of("done after the as-of date: not known then", CO2_PEAK,
                        state(MilestoneState.DONE, LocalDate.of(2024, 7, 1)), mid2024, Status.NO_DATA,
                        "尚未记录里程碑状态（期限为2030年底）。",
                        "No milestone state has been recorded (the deadline is the end of 2030)."),
                Arguments.of("in progress", CO2_PEAK, state(MilestoneState.IN_PROGRESS, null), mid2024,
                        Status.ON_TRACK, "正在推进，期限为2030年底。", "In progress; the deadline is the end of 2030."),
                Arguments.of("not started", CO2_PEAK, state(MilestoneState.NOT_STARTED, null), mid2024,
                        Status.AT_RISK, "尚未开始，期限为2030年底。", "Not started; the deadline is the end of 2030."),
                Arguments.of("in progress on the last day of the deadline year", CO2_PEAK,
                        state(MilestoneState.IN_PROGRESS, null), endOf(2030), Status.ON_TRACK,
                        "正在推进，期限为2030年底。", "In progress; the deadline is the end of 2030."),
                Arguments.of("in progress after the deadline year", CO2_PEAK, state(MilestoneState.IN_PROGRESS, null),
                        LocalDate.of(2031, 1, 1), Status.MISSED, "期限2030年底已过，尚未完成（状态：进行中）。",
                        "The deadline, the end of 2030, has passed and the milestone is not done (in progress)."),
                Arguments.of("not started after the deadline year", CO2_PEAK, state(MilestoneState.NOT_STARTED, null),
                        LocalDate.of(2031, 1, 1), Status.MISSED, "期限2030年底已过，尚未完成（状态：未开始）。",
                        "The deadline, the end of 2030, has passed and the milestone is not done (not started)."),
                Arguments.of("exact deadline: on the day", FTZ_RULES, state(MilestoneState.IN_PROGRESS, null),
                        LocalDate.of(2022, 8, 2), Status.ON_TRACK, "正在推进，期限为2022-08-02。",
                        "In progress; the deadline is 2022-08-02."),
                Arguments.of("exact deadline: the day after", FTZ_RULES, state(MilestoneState.IN_PROGRESS, null),
                        LocalDate.of(2022, 8, 3), Status.MISSED, "期限2022-08-02已过，尚未完成（状态：进行中）。",
                        "The deadline, 2022-08-02, has passed and the milestone is not done (in progress)."),
                Arguments.of("done late", FTZ_RULES, state(MilestoneState.DONE, LocalDate.of(2022, 9, 15)),
                        LocalDate.of(2023, 1, 1), Status.ACHIEVED, "已于2022-09-15完成，晚于期限2022-08-02。",
                        "Done on 2022-09-15, after the deadline of 2022-08-02."));
    }

    @ParameterizedTest(name = "milestone {0} → {4}")
    @MethodSource("cases")
    void statusFollowsTheStateAndTheDeadline(String name, TargetSpec spec, MilestoneInput milestone, LocalDate asOf,
            Status expected, String zh, String en) {
        Assessment a = AssessmentEngine.assess(new AssessmentInput(spec, List.of(), List.of(), milestone, asOf),
                Fixtures.THRESHOLDS);
        assertEquals(expected, a.status());
        assertEquals(zh, a.explanation().zh());
        assertEquals(en, a.explanation().en());
        assertNull(a.ratio());
        assertNull(a.valueBasis());
    }
}
