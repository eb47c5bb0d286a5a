package org.policytracker.assessment;

import java.util.List;
import java.util.function.Function;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ValueType;

/**
 * Targets with a value to reach: LEVEL_AT_LEAST, LEVEL_ABOUT, LEVEL_AT_MOST, COVERAGE, COUNT,
 * CHANGE_VS_BASE (on the chained index) and MAINTAIN with a level.
 *
 * <p>Status, in order: NO_DATA (see {@link #noData}); ACHIEVED when the latest value meets the goal
 * (MAINTAIN: only in the target year); MISSED when the latest value is the target year's; MAINTAIN
 * before the target year at the level: ON_TRACK; OFF_TRACK when the baseline already met the goal
 * and the latest value no longer does; ON_TRACK when the projection v̂_T meets the goal (this only
 * matters within a tolerance); otherwise by the pace ratio R against the thresholds.
 */
final class GoalAssessor {

    private GoalAssessor() {
    }

    static Assessment assess(AssessmentInput input, Thresholds thresholds) {
        TargetSpec spec = input.spec();
        if (spec.targetValue() == null) {
            return Draft.of(spec, input.asOf()).build(Status.NO_DATA, Wording.noTargetValue());
        }
        Observations obs = Observations.of(input.points(), input.asOf(), spec.targetYear());
        boolean change = spec.kind() == TargetKind.CHANGE_VS_BASE;
        Track track = change ? Track.ofChange(spec, obs) : Track.ofLevels(spec, obs, spec.baselineYear(), false);
        if (change && track == null) {
            return Draft.of(spec, input.asOf()).build(Status.NO_DATA, Wording.of("目标缺少基期或基期值，无法评估。",
                    "The target lacks a base year or a baseline value, so it cannot be assessed."));
        }
        if (!change) {
            Assessment proven = provenByBound(spec, obs, input);
            if (proven != null) {
                return proven;
            }
        }
        Assessment noData = noData(spec, obs, track, spec.baselineYear(), input);
        Function<List<DataPoint>, Track> rebuild = points -> {
            Observations o = Observations.of(points, input.asOf(), spec.targetYear());
            return change ? Track.ofChange(spec, o) : Track.ofLevels(spec, o, spec.baselineYear(), false);
        };
        Assessment judged = noData != null ? noData
                : judge(spec, track, thresholds, Draft.of(spec, track, input.asOf()), input, rebuild);
        DataPoint bound = latestBound(obs);
        return bound == null ? judged : judged.explainedFurther(Wording.boundNotUsed(bound));
    }

    /**
     * ACHIEVED when the latest figure is a published bound that proves the goal met: at least a value
     * that meets a goal upwards, at most one that meets it downwards (MAINTAIN: in the target year only).
     * The bound is the assessment's latest value; no rate, projection or progress is derived from it.
     * Null otherwise: an exact value of the same year or later decides, and a bound that proves nothing
     * is only mentioned.
     */
    private static Assessment provenByBound(TargetSpec spec, Observations obs, AssessmentInput input) {
        DataPoint bound = latestBound(obs);
        if (bound == null || spec.kind() == TargetKind.MAINTAIN && bound.year() != spec.targetYear()) {
            return null;
        }
        Goal goal = Goal.of(spec, spec.baselineValue() != null ? spec.baselineValue() : spec.targetValue());
        boolean proves = goal.better() == Direction.UP
                ? bound.qualifier() == Qualifier.AT_LEAST && Goal.atLeast(bound.value(), goal.edge())
                : bound.qualifier() == Qualifier.AT_MOST && Goal.atLeast(-bound.value(), -goal.edge());
        if (!proves) {
            return null;
        }
        Draft draft = Draft.of(spec, input.asOf());
        draft.basis = Assessment.ValueBasis.LEVEL;
        if (spec.baselineYear() != null && spec.baselineValue() != null) {
            draft.baseline = Assessment.PeriodValue.of(spec.baselineYear(), spec.baselineValue());
        }
        draft.latest = Assessment.PeriodValue.of(bound);
        return draft.build(Status.ACHIEVED, Wording.achievedByBound(bound, Wording.goal(spec, goal, null)));
    }

    /** The latest bound, when no exact value of its year or later exists; else null. */
    private static DataPoint latestBound(Observations obs) {
        var last = obs.bounds().lastEntry();
        Integer exact = obs.lastYear();
        return last == null || exact != null && exact >= last.getKey() ? null : last.getValue();
    }

    /**
     * NO_DATA when there is nothing to judge yet: no baseline (no value, no level observation), a
     * target year not after the baseline year, or no value after the baseline year. Null otherwise.
     */
    static Assessment noData(TargetSpec spec, Observations obs, Track track, Integer anchorYear,
            AssessmentInput input) {
        if (track == null) {
            return Draft.of(spec, input.asOf()).build(Status.NO_DATA,
                    obs.isEmpty() ? Wording.noObservations() : Wording.noLevel(anchorYear));
        }
        Draft draft = Draft.of(spec, track, input.asOf());
        int baselineYear = track.baselineYear();
        if (track.latestYear() == null && track.baselineObserved() && spec.targetValue() != null
                && spec.kind() != TargetKind.CHANGE_VS_BASE
                && (spec.kind() != TargetKind.MAINTAIN || baselineYear == spec.targetYear())) {
            // A single observation (no baseline of the target's own) that meets the target proves it met.
            double only = track.baselineValue();
            Goal goal = Goal.of(spec, only);
            if (goal.isMetBy(only)) {
                draft.latest = draft.baseline;
                draft.baseline = null;
                draft.firstMet = String.valueOf(baselineYear);
                return draft.build(Status.ACHIEVED, Wording.achieved(Wording.valueAt(track, baselineYear, only),
                        Wording.goal(spec, goal, track)).then(Wording.singleObservation()));
            }
        }
        if (spec.targetYear() <= baselineYear) {
            return draft.build(Status.NO_DATA, Wording.targetNotAfterBaseline(spec.targetYear(), baselineYear));
        }
        if (track.latestYear() == null) {
            Explanation why = track.baselineObserved()
                    ? Wording.onlyBaselineObservation(baselineYear)
                    : Wording.nothingAfter(baselineYear);
            return draft.build(Status.NO_DATA, why.then(Wording.gap(track.chain())));
        }
        return null;
    }

