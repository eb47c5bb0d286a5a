package org.policytracker.assessment;

import java.util.ArrayList;
import java.util.List;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;

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
        return growth ? growth(spec, track, thresholds, draft) : compare(spec, track, draft);
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
     * DIRECTION: judged on the whole period, so in the target year: better than the baseline in the
     * target's direction → ACHIEVED, otherwise MISSED. Before it a move the right way is ON_TRACK, never
     * ACHIEVED (one year's move does not settle 稳中有增 or 大幅下降 over the period); OFF_TRACK when worse,
     * AT_RISK when unchanged. MAINTAIN without a
     * level: not worse than the baseline → ACHIEVED in the target year, ON_TRACK before; worse →
     * MISSED in the target year, OFF_TRACK before.
     */
    private static Assessment compare(TargetSpec spec, Track track, Draft draft) {
        boolean direction = spec.kind() == TargetKind.DIRECTION;
        Direction wanted = Goal.orElse(direction ? spec.direction() : null,
                Goal.orElse(spec.favourableDirection(), Direction.UP));
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
        Status status;
        if (direction) {
            status = deadline ? (better > 0 ? Status.ACHIEVED : Status.MISSED)
                    : better > 0 ? Status.ON_TRACK : better < 0 ? Status.OFF_TRACK : Status.AT_RISK;
        } else {
            status = better >= 0 ? (deadline ? Status.ACHIEVED : Status.ON_TRACK)
                    : (deadline ? Status.MISSED : Status.OFF_TRACK);
        }
        Explanation value = Wording.valueAt(track, t, vt);
        String zhMove = moved > 0 ? "上升" : moved < 0 ? "下降" : "持平";
        String enMove = moved > 0 ? "up" : moved < 0 ? "down" : "unchanged";
        boolean up = wanted == Direction.UP;
        Explanation why = track.basis() == ValueBasis.LEVEL
                ? Wording.of(value.zh() + "，较基期" + b + "年的" + Wording.level(track, vb) + zhMove,
                        Wording.capitalise(value.en()) + ", " + enMove + " from " + Wording.level(track, vb) + " in "
                                + b)
                : Wording.of(value.zh(), Wording.capitalise(value.en()));
        Explanation aim = direction
                ? Wording.of("；目标方向为" + (up ? "上升" : "下降") + "。", "; the target direction is " + (up ? "up." : "down."))
                : Wording.of("；目标为" + (up ? "不低于" : "不高于") + "基期水平。",
                        "; the target is to stay at or " + (up ? "above" : "below") + " the " + b + " level.");
        Explanation notYet = direction && !deadline && better > 0
                ? Wording.of("方向目标按整个期间判断，" + spec.targetYear() + "年之前的变化不能证明目标已实现。",
                        "A direction target is judged over the whole period: a move before " + spec.targetYear()
                                + " does not settle it.")
                : null;
        return draft.build(status, join(why, aim).then(notYet).then(Wording.gap(track.chain())));
    }

    private static Explanation join(Explanation first, Explanation second) {
        return Wording.of(first.zh() + second.zh(), first.en() + second.en());
    }
}
