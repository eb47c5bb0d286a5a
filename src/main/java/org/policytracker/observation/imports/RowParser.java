package org.policytracker.observation.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.policytracker.observation.Figure;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.Period;
import org.policytracker.system.Problem.FieldError;
import org.policytracker.system.Problems;

/**
 * Turns a row's text into a value and checks it with {@link ObservationRules}, the rules of single entry,
 * so both refuse the same things with the same words. Plain Java: no database.
 */
final class RowParser {

    private final Map<String, IndicatorRef> indicators;

    RowParser(Map<String, IndicatorRef> indicators) {
        this.indicators = indicators;
    }

    /** The row as a value to store, or null after adding its errors to {@code errors}. */
    ParsedRow parse(RawRow raw, List<ImportError> errors) {
        IndicatorRef indicator = indicator(raw, errors);
        if (indicator == null) {
            return null;
        }
        List<FieldError> unreadable = new ArrayList<>();
        Figure figure = Figure.parse(raw.figure()::get, unreadable);
        List<FieldError> problems = new ArrayList<>(unreadable);
        for (FieldError e : ObservationRules.check(indicator.valueType(), raw.period(), figure)) {
            // A field that could not be read has its reason already (the rules would only say "required"),
            // and a value is judged by its form only once the form is readable.
            boolean unread = unreadable.stream().anyMatch(u -> u.field().equals(e.field())
                    || u.field().equals("form") && e.field().equals("value"));
            if (!unread) {
                problems.add(e);
            }
        }
        // In the order of the file's columns, whichever check found them.
        problems.sort(Comparator.comparingInt(e -> ValueFile.headers().indexOf(e.field())));
        problems.forEach(e -> errors.add(new ImportError(raw.row(), e.field(), e.message())));
        if (!problems.isEmpty()) {
            return null;
        }
        return new ParsedRow(raw.row(), indicator, Period.parse(raw.period()).orElseThrow(), figure);
    }

    private IndicatorRef indicator(RawRow raw, List<ImportError> errors) {
        String column = ValueFile.INDICATOR.header();
        if (raw.indicator() == null) {
            errors.add(new ImportError(raw.row(), column, "is required: an indicator code such as NON_FOSSIL_SHARE "
                    + "(the template's sheet Indicators lists them)"));
            return null;
        }
        IndicatorRef indicator = indicators.get(raw.indicator());
        if (indicator == null) {
            errors.add(new ImportError(raw.row(), column, "'" + Problems.quote(raw.indicator())
                    + "' is not a known indicator code (the template's sheet Indicators lists them)"));
        }
        return indicator;
    }
}
