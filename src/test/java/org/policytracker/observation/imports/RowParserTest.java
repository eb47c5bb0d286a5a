package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.ValueType;
import org.policytracker.observation.ObservationRules;
import org.policytracker.system.Lang;

/** A row's text to a value, refused with ObservationRules' words where the rules apply. No container. */
class RowParserTest {

    /** The day of these checks: 2026 has not ended. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private final RowParser parser = new RowParser(Map.of(
            "NON_FOSSIL_SHARE", ref(1, "NON_FOSSIL_SHARE", ValueType.SHARE, 1952, true, ObservationForm.LEVEL),
            "SERVICE_EXPORT_GROWTH", ref(2, "SERVICE_EXPORT_GROWTH", ValueType.RATE, 1982, true, ObservationForm.LEVEL),
            "CARBON_NEUTRALITY", ref(3, "CARBON_NEUTRALITY", ValueType.STATE, null, false, null),
            "CO2_INTENSITY", ref(4, "CO2_INTENSITY", ValueType.AMOUNT, 1990, false, ObservationForm.YOY_CHANGE_PCT),
            "IP_ROYALTIES_TRADE_TOTAL", ref(5, "IP_ROYALTIES_TRADE_TOTAL", ValueType.AMOUNT, 2020, false,
                    ObservationForm.LEVEL)));

    private static IndicatorRef ref(long id, String code, ValueType type, Integer start, boolean percent,
            ObservationForm published) {
        return new IndicatorRef(id, code, new ObservationRules.Context(type, start, percent, published, TODAY));
    }

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
    void shouldReadNumbersAsTheyWereTypedAndNeverMisreadThem() {
        // The slips of the issue: each is read as meant, or refused with a reason.
        assertEquals(-3.8, value("CO2_INTENSITY", "-3,8", "YOY_CHANGE_PCT"), "a decimal comma");
        assertEquals(-3.8, value("CO2_INTENSITY", "\u22123.8", "YOY_CHANGE_PCT"), "the minus sign U+2212");
        assertEquals(-3.8, value("CO2_INTENSITY", "－３．８", "YOY_CHANGE_PCT"), "full-width digits and signs");
        assertEquals(24.03, value("NON_FOSSIL_SHARE", "24.03%", null), "a percent sign on a share");
        assertEquals(3194.4, value("IP_ROYALTIES_TRADE_TOTAL", "3,194.4", null), "a thousands separator");
        assertEquals(3194.0, value("IP_ROYALTIES_TRADE_TOTAL", "3,194", null), "groups of three are thousands");
        assertEquals("value: '1.234,5' does not say which is the decimal point and which separates thousands; write "
                + "it as e.g. 1234.5", only(raw("IP_ROYALTIES_TRADE_TOTAL", "2024", "1.234,5", null)));
        assertEquals("value: '5%' has a % sign, but this indicator is not in percent; write the value in the "
                + "indicator's unit", only(raw("IP_ROYALTIES_TRADE_TOTAL", "2024", "5%", null)));
        assertEquals("value: 'abc' is not a number; write a number such as 19.8, without units",
                only(raw("NON_FOSSIL_SHARE", "2024", "abc", null)));
        assertEquals("value: must be a finite number (not NaN or infinity)", only(raw("NON_FOSSIL_SHARE", "2024",
                "NaN", null)));
    }

    @Test
    void shouldSayWhatTheRulesOfSingleEntrySay() {
        assertEquals("value: must be between 0 and 100: the indicator is a share in percent, was 120",
                only(raw("NON_FOSSIL_SHARE", "2024", "120", null)));
        assertEquals("form: must be LEVEL for this indicator: its values are rates already (5.1 for growth of 5.1 %)",
                only(raw("SERVICE_EXPORT_GROWTH", "2024", "5", "YOY_CHANGE_PCT")));
        assertEquals("period: 2026 has not ended yet, so it cannot have a value (today is 2026-12-01; the last year "
                + "that has ended is 2025)", only(raw("NON_FOSSIL_SHARE", "2026", "10", null)));
        assertEquals("period: 2019 is before the statistic was first published (2020), so it cannot have a value",
                only(raw("IP_ROYALTIES_TRADE_TOTAL", "2019", "10", null)));
        assertEquals("indicator: is a milestone's indicator and takes no values; set the milestone's state on its "
                + "target instead", only(raw("CARBON_NEUTRALITY", "2024", "1", null)));
    }

    @Test
    void shouldRefuseUnknownIndicatorsAndFormsAndNameTheValue() {
        assertEquals("indicator: 'NOPE' is not a known indicator code (the template's sheet Indicators lists them)",
                only(raw("NOPE", "2024", "1", null)));
        assertEquals("form: 'PERCENT' is not allowed; use one of: LEVEL, YOY_CHANGE_PCT, INDEX",
                only(raw("NON_FOSSIL_SHARE", "2024", "1", "PERCENT")));
        List<ImportError> errors = new ArrayList<>();
        parser.parse(raw("NON_FOSSIL_SHARE", "2024", "120", null), errors);
        assertEquals(List.of("NON_FOSSIL_SHARE", "2024"), List.of(errors.get(0).indicator(), errors.get(0).period()),
                "an error names the row's indicator and period");
        assertEquals("值须在 0 到 100 之间：该指标为百分比，现为 120".replace("值须", "须"), errors.get(0).message().in(Lang.ZH),
                "and reads in Chinese too");
    }

    @Test
    void shouldReportEveryProblemOfARowInTheOrderOfTheColumns() {
        List<ImportError> errors = new ArrayList<>();
        assertNull(parser.parse(raw("NON_FOSSIL_SHARE", "24", "x", "y"), errors));
        assertEquals(List.of("period", "value", "form"), errors.stream().map(ImportError::column).toList());
    }

    private Double value(String indicator, String typed, String form) {
        List<ImportError> errors = new ArrayList<>();
        ParsedRow row = parser.parse(raw(indicator, "2024", typed, form), errors);
        assertEquals(List.of(), errors.stream().map(e -> e.message().in(Lang.EN)).toList(), typed);
        return row.figure().value();
    }

    private String only(RawRow raw) {
        List<ImportError> errors = new ArrayList<>();
        assertNull(parser.parse(raw, errors));
        assertEquals(1, errors.size(), errors.stream().map(e -> e.message().in(Lang.EN)).toList().toString());
        assertEquals(7, errors.get(0).row());
        return errors.get(0).column() + ": " + errors.get(0).message().in(Lang.EN);
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
