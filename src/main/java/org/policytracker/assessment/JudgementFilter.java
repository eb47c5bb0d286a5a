package org.policytracker.assessment;

import java.util.function.Predicate;
import org.policytracker.system.Problems;

/**
 * Which targets to keep by the analyst's judgement (the {@code judgement} parameter of the dashboard and of the
 * status report; the overview's filter of the same name): {@code ANY} a judgement is recorded, {@code NONE} none
 * is, {@code NEEDED} the wording needs one ({@link Assessment#needsJudgement()}) and none is recorded, or one of
 * the six statuses: a judgement of that status. The computed status is filtered by {@code status}, beside it.
 */
public enum JudgementFilter implements Predicate<AssessmentService.TargetAssessment> {

    ANY,
    NONE,
    NEEDED,
    ACHIEVED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    MISSED,
    NO_DATA;

    @Override
    public boolean test(AssessmentService.TargetAssessment a) {
        JudgementResource.JudgementView judgement = a.judgement();
        return switch (this) {
            case ANY -> judgement != null;
            case NONE -> judgement == null;
            case NEEDED -> judgement == null && a.assessment().needsJudgement();
            default -> judgement != null && judgement.status().name().equals(name());
        };
    }

    /** The parameter's value; null (keep every target) when not given; a 400 naming {@code judgement} otherwise. */
    public static JudgementFilter param(String value) {
        return Problems.enumParam("judgement", value, JudgementFilter.class);
    }

    /** Whether a target passes the filter, or any does when there is none. */
    public static boolean keeps(JudgementFilter filter, AssessmentService.TargetAssessment a) {
        return filter == null || filter.test(a);
    }
}
