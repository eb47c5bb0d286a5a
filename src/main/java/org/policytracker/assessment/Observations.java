package org.policytracker.assessment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;

/**
 * The points of one indicator that count for an assessment, by year and form. Bounds (more than / less
 * than a level) are kept apart: they are never values of the series, only {@link #bounds} that may prove
 * a goal met.
 */
final class Observations {

    /** The forms in the order a year's publication is read from ({@link #publication}). */
    private static final List<ObservationForm> PUBLICATION_ORDER = List.of(ObservationForm.LEVEL,
            ObservationForm.INDEX, ObservationForm.YOY_CHANGE_PCT);

    private final NavigableMap<Integer, Map<ObservationForm, DataPoint>> byYear;
    private final NavigableMap<Integer, DataPoint> bounds;

    private Observations(NavigableMap<Integer, Map<ObservationForm, DataPoint>> byYear,
            NavigableMap<Integer, DataPoint> bounds) {
        this.byYear = byYear;
        this.bounds = bounds;
    }

    /**
     * Keeps the points whose period ends on or before {@code asOf} and whose year is not after
     * {@code lastYear}, of whole years (a month's or a quarter's is a {@link SubAnnual} indication, never a
     * value of the annual series); for a repeated (year, form) the last point wins. Bounds of the level go to
     * {@link #bounds} (one per year, the last), bounds of other forms nowhere: a "fall of more than 3 %"
     * cannot be chained either.
     */
    static Observations of(List<DataPoint> points, LocalDate asOf, int lastYear) {
        NavigableMap<Integer, Map<ObservationForm, DataPoint>> byYear = new TreeMap<>();
        NavigableMap<Integer, DataPoint> bounds = new TreeMap<>();
        for (DataPoint p : points) {
            if (!p.isSubAnnual() && !p.periodEnd().isAfter(asOf) && p.year() <= lastYear) {
                if (!p.qualifier().isBound()) {
                    byYear.computeIfAbsent(p.year(), y -> new EnumMap<>(ObservationForm.class)).put(p.form(), p);
                } else if (p.form() == ObservationForm.LEVEL) {
                    bounds.put(p.year(), p);
                }
            }
        }
        return new Observations(byYear, bounds);
    }

    /** The published bounds of the level, by year; never part of the series. */
    NavigableMap<Integer, DataPoint> bounds() {
        return Collections.unmodifiableNavigableMap(bounds);
    }

    boolean isEmpty() {
        return byYear.isEmpty();
    }

    /** The last year with any point, or null. */
    Integer lastYear() {
        return byYear.isEmpty() ? null : byYear.lastKey();
    }

    boolean hasAny(int year) {
        return byYear.containsKey(year);
    }

    /** The point of the given form for the year (not a bound), or null. */
    DataPoint point(int year, ObservationForm form) {
        Map<ObservationForm, DataPoint> forms = byYear.get(year);
        return forms == null ? null : forms.get(form);
    }

    /** The value of the given form for the year, or null. */
    Double value(int year, ObservationForm form) {
        DataPoint point = point(year, form);
        return point == null ? null : point.value();
    }

    /**
     * The release of the year's figure (PRELIMINARY, FINAL, ESTIMATED): that of its level, else of its
     * index, else of its change on the previous year, the order in which a chain prefers them; null when
     * the year has no point or that figure does not say.
     */
    Publication publication(int year) {
        for (ObservationForm form : PUBLICATION_ORDER) {
            DataPoint point = point(year, form);
            if (point != null) {
                return point.publication();
            }
        }
        return null;
    }

    /** The first year at or after {@code from} (any year when null) with a point of the form, or null. */
    Integer firstYear(ObservationForm form, Integer from) {
        NavigableMap<Integer, Map<ObservationForm, DataPoint>> tail = from == null ? byYear
                : byYear.tailMap(from, true);
        return tail.entrySet().stream()
                .filter(e -> e.getValue().containsKey(form))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** The values of one form by year. */
    NavigableMap<Integer, Double> series(ObservationForm form) {
        NavigableMap<Integer, Double> series = new TreeMap<>();
        byYear.forEach((year, forms) -> {
            if (forms.containsKey(form)) {
                series.put(year, forms.get(form).value());
            }
        });
        return Collections.unmodifiableNavigableMap(series);
    }
}
