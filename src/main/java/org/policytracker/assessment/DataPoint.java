package org.policytracker.assessment;

import java.time.LocalDate;
import java.util.Objects;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;

/**
 * One published value of an indicator for one period, in the form it was published.
 *
 * <p>Periods are calendar years for now. Everything the engine needs from a period goes through
 * {@link #period()}, {@link #periodEnd()} and {@link #year()}, so that finer periods (quarters) can be
 * added here later without touching the callers' contract.
 *
 * @param year  the calendar year the value is for
 * @param value the level (in the indicator's unit), the percent change on the previous year
 *              ({@code -3.4} for 比上年下降3.4%), or an index level — according to {@code form}
 * @param form  how the value is stated
 * @param qualifier EXACT, or a bound (AT_LEAST, AT_MOST: never used as a level, only to prove a goal
 *                  met), or ABOUT (used as the value)
 * @param publication which release of the figure it is (PRELIMINARY, FINAL, ESTIMATED); null when not stated
 * @param basis     the code of the series basis the value is on; null is the basis in force in its year
 */
public record DataPoint(int year, double value, ObservationForm form, Qualifier qualifier, Publication publication,
        String basis) {

    public DataPoint {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(qualifier, "qualifier");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + year + " is not a finite number: " + value);
        }
    }

    /** An exact value. */
    public DataPoint(int year, double value, ObservationForm form) {
        this(year, value, form, Qualifier.EXACT, null, null);
    }

    /** A value whose publication is not stated. */
    public DataPoint(int year, double value, ObservationForm form, Qualifier qualifier) {
        this(year, value, form, qualifier, null, null);
    }

    /** The same value, stated as a given release of the figure. */
    public DataPoint published(Publication release) {
        return new DataPoint(year, value, form, qualifier, release, basis);
    }

    /** The same value, on a series basis. */
    public DataPoint onBasis(String code) {
        return new DataPoint(year, value, form, qualifier, publication, code);
    }

    /** A published bound of the level: more than (AT_LEAST) or less than (AT_MOST) {@code value}. */
    public static DataPoint bound(int year, Qualifier qualifier, double value) {
        if (!qualifier.isBound()) {
            throw new IllegalArgumentException(qualifier + " is not a bound");
        }
        return new DataPoint(year, value, ObservationForm.LEVEL, qualifier);
    }

    public static DataPoint level(int year, double value) {
        return new DataPoint(year, value, ObservationForm.LEVEL);
    }

    public static DataPoint yoy(int year, double percentChange) {
        return new DataPoint(year, percentChange, ObservationForm.YOY_CHANGE_PCT);
    }

    public static DataPoint index(int year, double value) {
        return new DataPoint(year, value, ObservationForm.INDEX);
    }

    /** The period as shown in the API ("2024"). */
    public String period() {
        return String.valueOf(year);
    }

    /** The last day of the period: the value counts for an assessment as of this day or later. */
    public LocalDate periodEnd() {
        return LocalDate.of(year, 12, 31);
    }
}
