package org.policytracker.observation;

import java.util.ArrayList;
import java.util.List;
import org.policytracker.catalogue.ValueType;
import org.policytracker.system.Problem.FieldError;

/**
 * What an entered value must satisfy, by the indicator's value type and the value's form. Plain
 * Java, shared by single entry and bulk import so both refuse the same things with the same words.
 */
public final class ObservationRules {

    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;

    private ObservationRules() {
    }

    /** The problems of one value; empty when it may be stored. Field names are the JSON/CSV ones. */
    public static List<FieldError> check(ValueType valueType, String period, Figure figure) {
        List<FieldError> errors = new ArrayList<>();
        checkPeriod(period, errors);
        if (valueType == ValueType.STATE) {
            errors.add(new FieldError("indicator", "is a milestone's indicator and takes no values; set the "
                    + "milestone's state with PUT /api/targets/{id}/milestone"));
            return errors;
        }
        Double value = figure.value();
        if (value == null) {
            errors.add(new FieldError("value", "is required: a number"));
        } else if (!Double.isFinite(value)) {
            errors.add(new FieldError("value", "must be a finite number (not NaN or infinity)"));
        } else {
            checkRange(valueType, value, figure.form(), errors);
        }
        length("source", figure.source(), 1000, errors);
        length("note", figure.note(), 4000, errors);
        length("seriesBreak", figure.seriesBreak(), 1000, errors);
        return errors;
    }

    static void checkPeriod(String period, List<FieldError> errors) {
        if (period == null || period.isBlank()) {
            errors.add(new FieldError("period", "is required: a year from " + MIN_YEAR + " to " + MAX_YEAR
                    + ", e.g. \"2024\""));
            return;
        }
        Period p = Period.parse(period).orElse(null);
        if (p == null) {
            errors.add(new FieldError("period", "'" + period + "' is not a period; use a year from " + MIN_YEAR
                    + " to " + MAX_YEAR + ", e.g. \"2024\""));
        } else if (p.type() != PeriodType.YEARLY) {
            errors.add(new FieldError("period", "'" + period + "' is a " + p.type().name().toLowerCase()
                    + " period; only years (e.g. \"2024\") are accepted for now"));
        } else if (p.year() < MIN_YEAR || p.year() > MAX_YEAR) {
            errors.add(new FieldError("period", "must be a year from " + MIN_YEAR + " to " + MAX_YEAR + ", was "
                    + period));
        }
    }

    private static void checkRange(ValueType valueType, double value, ObservationForm form, List<FieldError> errors) {
        switch (form) {
            case YOY_CHANGE_PCT -> {
                if (valueType == ValueType.RATE) {
                    errors.add(new FieldError("form", "must be LEVEL for this indicator: its values are rates "
                            + "already (e.g. 5.1 for growth of 5.1 %)"));
                } else if (value <= -100) {
                    errors.add(new FieldError("value", "must be above -100 for a year-on-year change in percent, was "
                            + value));
                }
            }
            case INDEX -> {
                if (value <= 0) {
                    errors.add(new FieldError("value", "must be above 0 for an index, was " + value));
                }
            }
            case LEVEL -> {
                if (valueType == ValueType.SHARE && (value < 0 || value > 100)) {
                    errors.add(new FieldError("value", "must be between 0 and 100: the indicator is a share in "
                            + "percent, was " + value));
                } else if (valueType != ValueType.RATE && value < 0) {
                    errors.add(new FieldError("value", "must be 0 or more for this indicator, was " + value));
                }
            }
            default -> throw new IllegalArgumentException("Unknown form " + form);
        }
    }

    private static void length(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.indexOf('\0') >= 0) {
            // PostgreSQL cannot store U+0000 in text (it was a 500 there; found by the bad-input suite).
            errors.add(new FieldError(field, "must not contain the NUL character (U+0000)"));
        } else if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters, was " + value.length()));
        }
    }
}
