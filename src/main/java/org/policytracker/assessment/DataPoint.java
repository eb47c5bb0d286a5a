package org.policytracker.assessment;

import java.time.LocalDate;
import java.util.Objects;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;

/**
 * One published value of an indicator for one period, in the form it was published.
 *
 * <p>A point is of a calendar year, or of a month or a quarter of it ({@link #part}). Annual targets are
 * assessed on annual points only; the others are a {@link SubAnnual latest indication}, which can prove a
 * target met early. Everything the engine needs from a period goes through {@link #period()},
 * {@link #periodEnd()} and {@link #year()}.
 *
 * @param year  the calendar year the value is for
 * @param value the level (in the indicator's unit), the percent change on the previous year
 *              ({@code -3.4} for 比上年下降3.4%), or an index level — according to {@code form}
 * @param form  how the value is stated
 * @param qualifier EXACT, or a bound (AT_LEAST, AT_MOST: never used as a level, only to prove a goal
 *                  met), or ABOUT (used as the value)
 * @param publication which release of the figure it is (PRELIMINARY, FINAL, ESTIMATED); null when not stated
 * @param basis     the code of the series basis the value is on; null is the basis in force in its year
 * @param part      the month or quarter of {@code year} the value is for; null for the whole year
 */
public record DataPoint(int year, double value, ObservationForm form, Qualifier qualifier, Publication publication,
        String basis, Part part) {

    /**
     * A month or a quarter of the year.
     *
     * @param period as shown: "2025-07", "2025Q3"
     * @param end    its last day
     * @param ytd    the value is the sum from the start of the year to {@code end} (1–11月累计), not of the part alone
     */
    public record Part(String period, LocalDate end, boolean ytd) {

        public Part {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(end, "end");
        }
    }

    /** A value of a whole year. */
    public DataPoint(int year, double value, ObservationForm form, Qualifier qualifier, Publication publication,
            String basis) {
        this(year, value, form, qualifier, publication, basis, null);
    }

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
        return new DataPoint(year, value, form, qualifier, release, basis, part);
    }

    /** The same value, published as exact, a bound or an approximation. */
    public DataPoint withQualifier(Qualifier newQualifier) {
        return new DataPoint(year, value, form, newQualifier, publication, basis, part);
    }

    /** The same value, on a series basis. */
    public DataPoint onBasis(String code) {
        return new DataPoint(year, value, form, qualifier, publication, code, part);
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

    /** A level of a month or a quarter ({@code ytd}: the year's sum so far), as offices publish them monthly. */
    public static DataPoint ofPart(String period, LocalDate end, boolean ytd, double value) {
        return new DataPoint(end.getYear(), value, ObservationForm.LEVEL, Qualifier.EXACT, null, null,
                new Part(period, end, ytd));
    }

    /** Of a month or a quarter, not of the whole year. */
    public boolean isSubAnnual() {
        return part != null;
    }

    /** The period as shown in the API ("2024", "2025-07", "2025Q3"). */
    public String period() {
        return part != null ? part.period() : String.valueOf(year);
    }

    /** The last day of the period: the value counts for an assessment as of this day or later. */
    public LocalDate periodEnd() {
        return part != null ? part.end() : LocalDate.of(year, 12, 31);
    }
}