    private static Assessment judge(TargetSpec spec, Track track, Thresholds thresholds, Draft draft,
            AssessmentInput input, Function<List<DataPoint>, Track> rebuild) {
        int baselineYear = track.baselineYear();
        int latestYear = track.latestYear();
        double baseline = track.baselineValue();
        double latest = track.latestValue();
        Goal goal = Goal.of(spec, baseline);
        TrackRecord record = TrackRecord.of(track, goal);
        draft.firstMet = record.firstMet() == null ? null : String.valueOf(record.firstMet());
        draft.slipped = record.slippedIn() != null;
        draft.slippedIn = record.slippedIn() == null ? null : String.valueOf(record.slippedIn());
        boolean maintain = spec.kind() == TargetKind.MAINTAIN;
        boolean pastDeadline = input.asOf().isAfter(spec.deadline()) && latestYear < spec.targetYear();
        Pace pace = Pace.of(baselineYear, baseline, latestYear, latest, spec.targetYear(), goal.target());
        if (spec.valueType() == ValueType.SHARE && track.basis() == Assessment.ValueBasis.LEVEL) {
            pace = pace.projectedAtMost(100);
        }
        boolean baselineMet = goal.isMetBy(baseline);
        draft.projected = track.report(pace.projected());
        draft.observedRate = pace.observedRate();
        boolean points = spec.valueType() == ValueType.SHARE && track.basis() == Assessment.ValueBasis.LEVEL;
        if (points) {
            // Analysts speak of a share's pace in percentage points a year, not as a growth rate of the share.
            draft.observedChange = Pace.observedStep(baselineYear, baseline, latestYear, latest);
        }
        if (!baselineMet) {
            draft.progress = Draft.progress(baseline, latest, goal.target());
            draft.requiredRate = pace.requiredRate();
            draft.ratio = pace.ratio();
            if (points) {
                draft.requiredChange = Pace.observedStep(baselineYear, baseline, spec.targetYear(), goal.target());
            }
        }
        if (pastDeadline && !(goal.isMetBy(latest) && !maintain)) {
            // The deadline has passed and the chain does not reach it: the gap named, no projection (the
            // progress and the rates so far are facts of the past, and stay).
            Gaps.PastDeadline gap = Gaps.pastDeadline(spec, input, track, goal, rebuild);
            draft.gaps = gap.gaps();
            draft.projected = null;
            draft.ratio = null;
            return draft.build(Status.NO_DATA, gap.explanation().then(record.said(goal, spec)));
        }
        Explanation value = Wording.valueAt(track, latestYear, latest);
        Explanation target = Wording.goal(spec, goal, track);
        boolean deadline = latestYear == spec.targetYear();
        boolean met = goal.isMetBy(latest);
        Status status;
        Explanation why;
        Explanation history = record.said(goal, spec);
        if (maintain && record.slippedIn() != null) {
            // 达到并保持: reached, then not kept; that cannot be made good by a later value.
            status = deadline ? Status.MISSED : Status.OFF_TRACK;
            why = Wording.notKept(record.firstMet(), record.slippedIn(), target, spec.targetYear(), deadline);
            history = null;
        } else if (met && (deadline || !maintain)) {
            status = Status.ACHIEVED;
            why = Wording.achieved(value, target);
        } else if (deadline) {
            status = Status.MISSED;
            why = Wording.missed(latestYear, Wording.phrase(track, latest), target);
        } else if (met) {
            status = Status.ON_TRACK;
            why = Wording.maintained(value, target, spec.targetYear());
        } else if (baselineMet) {
            status = Status.OFF_TRACK;
            why = Wording.fellBack(baselineYear, value, target);
        } else {
            Status byRatio = thresholds.classify(pace.ratio());
            boolean projectionMeets = goal.isMetBy(pace.projected());
            status = projectionMeets ? Status.ON_TRACK : byRatio;
            why = points
                    ? Wording.pointsPace(draft.requiredChange, draft.observedChange, pace, track, spec.targetYear())
                    : Wording.pace(pace, track, spec.targetYear());
            if (projectionMeets && byRatio != Status.ON_TRACK) {
                // A rule beyond the ratio thresholds, named: the projection lands within the target.
                why = why.then(Wording.projectionMeetsGoal(target, pace.ratio(), thresholds.onTrack()));
            }
            Uncertainty.Reading reading = Uncertainty.of(track, spec, goal, pace.projected(), pace.linear());
            draft.projectedLow = reading.low();
            draft.projectedHigh = reading.high();
            draft.confidence = reading.confidence();
            why = why.then(reading.said());
        }
        return draft.build(status, why.then(history).then(Wording.gap(track.chain())));
    }
}
