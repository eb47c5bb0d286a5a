package org.policytracker.assessment;

import java.util.ArrayList;
import java.util.List;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.WordReading;

/**
 * Targets judged on the movement since the baseline, on any scale: AVERAGE_GROWTH, DIRECTION, and
 * MAINTAIN without a level ("keep a high level" = not worse than the baseline). Where the target has
 * no baseline value, year-on-year changes chained from the baseline year (1 = the baseline year) serve.
 */
final class TrendAssessor {

    private TrendAssessor() {
    }

    static Assessment assess(AssessmentInput input, Thresholds thresholds) {
        TargetSpec spec = input.spec();
        boolean growth = spec.kind() == TargetKind.AVERAGE_GROWTH;
        if (growth && spec.targetValue() == null) {
            return Draft.of(spec, input.asOf()).build(Status.NO_DATA, Wording.noTargetValue());
        }
        Observations obs = Observations.of(input.points(), input.asOf(), spec.targetYear());
        Integer anchorYear = growth && spec.baseYear() != null ? spec.baseYear() : spec.baselineYear();
        Track track = Track.ofLevels(spec, obs, anchorYear, true);
        Assessment noData = GoalAssessor.noData(spec, obs, track, anchorYear, input);
        if (noData != null) {
            return noData;
        }
        Draft draft = Draft.of(spec, track, input.asOf());
        if (input.asOf().isAfter(spec.deadline()) && track.latestYear() < spec.targetYear()) {
            // After the deadline the movement is judged on the deadline year's value: without it, the gap is
            // named and nothing is projected.
            List<Integer> missing = new ArrayList<>();
            for (int year = track.chain().reachedYear() + 1; year <= spec.targetYear(); year++) {
                if (!obs.hasAny(year)) {
                    missing.add(year);
                }
            }
            if (missing.isEmpty()) {
                missing.add(track.chain().reachedYear() + 1);
            }
            draft.gaps = missing.stream()
                    .map(y -> new Assessment.Gap(String.valueOf(y), null, null, null)).toList();
            return draft.build(Status.NO_DATA, Wording.pastDeadlineGap(spec.targetYear(), missing,
                    missing.size() > 1));
        }
        return growth ? growth(spec, track, thresholds, draft)
                : spec.kind() == TargetKind.DIRECTION ? direction(spec, track, thresholds, draft)
                        : compare(spec, track, draft);
    }

    /**
     * AVERAGE_GROWTH: g_obs = (v_t/v_b)^(1/(t−b)) − 1 (with year-on-year changes: their geometric mean)
     * against the target growth itself, R = g_obs/g_target. In the target year ACHIEVED when g_obs
     * meets the target (within the tolerance), else MISSED; before it ON_TRACK when g_obs meets it,
     * else by R. NO_DATA when the values are not positive (growth undefined).
     */
    private static Assessment growth(TargetSpec spec, Track track, Thresholds thresholds, Draft draft) {
        int b = track.baselineYear();
        int t = track.latestYear();
        double vb = track.baselineValue();
        double vt = track.latestValue();
        Double observed = Pace.observedRate(b, vb, t, vt);
        if (observed == null) {
            return draft.build(Status.NO_DATA, Wording.of("数值不为正，无法计算年均增长。",
                    "The values are not positive, so no average growth can be computed."));
        }
        double target = spec.targetValue();
        int years = spec.targetYear() - t;
        Goal goal = Goal.of(spec, vb);
        double projected = vt * Math.pow(1 + observed / 100, years);
        draft.observedRate = observed;
        draft.requiredRate = target;
        draft.ratio = Pace.ratio(observed, target);
        draft.projected = track.report(projected);
        draft.progress = Draft.progress(vb, vt, vb * Math.pow(1 + target / 100, spec.targetYear() - b));
        boolean met = goal.isMetBy(observed);
        Status status = years == 0 ? (met ? Status.ACHIEVED : Status.MISSED)
                : met ? Status.ON_TRACK : thresholds.classify(draft.ratio);
        Explanation end = years == 0
                ? Wording.of(met ? "已达到目标。" : "未达到目标。", met ? "this meets the target." : "this misses the target.")
                : Wording.atThisPace(track, spec.targetYear(), projected);
        Explanation why = Wording.growth(spec, goal, observed, draft.ratio, (b + 1) + (t > b + 1 ? "–" + t : ""));
        return draft.build(status, join(why, end).then(Wording.gap(track.chain())));
    }

