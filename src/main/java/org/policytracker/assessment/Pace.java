package org.policytracker.assessment;

/**
 * The observed and required paces from the baseline (b, v_b) through the latest value (t, v_t) to the
 * target (T, v_T), and the projection to the target year.
 *
 * <p>Geometric (docs/ASSESSMENT.md, "The method") when all three values are positive: r_obs = (v_t/v_b)^(1/(t−b)) − 1,
 * r_req = (v_T/v_b)^(1/(T−b)) − 1, R = r_obs/r_req, v̂_T = v_t·(1 + r_obs)^(T−t). Otherwise (a
 * coverage rising from 0, a negative level) the same method on straight lines: s_obs = (v_t − v_b)/(t − b),
 * s_req = (v_T − v_b)/(T − b), R = s_obs/s_req, v̂_T = v_t + s_obs·(T − t).
 *
 * @param linear   whether the straight-line method was used
 * @param observed r_obs in percent per year, or s_obs in units per year when linear
 * @param required r_req in percent per year, or s_req in units per year when linear
 * @param ratio    R; null when the required pace is zero
 * @param projected v̂_T on the track's scale
 */
record Pace(boolean linear, double observed, double required, Double ratio, double projected) {

    /** Requires t > b and T > b. */
    static Pace of(int b, double vb, int t, double vt, int targetYear, double vT) {
        if (vb > 0 && vt > 0 && vT > 0) {
            double observed = Math.pow(vt / vb, 1.0 / (t - b)) - 1;
            double required = Math.pow(vT / vb, 1.0 / (targetYear - b)) - 1;
            double projected = vt * Math.pow(1 + observed, targetYear - t);
            return new Pace(false, observed * 100, required * 100, ratio(observed, required), projected);
        }
        double observed = (vt - vb) / (t - b);
        double required = (vT - vb) / (targetYear - b);
        return new Pace(true, observed, required, ratio(observed, required), vt + observed * (targetYear - t));
    }

    /** The same pace with the projection held within a bound (a share cannot pass 100 %). */
    Pace projectedAtMost(double bound) {
        return projected <= bound ? this : new Pace(linear, observed, required, ratio, bound);
    }

    /** The geometric observed rate in percent per year, or null when a value is not positive. */
    static Double observedRate(int b, double vb, int t, double vt) {
        return vb > 0 && vt > 0 ? (Math.pow(vt / vb, 1.0 / (t - b)) - 1) * 100 : null;
    }

    static Double ratio(double observed, double required) {
        return required == 0 ? null : observed / required;
    }

    /** The straight-line observed change in units per year: for a share, percentage points a year. */
    static double observedStep(int b, double vb, int t, double vt) {
        return (vt - vb) / (t - b);
    }

    /** The annual rates as reported (percent per year); null for the linear method. */
    Double observedRate() {
        return linear ? null : observed;
    }

    Double requiredRate() {
        return linear ? null : required;
    }
}
