package org.policytracker.assessment;

import java.time.LocalDate;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.catalogue.MilestoneRule;
import org.policytracker.milestone.MilestoneState;

/**
 * MILESTONE targets, from the analyst-set state: none recorded → NO_DATA; DONE → ACHIEVED; the deadline
 * passed (as-of date after the target date, or after 31 December of the target year) and not done →
 * MISSED; IN_PROGRESS → ON_TRACK; NOT_STARTED → AT_RISK (work has not begun while time runs; the
 * engine has no measure of how much work remains, so it does not say OFF_TRACK). A DONE dated after
 * the as-of date was not known then and counts as no state.
 */
final class MilestoneAssessor {

    private MilestoneAssessor() {
    }

    static Assessment assess(AssessmentInput input) {
        TargetSpec spec = input.spec();
        LocalDate asOf = input.asOf();
        LocalDate deadline = spec.deadline();
        MilestoneInput milestone = input.milestone();
        MilestoneState state = milestone == null ? null : milestone.state();
        LocalDate date = milestone == null ? null : milestone.date();
        if (state == MilestoneState.DONE && date != null && date.isAfter(asOf)) {
            state = null;
        }
        if (spec.decidedBy() == MilestoneRule.PEAK) {
            // The indicator's values decide; the analyst's state is said beside the verdict.
            Explanation said = state == null ? null
                    : Wording.of("分析师记录的状态：" + label(state, true) + "。",
                            "The analyst's recorded state: " + label(state, false) + ".");
            Assessment fromData = Peak.assess(input, said);
            if (fromData != null) {
                return fromData;
            }
        }
        Draft draft = Draft.of(spec, asOf);
        String zhDeadline = spec.targetDate() != null ? deadline.toString() : spec.targetYear() + "年底";
        String enDeadline = spec.targetDate() != null ? deadline.toString() : "the end of " + spec.targetYear();
        if (state == null) {
            return draft.build(Status.NO_DATA, Wording.of("尚未记录里程碑状态（期限为" + zhDeadline + "）。",
                    "No milestone state has been recorded (the deadline is " + enDeadline + ")."));
        }
        if (state == MilestoneState.DONE) {
            return draft.build(Status.ACHIEVED, done(date, deadline, zhDeadline, enDeadline));
        }
        boolean started = state == MilestoneState.IN_PROGRESS;
        String zhState = started ? "进行中" : "未开始";
        String enState = started ? "in progress" : "not started";
        if (asOf.isAfter(deadline)) {
            return draft.build(Status.MISSED, Wording.of("期限" + zhDeadline + "已过，尚未完成（状态：" + zhState + "）。",
                    "The deadline, " + enDeadline + ", has passed and the milestone is not done (" + enState + ")."));
        }
        return draft.build(started ? Status.ON_TRACK : Status.AT_RISK,
                Wording.of((started ? "正在推进" : "尚未开始") + "，期限为" + zhDeadline + "。",
                        Wording.capitalise(enState) + "; the deadline is " + enDeadline + "."));
    }

    private static String label(MilestoneState state, boolean zh) {
        return switch (state) {
            case DONE -> zh ? "已完成" : "done";
            case IN_PROGRESS -> zh ? "进行中" : "in progress";
            case NOT_STARTED -> zh ? "未开始" : "not started";
        };
    }

    private static Explanation done(LocalDate date, LocalDate deadline, String zhDeadline, String enDeadline) {
        if (date == null) {
            return Wording.of("已完成（未记录完成日期）。", "Done (no date recorded).");
        }
        boolean late = date.isAfter(deadline);
        return Wording.of("已于" + date + "完成" + (late ? "，晚于期限" + zhDeadline : "") + "。",
                "Done on " + date + (late ? ", after the deadline of " + enDeadline : "") + ".");
    }
}
