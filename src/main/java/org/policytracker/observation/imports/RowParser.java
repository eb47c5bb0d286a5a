package org.policytracker.observation.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.policytracker.observation.Figure;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.Period;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Problems;

/**
 * Turns a row's text into a value and checks it with {@link ObservationRules}, the rules of single entry:
 * the same reading of typed numbers, the same refusals in the same words. Plain Java: no database.
 */
final class RowParser {

    private final Map<String, IndicatorRef> indicators;

    RowParser(Map<String, IndicatorRef> indicators) {
        this.indicators = indicators;
    }

    /** The row as a value to store, or null after adding its errors (naming its indicator and period) to {@code errors}. */
    ParsedRow parse(RawRow raw, List<ImportError> errors) {
        IndicatorRef indicator = indicator(raw, errors);
        if (indicator == null) {
            return null;
        }
        List<FieldMessage> problems = new ArrayList<>();
        Figure parsed = Figure.parse(raw.figure()::get, problems);
        Figure typed = ObservationRules.readValue(indicator.rules(), parsed, raw.figure().get("value"), problems);
        Figure figure = ObservationRules.normalised(indicator.rules(), raw.period(), typed, problems);
        List<FieldMessage> unreadable = List.copyOf(problems);
        for (FieldMessage e : ObservationRules.check(indicator.rules(), raw.period(), figure)) {
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
        String period = Period.parse(raw.period()).map(Period::iso).orElse(null);
        problems.forEach(e -> errors.add(new ImportError(raw.row(), e.field(), indicator.code(), period,
                e.message())));
        if (!problems.isEmpty()) {
            return null;
        }
        return new ParsedRow(raw.row(), indicator, Period.parse(raw.period()).orElseThrow(), figure);
    }

    private IndicatorRef indicator(RawRow raw, List<ImportError> errors) {
        String column = ValueFile.INDICATOR.header();
        if (raw.indicator() == null) {
            errors.add(ImportError.of(raw.row(), column, "indicator.required"));
            return null;
        }
        IndicatorRef indicator = indicators.get(raw.indicator());
        if (indicator == null) {
            errors.add(ImportError.of(raw.row(), column, "indicator.unknownInFile", "value",
                    Problems.quote(raw.indicator())));
        }
        return indicator;
    }
}
