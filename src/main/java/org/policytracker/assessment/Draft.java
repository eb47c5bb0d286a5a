package org.policytracker.assessment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.PeriodValue;
import org.policytracker.assessment.Assessment.ValueBasis;

/** An assessment being put together by one of the kind-specific assessors. */
final class Draft {

    PeriodValue latest;
    PeriodValue baseline;
    Double progress;
    Double elapsed;
    Double projected;
    Double observedRate;
    Double requiredRate;
    Double ratio;
    Double observedChange;
    Double requiredChange;
    List<Integer> missingYears = List.of();
    ValueBasis basis;
    Double catalogueBaseline;
    List<Assessment.Gap> gaps = List.of();
    String firstMet;
    boolean slipped;
    String slippedIn;
    Assessment.Evidence evidence;
    Double projectedLow;
    Double projectedHigh;
    Assessment.Confidence confidence;
    boolean needsJudgement;

    /** A draft with what is known of the target alone. */
    static Draft of(TargetSpec spec, LocalDate asOf) {
        Draft draft = new Draft();
        draft.elapsed = elapsed(spec.baselineYear(), spec.deadline(), asOf);
        return draft;
    }

    /** A draft with the baseline, latest value, missing years and elapsed time of a track. */
    static Draft of(TargetSpec spec, Track track, LocalDate asOf) {
        Draft draft = new Draft();
        draft.basis = track.basis();
        draft.baseline = track.baselinePeriodValue();
        draft.latest = track.latestPeriodValue();
        draft.catalogueBaseline = track.catalogueBaseline();
        draft.missingYears = track.chain().missingYears();
        draft.gaps = Gaps.listed(track.chain());
        draft.evidence = Uncertainty.evidence(track, spec.targetYear());
        draft.elapsed = elapsed(track.baselineYear(), spec.deadline(), asOf);
        return draft;
    }

    Assessment build(Status status, Explanation explanation) {
        return new Assessment(status, latest, baseline, progress, elapsed, projected, observedRate, requiredRate,
                ratio, explanation, missingYears, basis, observedChange, requiredChange, catalogueBaseline, null,
                List.of(), List.of(), null, gaps, firstMet, slipped, slippedIn, evidence, projectedLow, projectedHigh,
                confidence, needsJudgement);
    }

    /** The share of the time from the end of {@code fromYear} to the deadline passed at {@code asOf}, 0..1. */
    static Double elapsed(Integer fromYear, LocalDate deadline, LocalDate asOf) {
        if (fromYear == null) {
            return null;
        }
        LocalDate start = LocalDate.of(fromYear, 12, 31);
        long total = ChronoUnit.DAYS.between(start, deadline);
        if (total <= 0) {
            return null;
        }
        double share = ChronoUnit.DAYS.between(start, asOf) / (double) total;
        return Math.max(0, Math.min(1, share));
    }

    /** (v_t − v_b)/(v_T − v_b), or null when the target equals the baseline. */
    static Double progress(double baseline, double latest, double target) {
        return target == baseline ? null : (latest - baseline) / (target - baseline);
    }
}
