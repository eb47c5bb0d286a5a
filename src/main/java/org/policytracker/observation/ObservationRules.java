package org.policytracker.observation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.ValueType;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Numbers;
import org.policytracker.system.Problems;

/**
 * What an entered value must satisfy, by what the catalogue knows of its indicator and by the day it is
 * entered. Plain Java, shared by single entry and bulk import, so both refuse the same things in the same
 * words (codes under {@code problem.} in the vocabulary, worded in the reader's language). The rules are
 * listed in docs/ASSESSMENT.md, "Entering values".
 */
public final class ObservationRules {

    /**
     * What the rules know of an indicator and of the day.
     *
     * @param valueType     the indicator's value type
     * @param seriesStart   the first year the statistic was published; null when unknown
     * @param percentUnit   whether its levels are in percent
     * @param publishedForm the form it is published in; null when unknown
     * @param today         the day of entry: a period that has not ended by then cannot have a value
     */
    public record Context(ValueType valueType, Integer seriesStart, boolean percentUnit,
            ObservationForm publishedForm, LocalDate today) {

        public static Context of(Indicator indicator, LocalDate today) {
            return new Context(indicator.valueType, indicator.seriesStart, "%".equals(indicator.unit),
                    indicator.publishedForm, today);
        }
    }

    private ObservationRules() {
    }

    /** The problems of one value; empty when it may be stored. Field names are the JSON/CSV ones. */
    public static List<FieldMessage> check(Context indicator, String period, Figure figure) {
        List<FieldMessage> errors = new ArrayList<>();
        checkPeriod(indicator, period, errors);
        if (indicator.valueType() == ValueType.STATE) {
            errors.add(FieldMessage.of("indicator", "indicator.milestone"));
            return errors;
        }
        Double value = figure.value();
        if (value == null) {
            errors.add(FieldMessage.of("value", "value.required"));
        } else if (!Double.isFinite(value)) {
            errors.add(FieldMessage.of("value", "value.notFinite"));
        } else {
            checkRange(indicator.valueType(), value, figure.form(), errors);
        }
        length("source", figure.source(), 1000, errors);
        length("note", figure.note(), 4000, errors);
        length("seriesBreak", figure.seriesBreak(), 1000, errors);
        return errors;
    }

    /**
     * Reads a typed value ({@link NumberText}) into the figure: the number as meant, or an error. A
     * trailing % is only right where the value is in percent: a share or rate in %, a change on the previous
     * year; anywhere else it means the wrong unit was typed.
     */
    public static Figure readValue(Context indicator, Figure figure, String typed, List<FieldMessage> errors) {
        try {
            NumberText.Reading reading = NumberText.read(typed);
            if (reading == null) {
                return figure.withValue(null);
            }
            if (reading.percent() && !(indicator.percentUnit() || figure.form() == ObservationForm.YOY_CHANGE_PCT)) {
                errors.add(FieldMessage.of("value", "value.percentSign", "value", Problems.quote(typed)));
                return figure.withValue(null);
            }
            return figure.withValue(reading.value());
        } catch (NumberText.Unreadable e) {
            errors.add(new FieldMessage("value", e.message()));
            return figure.withValue(null);
        }
    }

    /**
     * Whether a value's form differs from the form its indicator is published in: a chain of year-on-year
     * changes broken by a level, say. Such a value is stored only when the writer confirms it.
     */
    public static boolean breaksPublishedForm(Context indicator, Figure figure) {
        return indicator.publishedForm() != null && figure.form() != indicator.publishedForm();
    }

    /**
     * Whether storing a value needs the writer's confirmation: its form breaks the published chain and
     * the value it replaces is not in that form already ({@code storedForm} null when there is none). A
     * value confirmed once is not asked about again when it is corrected in the same form or imported
     * back unchanged.
     */
    public static boolean needsFormConfirmation(Context indicator, Figure figure, ObservationForm storedForm) {
        return breaksPublishedForm(indicator, figure) && figure.form() != storedForm;
    }

    /** The last year whose values can exist on a day: the year before, until the year is over. */
    public static int lastEndedYear(LocalDate today) {
        return today.getYear() - 1;
    }

    static void checkPeriod(Context indicator, String period, List<FieldMessage> errors) {
        int last = lastEndedYear(indicator.today());
        if (period == null || period.isBlank()) {
            errors.add(FieldMessage.of("period", "period.required", "example", last));
            return;
        }
        Period p = Period.parse(period).orElse(null);
        if (p == null) {
            errors.add(FieldMessage.of("period", "period.invalid", "value", Problems.quote(period), "example",
                    last));
        } else if (p.type() != PeriodType.YEARLY) {
            errors.add(FieldMessage.of("period", "period.notYearly", "value", period));
        } else if (p.end().isAfter(indicator.today()) || p.end().isEqual(indicator.today())) {
            errors.add(FieldMessage.of("period", "period.notEnded", "value", period, "today", indicator.today(),
                    "last", last));
        } else if (indicator.seriesStart() != null && p.year() < indicator.seriesStart()) {
            errors.add(FieldMessage.of("period", "period.beforeSeries", "value", period, "start",
                    indicator.seriesStart()));
        }
    }

    private static void checkRange(ValueType valueType, double value, ObservationForm form,
            List<FieldMessage> errors) {
        String shown = Numbers.format(value);
        switch (form) {
            case YOY_CHANGE_PCT -> {
                if (valueType == ValueType.RATE) {
                    errors.add(FieldMessage.of("form", "form.rateIsLevel"));
                } else if (value <= -100) {
                    errors.add(FieldMessage.of("value", "value.yoy", "value", shown));
                }
            }
            case INDEX -> {
                if (value <= 0) {
                    errors.add(FieldMessage.of("value", "value.index", "value", shown));
                }
            }
            case LEVEL -> {
                if (valueType == ValueType.SHARE && (value < 0 || value > 100)) {
                    errors.add(FieldMessage.of("value", "value.share", "value", shown));
                } else if (valueType != ValueType.RATE && value < 0) {
                    errors.add(FieldMessage.of("value", "value.negative", "value", shown));
                }
            }
        }
    }

    private static void length(String field, String value, int max, List<FieldMessage> errors) {
        if (value != null && value.indexOf('\0') >= 0) {
            // PostgreSQL cannot store U+0000 in text (it was a 500 there; found by the bad-input suite).
            errors.add(FieldMessage.of(field, "text.nul"));
        } else if (value != null && value.length() > max) {
            errors.add(FieldMessage.of(field, "text.length", "max", max, "length", value.length()));
        }
    }
}
