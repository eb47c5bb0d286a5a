package org.policytracker.assessment;

import java.util.Objects;
import org.policytracker.catalogue.TargetKind;

/**
 * Assesses a target as of a date (the method: docs/ASSESSMENT.md). Pure: the result depends only on the arguments.
 *
 * <p>The method: for baseline (b, v_b), target (T, v_T) and the latest value (t, v_t),
 * r_obs = (v_t/v_b)^(1/(t−b)) − 1, r_req = (v_T/v_b)^(1/(T−b)) − 1, R = r_obs/r_req and
 * v̂_T = v_t·(1 + r_obs)^(T−t). Status in order: NO_DATA, ACHIEVED, MISSED, then ON_TRACK / AT_RISK /
 * OFF_TRACK by R against the {@link Thresholds}. How each kind fits the method is described on
 * {@link GoalAssessor} (levels, coverage, counts, change against a base year, maintain with a level),
 * {@link TrendAssessor} (average growth, direction, maintain without a level), {@link RelativeAssessor}
 * and {@link MilestoneAssessor}; how values are derived from the published forms on {@link Chain}.
 */
public final class AssessmentEngine {

    private AssessmentEngine() {
    }

    /**
     * @param input      the target, its values and the as-of date
     * @param thresholds the pace-ratio thresholds, from configuration
     * @return the assessment; never null, with no NaN or infinite number in it
     */
    public static Assessment assess(AssessmentInput input, Thresholds thresholds) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(thresholds, "thresholds");
        TargetKind kind = input.spec().kind();
        if (input.bases().isEmpty() || kind == TargetKind.MILESTONE || kind == TargetKind.RELATIVE) {
            return onOneBasis(input, thresholds, true);
        }
        return SeriesBreaks.assess(input, thresholds);
    }

    /**
     * The answer from points on one series basis. {@code catalogueBasis}: the basis of the target's own
     * baseline, against which an observed baseline-year value is a revision; on another basis it is the
     * new basis's own baseline, and the catalogue's is not compared with it.
     */
    static Assessment onOneBasis(AssessmentInput input, Thresholds thresholds, boolean catalogueBasis) {
        Assessment assessed = switch (input.spec().kind()) {
            case MILESTONE -> MilestoneAssessor.assess(input);
            case RELATIVE -> RelativeAssessor.assess(input);
            case AVERAGE_GROWTH, DIRECTION -> TrendAssessor.assess(input, thresholds);
            case MAINTAIN -> input.spec().targetValue() == null
                    ? TrendAssessor.assess(input, thresholds)
                    : GoalAssessor.assess(input, thresholds);
            case LEVEL_AT_LEAST, LEVEL_ABOUT, LEVEL_AT_MOST, COVERAGE, COUNT, CHANGE_VS_BASE ->
                GoalAssessor.assess(input, thresholds);
        };
        Assessment indicated = SubAnnual.apply(assessed, input);
        return withReleases(catalogueBasis ? indicated : indicated.withoutCatalogueBaseline(), input.spec());
    }

    /**
     * What the verdict rests on, said after it: an observation of the baseline year used as the baseline
     * (with the difference from the catalogue's), and a latest figure that is preliminary or estimated.
     */
    private static Assessment withReleases(Assessment a, TargetSpec spec) {
        Assessment.Explanation more = null;
        if (a.catalogueBaseline() != null && a.baseline() != null && a.baseline().value() != null) {
            more = Wording.baselineFromObservation(a.baseline(), a.catalogueBaseline(), spec.precision());
        }
        if (a.latest() != null && a.latest().publication() != null && a.latest().publication().isProvisional()) {
            Assessment.Explanation provisional = Wording.provisional(a.latest());
            more = more == null ? provisional : more.then(provisional);
        }
        return more == null ? a : a.explainedFurther(more);
    }
}
