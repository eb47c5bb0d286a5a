package org.policytracker.assessment;

import java.util.HashMap;
import java.util.Map;
import org.policytracker.assessment.Assessment.PeriodValue;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.catalogue.ObservationForm;

/**
 * A resolved baseline and the chain of values after it, on one scale: levels in the indicator's
 * unit, or an index relative to an origin year (1 = the origin year's value), reported as the
 * signed cumulative percent change from the origin.
 *
 * @param basis            the scale
 * @param originYear       CHANGE_PCT: the year whose value is 1
 * @param baselineObserved whether the baseline is an observation serving as baseline (the target has
 *                         no baseline value of its own)
 * @param chain            the values, starting at the baseline year
 * @param decimals         LEVEL: the decimals the indicator is published with, for the explanation's
 *                         values; null when not known
 * @param catalogueBaseline the target's own baseline value, when an observation of the baseline year
 *                         replaced it (docs/ASSESSMENT.md, "Preliminary, final and estimated figures");
 *                         null otherwise
 * @param obs              the points the chain was built from, for the publication of its years
 */
record Track(ValueBasis basis, int originYear, boolean baselineObserved, Chain chain, Integer decimals,
        Double catalogueBaseline, Observations obs) {

    /**
     * The chained index of a CHANGE_VS_BASE target: 1 at the base year, 1 + baselineValue/100 at the
     * baseline year; null when the target lacks the years to anchor it.
     */
    static Track ofChange(TargetSpec spec, Observations obs) {
        Integer origin = spec.baseYear() != null ? spec.baseYear() : spec.baselineYear();
        if (origin == null) {
            return null;
        }
        int baselineYear = spec.baselineYear() != null ? spec.baselineYear() : origin;
        Double baseline = spec.baselineValue();
        if (baselineYear < origin || (baseline == null && baselineYear != origin)) {
            return null;
        }
        Map<Integer, Double> seeds = new HashMap<>();
        seeds.put(origin, 1.0);
        seeds.put(baselineYear, 1 + (baseline == null ? 0 : baseline) / 100);
        return new Track(ValueBasis.CHANGE_PCT, origin, false, Chain.build(obs, seeds, false, baselineYear), null,
                null, obs);
    }

    /**
     * The levels of a target, from the first of: the target's baseline year at {@code anchorYear}, with
     * the level observed for that year when there is one (an analyst's revised or final figure: the
     * catalogue's value is kept as {@link #catalogueBaseline}), else the catalogue's baseline value; a
     * LEVEL observation at {@code anchorYear}; (when {@code relativeAllowed}, for judgements that need
     * no unit) an index of 1 at {@code anchorYear} carried by year-on-year changes or ratios; the
     * earliest LEVEL observation from {@code anchorYear} on. Null when none applies.
     */
    static Track ofLevels(TargetSpec spec, Observations obs, Integer anchorYear, boolean relativeAllowed) {
        if (anchorYear != null && spec.baselineValue() != null && anchorYear.equals(spec.baselineYear())) {
            Double observed = obs.value(anchorYear, ObservationForm.LEVEL);
            return observed == null ? level(spec, obs, anchorYear, spec.baselineValue(), false, null)
                    : level(spec, obs, anchorYear, observed, false, spec.baselineValue());
        }
        Double observedAtAnchor = anchorYear == null ? null : obs.value(anchorYear, ObservationForm.LEVEL);
        if (observedAtAnchor != null) {
            return level(spec, obs, anchorYear, observedAtAnchor, true, null);
        }
        Track relative = null;
        if (relativeAllowed && anchorYear != null) {
            relative = new Track(ValueBasis.CHANGE_PCT, anchorYear, false,
                    Chain.build(obs, Map.of(anchorYear, 1.0), false, anchorYear), null, null, obs);
            if (relative.latestYear() != null) {
                return relative;
            }
        }
        Integer first = obs.firstYear(ObservationForm.LEVEL, anchorYear);
        if (first != null) {
            Track earliest = level(spec, obs, first, obs.value(first, ObservationForm.LEVEL), true, null);
            if (relative == null || earliest.latestYear() != null) {
                return earliest;
            }
        }
        return relative;
    }

    private static Track level(TargetSpec spec, Observations obs, int year, double value, boolean observed,
            Double catalogueBaseline) {
        return new Track(ValueBasis.LEVEL, year, observed, Chain.build(obs, Map.of(year, value), true, year),
                spec.precision(), catalogueBaseline, obs);
    }

    int baselineYear() {
        return chain.startYear();
    }

    double baselineValue() {
        return chain.startValue();
    }

    /** The latest year after the baseline with a value, or null. */
    Integer latestYear() {
        return chain.latestYear();
    }

    double latestValue() {
        return chain.value(chain.latestYear());
    }

    /** A value of the chain as reported: the level, or the signed cumulative percent change. */
    double report(double value) {
        return basis == ValueBasis.LEVEL ? value : (value - 1) * 100;
    }

    /**
     * The baseline as reported, with the publication of the observation it is (null for the catalogue's
     * own baseline, which is not a release of a figure).
     */
    PeriodValue baselinePeriodValue() {
        boolean fromCatalogue = basis == ValueBasis.CHANGE_PCT || !baselineObserved && catalogueBaseline == null;
        return PeriodValue.of(baselineYear(), report(baselineValue()),
                fromCatalogue ? null : obs.publication(baselineYear()));
    }

    PeriodValue latestPeriodValue() {
        return latestYear() == null ? null
                : PeriodValue.of(latestYear(), report(latestValue()), obs.publication(latestYear()));
    }
}
