package org.policytracker.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.policytracker.catalogue.ObservationForm;

/**
 * A series on one scale, built year by year from the start year onwards out of points of any form.
 *
 * <p>The value of a year, in this order of preference:
 * <ol>
 *   <li>a LEVEL point, when the chain is on the level scale ({@code levelsDirect});</li>
 *   <li>a ratio of two points of the same form, LEVEL or INDEX, against the earliest earlier year that
 *       has both a point of that form and a known value: v_y = v_s · p_y / p_s (the two points must be
 *       positive). This is how index points carry a level, and how level points give a cumulative
 *       change against the base year;</li>
 *   <li>a YOY_CHANGE_PCT point chained on the previous year: v_y = v_{y−1} · (1 + r_y/100).</li>
 * </ol>
 * A year whose value cannot be found stops the chain for year-on-year changes: later changes are not
 * bridged over it. The years without any point between the last linked year and the last point are
 * reported as missing.
 */
final class Chain {

    private static final List<ObservationForm> RATIO_FORMS = List.of(ObservationForm.LEVEL, ObservationForm.INDEX);

    private final NavigableMap<Integer, Double> values;
    private final int startYear;
    private final List<Integer> missingYears;
    private final Integer unlinkedYear;

    private Chain(NavigableMap<Integer, Double> values, int startYear, List<Integer> missingYears,
            Integer unlinkedYear) {
        this.values = values;
        this.startYear = startYear;
        this.missingYears = missingYears;
        this.unlinkedYear = unlinkedYear;
    }

    /**
     * @param seeds        known values (the start year's at least), all at or before {@code startYear}
     * @param levelsDirect whether LEVEL points are values of this scale (not only ratios)
     */
    static Chain build(Observations obs, Map<Integer, Double> seeds, boolean levelsDirect, int startYear) {
        NavigableMap<Integer, Double> values = new TreeMap<>(seeds);
        Integer lastPoint = obs.lastYear();
        int last = lastPoint == null ? startYear : lastPoint;
        for (int year = startYear + 1; year <= last; year++) {
            Double value = link(obs, values, levelsDirect, year);
            if (value != null) {
                values.put(year, value);
            }
        }
        int reached = Math.max(values.lastKey(), startYear);
        List<Integer> missing = new ArrayList<>();
        Integer unlinked = null;
        if (last > reached) {
            for (int year = reached + 1; year < last; year++) {
                if (!obs.hasAny(year)) {
                    missing.add(year);
                }
            }
            unlinked = firstPointAfter(obs, reached, last);
        }
        return new Chain(values, startYear, List.copyOf(missing), unlinked);
    }

    private static Double link(Observations obs, NavigableMap<Integer, Double> values, boolean levelsDirect, int year) {
        Double level = obs.value(year, ObservationForm.LEVEL);
        if (levelsDirect && level != null) {
            return level;
        }
        for (ObservationForm form : RATIO_FORMS) {
            Double point = obs.value(year, form);
            if (point == null || point <= 0 || (levelsDirect && form == ObservationForm.LEVEL)) {
                continue;
            }
            for (Map.Entry<Integer, Double> known : values.headMap(year, false).entrySet()) {
                Double reference = obs.value(known.getKey(), form);
                if (reference != null && reference > 0) {
                    return known.getValue() * point / reference;
                }
            }
        }
        Double change = obs.value(year, ObservationForm.YOY_CHANGE_PCT);
        Double previous = values.get(year - 1);
        return change != null && previous != null ? previous * (1 + change / 100) : null;
    }

    private static Integer firstPointAfter(Observations obs, int reached, int last) {
        for (int year = reached + 1; year <= last; year++) {
            if (obs.hasAny(year)) {
                return year;
            }
        }
        return null;
    }

    int startYear() {
        return startYear;
    }

    double startValue() {
        return values.get(startYear);
    }

    /** The last year after the start year with a value, or null when there is none. */
    Integer latestYear() {
        return values.lastKey() > startYear ? values.lastKey() : null;
    }

    double value(int year) {
        return values.get(year);
    }

    /** Whether the chain has a value for the year. */
    boolean has(int year) {
        return values.containsKey(year);
    }

    /** Years without any point between the last linked year and the last point. */
    List<Integer> missingYears() {
        return missingYears;
    }

    /** The first year after the last linked one whose point could not be linked, or null. */
    Integer unlinkedYear() {
        return unlinkedYear;
    }

    /** The last year the chain reached: the latest year, or the start year. */
    int reachedYear() {
        Integer latest = latestYear();
        return latest == null ? startYear : latest;
    }
}
