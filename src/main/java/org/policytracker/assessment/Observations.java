package org.policytracker.assessment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.policytracker.catalogue.ObservationForm;

/** The points of one indicator that count for an assessment, by year and form. */
final class Observations {

    private final NavigableMap<Integer, Map<ObservationForm, Double>> byYear;

    private Observations(NavigableMap<Integer, Map<ObservationForm, Double>> byYear) {
        this.byYear = byYear;
    }

    /**
     * Keeps the points whose period ends on or before {@code asOf} and whose year is not after
     * {@code lastYear}; for a repeated (year, form) the last point wins.
     */
    static Observations of(List<DataPoint> points, LocalDate asOf, int lastYear) {
        NavigableMap<Integer, Map<ObservationForm, Double>> byYear = new TreeMap<>();
        for (DataPoint p : points) {
            if (!p.periodEnd().isAfter(asOf) && p.year() <= lastYear) {
                byYear.computeIfAbsent(p.year(), y -> new EnumMap<>(ObservationForm.class)).put(p.form(), p.value());
            }
        }
        return new Observations(byYear);
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

    /** The value of the given form for the year, or null. */
    Double value(int year, ObservationForm form) {
        Map<ObservationForm, Double> forms = byYear.get(year);
        return forms == null ? null : forms.get(form);
    }

    /** The first year at or after {@code from} (any year when null) with a point of the form, or null. */
    Integer firstYear(ObservationForm form, Integer from) {
        NavigableMap<Integer, Map<ObservationForm, Double>> tail = from == null ? byYear : byYear.tailMap(from, true);
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
                series.put(year, forms.get(form));
            }
        });
        return Collections.unmodifiableNavigableMap(series);
    }
}
