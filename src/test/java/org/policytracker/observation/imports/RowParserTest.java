package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policytracker.catalogue.ValueType;
import org.policytracker.observation.ObservationForm;

/** A row's text to a value, refused with ObservationRules' words where the rules apply. No container. */
class RowParserTest {

    private final RowParser parser = new RowParser(Map.of(
            "NON_FOSSIL_SHARE", new IndicatorRef(1, "NON_FOSSIL_SHARE", ValueType.SHARE),
            "SERVICE_EXPORT_GROWTH", new IndicatorRef(2, "SERVICE_EXPORT_GROWTH", ValueType.RATE),
            "CARBON_NEUTRALITY", new IndicatorRef(3, "CARBON_NEUTRALITY", ValueType.STATE)));

    @Test
    void shouldAcceptADecimalStringWithLevelAsTheDefaultForm() {
        List<ImportError> errors = new ArrayList<>();
        ParsedRow row = parser.parse(raw("NON_FOSSIL_SHARE", "2024", "19.8", null), errors);
        assertEquals(List.of(), errors);
        assertEquals(19.8, row.figure().value());
        assertEquals(ObservationForm.LEVEL, row.figure().form());
        assertEquals("2024", row.period().iso());
        assertEquals(7, row.row());
        assertEquals(-3.4,
                parser.parse(raw("SERVICE_EXPORT_GROWTH", "2024", "-3.4", "level"), errors).figure().value());
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldRefuseTextsThatAreNotFiniteNumbersWithAReason() {
        assertEquals("value: 'abc' is not a number; write a decimal number such as 19.8, without units or thousands"
                + " separators", only(raw("NON_FOSSIL_SHARE", "2024", "abc", null)));
        assertEquals("value: '1,234.5' is not a number; write a decimal number such as 19.8, without units or "
                + "thousands separators", only(raw("NON_FOSSIL_SHARE", "2024", "1,234.5", null)));
        assertEquals("value: must be a finite number (not NaN or infinity)", only(raw("NON_FOSSIL_SHARE", "2024",
                "NaN", null)));
        assertEquals("value: must be a finite number (not NaN or infinity)", only(raw("NON_FOSSIL_SHARE", "2024",
                "-Infinity", null)));
    }

    @Test
    void shouldSayWhatTheRulesOfSingleEntrySay() {
        assertEquals("value: must be between 0 and 100: the indicator is a share in percent, was 120.0",
                only(raw("NON_FOSSIL_SHARE", "2024", "120", null)));
        assertEquals("form: must be LEVEL for this indicator: its values are rates already (e.g. 5.1 for growth of "
                + "5.1 %)", only(raw("SERVICE_EXPORT_GROWTH", "2024", "5", "YOY_CHANGE_PCT")));
        assertEquals("period: must be a year from 1990 to 2100, was 1989", only(raw("NON_FOSSIL_SHARE", "1989",
                "10", null)));
        assertEquals("indicator: is a milestone's indicator and takes no values; set the milestone's state with PUT "
                + "/api/targets/{id}/milestone", only(raw("CARBON_NEUTRALITY", "2024", "1", null)));
    }

    @Test
    void shouldRefuseUnknownIndicatorsAndForms() {
        assertEquals("indicator: 'NOPE' is not a known indicator code (the template's sheet Indicators lists them)",
                only(raw("NOPE", "2024", "1", null)));
        assertEquals("form: 'PERCENT' is not allowed; use one of: LEVEL, YOY_CHANGE_PCT, INDEX (blank means LEVEL)",
                only(raw("NON_FOSSIL_SHARE", "2024", "1", "PERCENT")));
    }

    @Test
    void shouldReportEveryProblemOfARow() {
        List<ImportError> errors = new ArrayList<>();
        assertNull(parser.parse(raw("NON_FOSSIL_SHARE", "24", "x", "y"), errors));
        assertEquals(List.of("period", "value", "form"), errors.stream().map(ImportError::column).toList());
    }

    private String only(RawRow raw) {
        List<ImportError> errors = new ArrayList<>();
        assertNull(parser.parse(raw, errors));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(7, errors.get(0).row());
        return errors.get(0).column() + ": " + errors.get(0).message();
    }

    private static RawRow raw(String indicator, String period, String value, String form) {
        Map<String, String> figure = new HashMap<>();
        figure.put("value", value);
        if (form != null) {
            figure.put("form", form);
        }
        return new RawRow(7, indicator, period, figure);
    }
}
