package org.policytracker.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.Gap;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.ObservationForm;

/**
 * The periods missing from a chain, and what a single missing period would have needed (docs/ASSESSMENT.md,
 * "Gaps and past deadlines"). Before the deadline a gap is only listed. Once the deadline has passed and the
 * chain cannot reach the deadline year, the verdict is not a projection: the gap is named, with the value that
 * period would need — in the form the series is published in — for the target to be met, and whether that
 * lies within the series' observed yearly changes.
 *
 * <p>The needed value is found by putting a trial point of that form into the gap and rebuilding the
 * track: the deadline year's value is linear in the trial value (a year-on-year change multiplies the chain,
 * a level is the value or a ratio of it), so two trials give the line and the value where it reaches the
 * goal's edge. When the deadline year's value does not depend on the gap (a later level decides), or more
 * than one period is missing, no single value is named.
 */
final class Gaps {

    private Gaps() {
    }

    /** The gaps of a chain before the deadline: its missing years, nothing computed. */
    static List<Gap> listed(Chain chain) {
        return chain.missingYears().stream().map(y -> new Gap(String.valueOf(y), null, null, null)).toList();
    }

    /** What a past deadline's gap says: the gaps with their needed values, and the words. */
    record PastDeadline(List<Gap> gaps, Explanation explanation) {
    }

    /**
     * @param rebuild builds the track from points (the input's, with a trial point added)
     */
    static PastDeadline pastDeadline(TargetSpec spec, AssessmentInput input, Track track, Goal goal,
            Function<List<DataPoint>, Track> rebuild) {
        int target = spec.targetYear();
        int reached = track.chain().reachedYear();
        Observations obs = track.obs();
        List<Integer> missing = new ArrayList<>();
        for (int year = reached + 1; year <= target; year++) {
            if (!obs.hasAny(year)) {
                missing.add(year);
            }
        }
        if (missing.isEmpty()) {
            missing.add(reached + 1); // a point is there but cannot be linked
        }
        ObservationForm form = publishedForm(input, obs);
        List<Gap> gaps = new ArrayList<>();
        Explanation need = null;
        if (missing.size() == 1 && !obs.hasAny(reached + 1)) {
            int year = missing.get(0);
            Double required = required(spec, input, goal, rebuild, year, form);
            if (required != null) {
                double[] range = observedChanges(track);
                Double change = form == ObservationForm.YOY_CHANGE_PCT ? required
                        : form == ObservationForm.LEVEL && track.basis() == Assessment.ValueBasis.LEVEL
                                && year == target && reached < year
                                        ? (Math.pow(required / track.chain().value(reached), 1.0 / (year - reached))
                                                - 1) * 100
                                        : null;
                Boolean within = range == null || change == null || !Double.isFinite(change) ? null
                        : change >= range[0] - 1e-9 && change <= range[1] + 1e-9;
                gaps.add(new Gap(String.valueOf(year), required, form, within));
                need = Wording.gapNeed(year, requirement(required, form, goal.better() == Direction.UP), range, change,
                        within);
            } else {
                gaps.add(new Gap(String.valueOf(year), null, form, null));
            }
        } else {
            missing.forEach(y -> gaps.add(new Gap(String.valueOf(y), null, form, null)));
        }
        Explanation said = Wording.pastDeadlineGap(target, missing, need == null && missing.size() > 1);
        return new PastDeadline(gaps, need == null ? said : said.then(need));
    }

    /** The form the series is published in: that of its latest point (a year-on-year change, a level, an index). */
    private static ObservationForm publishedForm(AssessmentInput input, Observations obs) {
        Integer last = obs.lastYear();
        if (last != null) {
            for (ObservationForm form : List.of(ObservationForm.YOY_CHANGE_PCT, ObservationForm.INDEX,
                    ObservationForm.LEVEL)) {
                if (obs.point(last, form) != null) {
                    return form;
                }
            }
        }
        return ObservationForm.LEVEL;
    }

