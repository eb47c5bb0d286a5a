package org.policytracker.observation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: {@code 2024} (year), {@code 2024Q1} (quarter), {@code 2024-01} (month, ISO 8601; DHIS2's
 * {@code 202401} is read too and written as {@code 2024-01}). Its end date decides whether a value counts
 * for an assessment as of a date.
 */
public record Period(String iso, PeriodType type, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?(0[1-9]|1[0-2])");

    public static Period ofYear(int year) {
        return new Period(Integer.toString(year), PeriodType.YEARLY, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    /** Parses an ISO period string; empty when it is not one. */
    public static Optional<Period> parse(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        String s = iso.trim();
        Matcher m = YEAR.matcher(s);
        if (m.matches()) {
            return Optional.of(ofYear(Integer.parseInt(m.group(1))));
        }
        m = QUARTER.matcher(s.toUpperCase(java.util.Locale.ROOT));
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return Optional.of(new Period(year + "Q" + quarter, PeriodType.QUARTERLY, first.atDay(1),
                    first.plusMonths(2).atEndOfMonth()));
        }
        m = MONTH.matcher(s);
        if (m.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return Optional.of(new Period(month.toString(), PeriodType.MONTHLY, month.atDay(1), month.atEndOfMonth()));
        }
        return Optional.empty();
    }

    public int year() {
        return start.getYear();
    }

    /** A month or a quarter: part of a year. */
    public boolean isSubAnnual() {
        return type != PeriodType.YEARLY;
    }
}
