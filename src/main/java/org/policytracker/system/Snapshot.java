package org.policytracker.system;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What an answer is computed from: the values of periods ending on or before {@code asOf}, as they
 * were recorded by {@code knownAt}. An assessment, the dashboard and a report asked with the same
 * snapshot say the same thing, whatever was entered or corrected since: this is how a report sent
 * last quarter is reproduced.
 *
 * @param asOf         values of periods ending on or before this date count
 * @param knownAt      only values recorded by this time count (and not yet superseded then)
 * @param knownAtGiven whether the caller named {@code knownAt}; when not, it is the time of the question
 */
public record Snapshot(LocalDate asOf, OffsetDateTime knownAt, boolean knownAtGiven) {

    /** Today, as known now. */
    public static Snapshot now() {
        return new Snapshot(LocalDate.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC), false);
    }

    /**
     * The query parameters {@code asOf} (an ISO date; default today) and {@code knownAt} (an ISO date,
     * meaning the end of that day in UTC, or a date-time; default now). A value that is not a date is a
     * 400 naming the parameter.
     */
    public static Snapshot of(String asOf, String knownAt) {
        boolean given = knownAt != null && !knownAt.isBlank();
        return new Snapshot(asOf(asOf), given ? knownAt(knownAt) : OffsetDateTime.now(ZoneOffset.UTC), given);
    }

    /** The same knowledge, as of the last day of {@code year}. */
    public Snapshot atEndOf(int year) {
        return new Snapshot(LocalDate.of(year, 12, 31), knownAt, knownAtGiven);
    }

    private static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("asOf", "date", "value", Problems.quote(value));
        }
    }

    private static OffsetDateTime knownAt(String value) {
        String v = value.trim();
        try {
            return v.length() == 10
                    ? LocalDate.parse(v).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000)
                    : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("knownAt", "dateTime", "value", Problems.quote(value));
        }
    }
}