    /** The value of {@code form} in {@code year} at which the deadline year's value reaches the goal's edge; null when none decides. */
    private static Double required(TargetSpec spec, AssessmentInput input, Goal goal,
            Function<List<DataPoint>, Track> rebuild, int year, ObservationForm form) {
        double x0 = form == ObservationForm.YOY_CHANGE_PCT ? 0 : 100;
        double x1 = form == ObservationForm.YOY_CHANGE_PCT ? 10 : 200;
        Double f0 = valueAt(spec, input, rebuild, new DataPoint(year, x0, form));
        Double f1 = valueAt(spec, input, rebuild, new DataPoint(year, x1, form));
        if (f0 == null || f1 == null) {
            return null;
        }
        double slope = (f1 - f0) / (x1 - x0);
        if (Math.abs(slope) < 1e-12 * Math.max(1, Math.abs(f0))) {
            return null; // the gap does not decide the deadline year's value
        }
        double x = x0 + (goal.edge() - f0) / slope;
        if (form != ObservationForm.YOY_CHANGE_PCT && x <= 0 || form == ObservationForm.YOY_CHANGE_PCT && x <= -100) {
            return null; // no published value of that form could do it
        }
        return x;
    }

    private static Double valueAt(TargetSpec spec, AssessmentInput input, Function<List<DataPoint>, Track> rebuild,
            DataPoint trial) {
        List<DataPoint> points = new ArrayList<>(input.points());
        points.add(trial);
        Track track = rebuild.apply(points);
        if (track == null || track.latestYear() == null || track.latestYear() != spec.targetYear()) {
            return null;
        }
        return track.latestValue();
    }

    /** "比上年下降至少1.20%" / "fell by at least 1.20 %", "不低于12" / "was at least 12". */
    private static Explanation requirement(double required, ObservationForm form, boolean up) {
        String v = Wording.pct(required, 2);
        if (form == ObservationForm.YOY_CHANGE_PCT) {
            if (up) {
                return required >= 0 ? Wording.of("比上年增长至少" + v + "%", "rose by at least " + v + " %")
                        : Wording.of("比上年下降不超过" + v + "%", "fell by no more than " + v + " %");
            }
            return required < 0 ? Wording.of("比上年下降至少" + v + "%", "fell by at least " + v + " %")
                    : Wording.of("比上年增长不超过" + v + "%", "rose by no more than " + v + " %");
        }
        String n = Wording.num(required);
        String what = form == ObservationForm.INDEX ? "指数" : "";
        String whatEn = form == ObservationForm.INDEX ? "the index " : "the value ";
        return up ? Wording.of(what + "不低于" + n, whatEn + "was at least " + n)
                : Wording.of(what + "不高于" + n, whatEn + "was at most " + n);
    }

    /**
     * The least and greatest yearly change (percent) the series has shown: between the chain's values (over a
     * span without values, its average yearly change) and the published changes after it; null when fewer
     * than two.
     */
    static double[] observedChanges(Track track) {
        List<Double> changes = new ArrayList<>();
        Chain chain = track.chain();
        Integer previous = null;
        for (int year = chain.startYear(); year <= chain.reachedYear(); year++) {
            if (!chain.has(year)) {
                continue;
            }
            if (previous != null && chain.value(previous) > 0 && chain.value(year) > 0) {
                // Over a span of years without values, the average yearly change.
                changes.add((Math.pow(chain.value(year) / chain.value(previous), 1.0 / (year - previous)) - 1) * 100);
            }
            previous = year;
        }
        track.obs().series(ObservationForm.YOY_CHANGE_PCT).forEach((year, change) -> {
            if (year > chain.reachedYear()) {
                changes.add(change);
            }
        });
        if (changes.size() < 2) {
            return null;
        }
        return new double[]{changes.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                changes.stream().mapToDouble(Double::doubleValue).max().orElseThrow()};
    }

    static String signed(double percent) {
        return String.format(Locale.ROOT, "%s%.2f", percent < 0 ? "−" : "+", Math.abs(percent));
    }
}