    /**
     * DIRECTION: judged on the whole period, on the change since the baseline in the target's direction (in
     * percent of the baseline level) against the least change the catalogue reads the wording as
     * ({@link WordReading#minimumChange()}; without a reading: any move the right way). In the target year:
     * short of it → MISSED; at least it → ACHIEVED, or, when the wording needs judgement, NO_DATA with
     * {@code needsJudgement} (the data can show 大幅 missed, never met). Before it: worse than the baseline →
     * OFF_TRACK, unchanged → AT_RISK; the right way with no minimum, or with the minimum already reached →
     * ON_TRACK, never ACHIEVED (one year's move does not settle 稳中有增 or 大幅下降 over the period); short of a
     * minimum → by the pace ratio towards it (ON_TRACK when the projection reaches it), with its 80 % range.
     */
    private static Assessment direction(TargetSpec spec, Track track, Thresholds thresholds, Draft draft) {
        WordReading reading = spec.reading();
        Direction wanted = Goal.orElse(spec.direction(), Direction.UP);
        boolean up = wanted == Direction.UP;
        int b = track.baselineYear();
        int t = track.latestYear();
        int targetYear = spec.targetYear();
        double vb = track.baselineValue();
        double vt = track.latestValue();
        int better = up ? Goal.compare(vt, vb) : -Goal.compare(vt, vb);
        double minimum = reading == null ? 0 : reading.minimumChange();
        boolean judged = reading != null && reading.needsJudgement();
        double edge = vb + Math.abs(vb) * (up ? minimum : -minimum) / 100;
        Goal goal = new Goal(edge, edge, wanted);
        boolean reached = better > 0 && (minimum == 0 || goal.isMetBy(vt));
        draft.observedRate = Pace.observedRate(b, vb, t, vt);
        if (draft.observedRate != null) {
            draft.projected = track.report(vt * Math.pow(1 + draft.observedRate / 100, targetYear - t));
        }
        if (minimum > 0) {
            draft.progress = Draft.progress(vb, vt, edge);
        }
        Double change = vb == 0 ? null : (vt - vb) / Math.abs(vb) * 100;
        Explanation why = Wording.directionMove(track, t, vt, change).then(Wording.directionRead(reading, up, b));
        Status status;
        if (t == targetYear) {
            status = !reached ? Status.MISSED : judged ? Status.NO_DATA : Status.ACHIEVED;
            why = why.then(Wording.directionEnd(reading, better > 0, reached, up, minimum));
        } else if (better < 0) {
            status = Status.OFF_TRACK;
        } else if (better == 0) {
            status = Status.AT_RISK;
        } else if (reached) {
            status = Status.ON_TRACK;
            why = why.then(Wording.directionNotYet(targetYear, minimum > 0));
        } else {
            Pace pace = Pace.of(b, vb, t, vt, targetYear, edge);
            draft.projected = track.report(pace.projected());
            draft.observedRate = pace.observedRate();
            draft.requiredRate = pace.requiredRate();
            draft.ratio = pace.ratio();
            Status byRatio = thresholds.classify(pace.ratio());
            boolean projectionMeets = goal.isMetBy(pace.projected());
            status = projectionMeets ? Status.ON_TRACK : byRatio;
            why = why.then(Wording.pace(pace, track, targetYear));
            if (projectionMeets && byRatio != Status.ON_TRACK) {
                why = why.then(Wording.projectionMeetsGoal(Wording.directionMinimum(up, minimum, b), pace.ratio(),
                        thresholds.onTrack()));
            }
            Uncertainty.Reading range = Uncertainty.of(track, spec, goal, pace.projected(), pace.linear());
            draft.projectedLow = range.low();
            draft.projectedHigh = range.high();
            draft.confidence = range.confidence();
            why = why.then(range.said());
        }
        draft.needsJudgement = judged && status != Status.MISSED;
        if (judged && t < targetYear && status != Status.OFF_TRACK) {
            why = why.then(Wording.judgementAtDeadline(reading, targetYear));
        }
        return draft.build(status, why.then(Wording.gap(track.chain())));
    }

    /**
     * MAINTAIN without a level: not worse than the baseline → ACHIEVED in the target year, ON_TRACK before;
     * worse → MISSED in the target year, OFF_TRACK before. Where the catalogue reads the wording (达到并保持较高水平)
     * as needing judgement, not worse than the baseline is only necessary: NO_DATA with {@code needsJudgement} in
     * the target year instead of ACHIEVED.
     */
    private static Assessment compare(TargetSpec spec, Track track, Draft draft) {
        Direction wanted = Goal.orElse(spec.favourableDirection(), Direction.UP);
        int b = track.baselineYear();
        int t = track.latestYear();
        double vb = track.baselineValue();
        double vt = track.latestValue();
        int moved = Goal.compare(vt, vb);
        int better = wanted == Direction.UP ? moved : -moved;
        draft.observedRate = Pace.observedRate(b, vb, t, vt);
        if (draft.observedRate != null) {
            draft.projected = track.report(vt * Math.pow(1 + draft.observedRate / 100, spec.targetYear() - t));
        }
        boolean deadline = t == spec.targetYear();
        Status status = better >= 0 ? (deadline ? Status.ACHIEVED : Status.ON_TRACK)
                : (deadline ? Status.MISSED : Status.OFF_TRACK);
        Explanation value = Wording.valueAt(track, t, vt);
        String zhMove = moved > 0 ? "上升" : moved < 0 ? "下降" : "持平";
        String enMove = moved > 0 ? "up" : moved < 0 ? "down" : "unchanged";
        boolean up = wanted == Direction.UP;
        Explanation why = track.basis() == ValueBasis.LEVEL
                ? Wording.of(value.zh() + "，较基期" + b + "年的" + Wording.level(track, vb) + zhMove,
                        Wording.capitalise(value.en()) + ", " + enMove + " from " + Wording.level(track, vb) + " in "
                                + b)
                : Wording.of(value.zh(), Wording.capitalise(value.en()));
        Explanation aim = Wording.of("；目标为" + (up ? "不低于" : "不高于") + "基期水平。",
                "; the target is to stay at or " + (up ? "above" : "below") + " the " + b + " level.");
        Explanation said = join(why, aim);
        WordReading reading = spec.reading();
        if (reading != null && reading.needsJudgement()) {
            // Not worse than the baseline is necessary; whether the level is 较高 is the analyst's to say.
            said = said.then(Wording.maintainRead(reading, up, b));
            if (status == Status.ACHIEVED) {
                status = Status.NO_DATA;
                said = said.then(Wording.directionEnd(reading, true, true, up, 0));
            } else if (!deadline && status == Status.ON_TRACK) {
                said = said.then(Wording.judgementAtDeadline(reading, spec.targetYear()));
            }
            draft.needsJudgement = status != Status.MISSED;
        }
        return draft.build(status, said.then(Wording.gap(track.chain())));
    }

    private static Explanation join(Explanation first, Explanation second) {
        return Wording.of(first.zh() + second.zh(), first.en() + second.en());
    }
}
