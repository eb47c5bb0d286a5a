package org.policytracker.assessment;

import java.util.ArrayList;
import java.util.List;
import org.policytracker.assessment.Assessment.Confidence;
import org.policytracker.assessment.Assessment.Evidence;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.catalogue.ValueType;

/**
 * How much a pace verdict rests on (docs/ASSESSMENT.md, "Evidence and uncertainty"): the evidence behind
 * it, an 80 % range around the projection, and a confidence.
 *
 * <p><b>The range.</b> The series is read as a random walk with drift, the model behind the projection
 * itself (the drift is the observed average yearly change): with the yearly changes g_i between
 * consecutive years of the chain (log changes, or differences where a value is not positive), their
 * standard deviation s over n changes, y years observed and h years to the deadline, the projection's
 * spread is s·√(h + h²/y) — h years of changes to come, and the drift known only from y years — and the
 * range is the projection ∓ t·spread, t the 90 % quantile of Student's t with n − 1 degrees of freedom
 * (few changes, wide range). A share's range stops at 0 and 100.
 *
 * <p><b>Confidence.</b> LOW when there are fewer than two yearly changes to measure the spread, when the
 * range straddles the target (the verdict could go either way), or when the projection reaches more than
 * three times further than the data it rests on; HIGH when the projection reaches no further than the
 * data and rests on at least three changes; MEDIUM otherwise.
 */
final class Uncertainty {

    /** Student's t, 90 % quantile, by degrees of freedom 1..30; beyond, the normal 1.2816. */
    private static final double[] T90 = {3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372, 1.363,
            1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315,
            1.314, 1.313, 1.311, 1.310};

    /** Farther than this many times the years observed, a projection is an extrapolation: LOW. */
    static final double MAX_REACH = 3;

    private Uncertainty() {
    }

    /** What a verdict on a track rests on. */
    static Evidence evidence(Track track, int targetYear) {
        Chain chain = track.chain();
        int points = 0;
        for (int year = chain.startYear() + 1; year <= chain.reachedYear(); year++) {
            if (chain.has(year)) {
                points++;
            }
        }
        int latest = chain.reachedYear();
        return new Evidence(points, latest - chain.startYear(), Math.max(0, targetYear - latest));
    }

    /** The range, confidence and what is said of them, for a pace verdict with {@code projected} on the track's scale. */
    record Reading(Double low, Double high, Confidence confidence, Explanation said) {
    }

    static Reading of(Track track, TargetSpec spec, Goal goal, double projected, boolean linear) {
        Evidence evidence = evidence(track, spec.targetYear());
        List<Double> changes = changes(track.chain(), linear);
        int h = evidence.yearsToDeadline();
        int y = Math.max(1, evidence.yearsObserved());
        Double low = null;
        Double high = null;
        if (changes.size() >= 2) {
            double s = standardDeviation(changes);
            double spread = s * Math.sqrt(h + (double) h * h / y);
            double t = changes.size() - 1 <= T90.length ? T90[changes.size() - 2] : 1.2816;
            if (linear) {
                low = projected - t * spread;
                high = projected + t * spread;
            } else {
                low = projected * Math.exp(-t * spread);
                high = projected * Math.exp(t * spread);
            }
            if (spec.valueType() == ValueType.SHARE && track.basis() == Assessment.ValueBasis.LEVEL) {
                low = Math.max(0, low);
                high = Math.min(100, high);
            }
        }
        List<Explanation> reasons = new ArrayList<>();
        if (changes.size() < 2) {
            reasons.add(Wording.of("年变化不足两个，无法估计波动", "fewer than two yearly changes to measure how the series varies"));
        } else if (goal.isMetBy(low) != goal.isMetBy(high)) {
            reasons.add(Wording.of("80%区间（" + Wording.level(track, track.report(low)) + "至" + Wording.level(track,
                    track.report(high)) + "）跨越目标", "the 80 % range (" + Wording.level(track, track.report(low)) + " to "
                            + Wording.level(track, track.report(high)) + ") straddles the target"));
        }
        if (h > MAX_REACH * y) {
            reasons.add(Wording.of("外推" + h + "年，超过所依据的" + y + "年数据的三倍",
                    "the projection reaches " + h + " years ahead, more than three times the " + y
                            + (y == 1 ? " year" : " years") + " of data"));
        }
        Confidence confidence = !reasons.isEmpty() ? Confidence.LOW
                : h <= y && changes.size() >= 3 ? Confidence.HIGH : Confidence.MEDIUM;
        Explanation said = reasons.isEmpty() ? null : Wording.lowConfidence(reasons);
        return new Reading(low == null ? null : track.report(low), high == null ? null : track.report(high),
                confidence, said);
    }

    /** The yearly changes between consecutive years of the chain: log changes, or differences when linear. */
    private static List<Double> changes(Chain chain, boolean linear) {
        List<Double> changes = new ArrayList<>();
        for (int year = chain.startYear() + 1; year <= chain.reachedYear(); year++) {
            if (chain.has(year) && chain.has(year - 1)) {
                double a = chain.value(year - 1);
                double b = chain.value(year);
                if (linear) {
                    changes.add(b - a);
                } else if (a > 0 && b > 0) {
                    changes.add(Math.log(b / a));
                }
            }
        }
        return changes;
    }

    private static double standardDeviation(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sum = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(sum / (values.size() - 1));
    }
}
