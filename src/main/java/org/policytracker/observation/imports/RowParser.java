package org.policytracker.observation.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.policytracker.observation.ObservationForm;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.Period;
import org.policytracker.system.Problem.FieldError;

/**
 * Turns a row's text into a value and checks it with {@link ObservationRules}, the rules of single
 * entry, so both refuse the same things with the same words. Plain Java: no database.
 */
final class RowParser {

    /** A decimal number as people write it: 19.8, -3.4, .5, 1e3; no units, no thousands separators. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    private static final String FORMS = Arrays.stream(ObservationForm.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final Map<String, IndicatorRef> indicators;

    RowParser(Map<String, IndicatorRef> indicators) {
        this.indicators = indicators;
    }

    /** The row as a value to store, or null after adding its errors to {@code errors}. */
    ParsedRow parse(RawRow raw, List<ImportError> errors) {
        int before = errors.size();
        IndicatorRef indicator = indicator(raw, errors);
        if (indicator == null) {
            return null;
        }
        Double value = null;
        String valueError = null;
        try {
            value = number(raw.value());
        } catch (NumberFormatException e) {
            valueError = "'" + Cells.shorten(raw.value()) + "' is not a number; write a decimal number such as 19.8,"
                    + " without units or thousands separators";
        }
        ObservationForm form = raw.form() == null ? ObservationForm.LEVEL : form(raw.form());
        for (FieldError e : ObservationRules.check(indicator.valueType(), raw.period(), value, form, raw.source(),
                raw.note(), raw.seriesBreak())) {
            // With an unreadable number the rules can only say "required"; our reason is the better one.
            if (valueError == null || !e.field().equals(ImportColumn.VALUE.header())) {
                errors.add(new ImportError(raw.row(), e.field(), e.message()));
            }
        }
        if (valueError != null) {
            errors.add(new ImportError(raw.row(), ImportColumn.VALUE.header(), valueError));
        }
        if (form == null) {
            errors.add(new ImportError(raw.row(), ImportColumn.FORM.header(), "'" + Cells.shorten(raw.form())
                    + "' is not allowed; use one of: " + FORMS + " (blank means LEVEL)"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ParsedRow(raw.row(), indicator, Period.parse(raw.period()).orElseThrow(), value, form,
                raw.source(), raw.note(), raw.seriesBreak());
    }

    private IndicatorRef indicator(RawRow raw, List<ImportError> errors) {
        String column = ImportColumn.INDICATOR.header();
        if (raw.indicator() == null) {
            errors.add(new ImportError(raw.row(), column, "is required: an indicator code such as NON_FOSSIL_SHARE "
                    + "(the template's sheet Indicators lists them)"));
            return null;
        }
        IndicatorRef indicator = indicators.get(raw.indicator());
        if (indicator == null) {
            errors.add(new ImportError(raw.row(), column, "'" + Cells.shorten(raw.indicator())
                    + "' is not a known indicator code (the template's sheet Indicators lists them)"));
        }
        return indicator;
    }

    /** A decimal number; NaN and infinity come back as such, for the rules to refuse in their words. */
    static Double number(String text) {
        if (text == null) {
            return null;
        }
        if (NON_FINITE.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT).contains("nan") ? Double.NaN
                    : text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }

    private static ObservationForm form(String text) {
        try {
            return ObservationForm.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
