package org.policytracker.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.ValueType;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Lang;

/**
 * Units and plausibility of entered values, as ObservationRules decides them for single entry and import
 * alike (docs/ASSESSMENT.md, "Units" and "Implausible values"). No container.
 */
class PlausibilityRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final ObservationRules.Plausibility LIMITS = new ObservationRules.Plausibility(10, 100);

    /** Patent agents: 万人, catalogue baseline 2020 = 2.3 (illustrative). */
    static final ObservationRules.Context AGENTS = new ObservationRules.Context(ValueType.AMOUNT, 2000, false,
            ObservationForm.LEVEL, TODAY, "万人",
            List.of(ObservationRules.Reference.of(ObservationRules.Reference.Kind.BASELINE, 2020, 2.3)));

    /** Service trade: 亿美元, baseline 2020 = 6617. */
    static final ObservationRules.Context TRADE = new ObservationRules.Context(ValueType.AMOUNT, 1982, false,
            ObservationForm.LEVEL, TODAY, "亿美元",
            List.of(ObservationRules.Reference.of(ObservationRules.Reference.Kind.BASELINE, 2020, 6617)));

    static Figure figure(double value, String unit, boolean confirm) {
        return new Figure(value, ObservationForm.LEVEL, Qualifier.EXACT, null, false, unit, null, confirm, null, null,
                null,
                null);
    }

    static Figure inUnit(ObservationRules.Context context, Figure figure, List<FieldMessage> errors) {
        return ObservationRules.inUnit(context, figure, errors);
    }

    @ParameterizedTest(name = "{0} {1} is stored as {2} 万人")
    @CsvSource({
            "31000, 人, 3.1",
            "3.1, 万人, 3.1",
            "0.00031, 亿人, 3.1"})
    void shouldConvertAValueEnteredInAUnitOfTheFamily(double entered, String unit, double stored) {
        List<FieldMessage> errors = new ArrayList<>();
        Figure converted = inUnit(AGENTS, figure(entered, unit, false), errors);
        assertEquals(List.of(), errors);
        assertEquals(stored, converted.value(), 1e-9);
        boolean own = unit.equals("万人");
        assertEquals(own ? null : unit, converted.unit(), "the indicator's own unit is no unit");
        assertEquals(own ? null : entered, converted.enteredValue(), "the number as entered is kept");
        assertEquals(own ? stored : entered, (double) converted.fields().get(0), 1e-12,
                "a file holds the number as entered, next to its unit");
    }

    @Test
    void shouldRefuseAUnitOfAnotherFamilyNamingTheUnitsAllowed() {
        List<FieldMessage> errors = new ArrayList<>();
        inUnit(TRADE, figure(45000, "亿元", false), errors);
        assertEquals(1, errors.size());
        assertEquals("unit", errors.get(0).field());
        assertEquals("亿元 cannot be converted to this indicator's unit (亿美元); use one of: 亿美元, 美元, 万美元, 万亿美元",
                errors.get(0).message().in(Lang.EN));
    }

    @Test
    void shouldRefuseAUnitOnAValueThatIsNotALevel() {
        List<FieldMessage> errors = new ArrayList<>();
        ObservationRules.inUnit(AGENTS,
                new Figure(5.0, ObservationForm.YOY_CHANGE_PCT, null, null, false, "人", null, false, null,
                        null, null, null),
                errors);
        assertEquals("unit", errors.get(0).field());
    }

    /** value entered (in 万人 unless a unit is given), the stored levels, and whether it is implausible. */
    @ParameterizedTest(name = "{0}: {1} {2} against [{3}]")
    @CsvSource(delimiter = ';', value = {
            "a count in persons against the baseline; 2021; 31000; ; ; value.implausibleUnit",
            "the same number with its unit; 2021; 31000; 人; ; ",
            "a plausible first value; 2021; 2.6; ; ; ",
            "ten times the baseline; 2021; 23; ; ; value.implausible",
            "a tenth of the baseline; 2021; 0.23; ; ; value.implausible",
            "a yearly rise beyond 100 %; 2021; 4.7; ; ; value.implausible",
            "the same level, four years on, is 12 % a year; 2024; 3.6; ; ; ",
            "the previous value is the reference, not the baseline; 2025; 6.5; ; 2024=6.0; ",
            "against a previous value typed in persons; 2025; 6.5; ; 2024=60000; value.implausibleUnit",
            "before every reference: the earliest after; 2019; 2.1; ; ; "})
    void shouldJudgeALevelAgainstTheNearestReference(String name, int year, double value, String unit, String stored,
            String expected) {
        List<ObservationRules.Reference> levels = new ArrayList<>();
        if (stored != null) {
            String[] s = stored.split("=");
            levels.add(ObservationRules.Reference.stored(Period.ofYear(Integer.parseInt(s[0])),
                    Double.parseDouble(s[1])));
        }
        Figure figure = inUnit(AGENTS, figure(value, unit, false), new ArrayList<>());
        Optional<FieldMessage> problem = ObservationRules.implausible(AGENTS, Period.ofYear(year), figure, levels,
                LIMITS);
        assertEquals(Optional.ofNullable(expected), problem.map(p -> p.message().code()), name);
        problem.ifPresent(p -> assertEquals("value", p.field()));
    }

    @Test
    void shouldSayWhyAndSuggestTheLikelyUnit() {
        FieldMessage problem = ObservationRules.implausible(AGENTS, Period.ofYear(2021), figure(31000, null, false),
                List.of(), LIMITS).orElseThrow();
        assertEquals("31,000 万人 differs from the catalogue baseline for 2020 (2.3 万人) by a factor of 13,478 (larger): "
                + "did you mean 31,000 人? If the figure is right as it is, confirm it (confirm: true) and save again",
                problem.message().in(Lang.EN));
        assertTrue(problem.message().in(Lang.ZH).contains("是否应为 31,000人"), problem.message().in(Lang.ZH));
    }

    @Test
    void shouldTakeAConfirmedValueAndNeverJudgeARate() {
        assertEquals(Optional.empty(), ObservationRules.implausible(AGENTS, Period.ofYear(2021),
                figure(31000, null, true), List.of(), LIMITS), "confirmed");
        ObservationRules.Context rate = new ObservationRules.Context(ValueType.RATE, 1982, true,
                ObservationForm.LEVEL, TODAY, "%",
                List.of(ObservationRules.Reference.of(ObservationRules.Reference.Kind.BASELINE, 2020, 0.5)));
        assertEquals(Optional.empty(), ObservationRules.implausible(rate, Period.ofYear(2021),
                figure(12, null, false), List.of(), LIMITS), "a growth rate may move from 0.5 to 12");
        ObservationRules.Context none = new ObservationRules.Context(ValueType.AMOUNT, 1982, false,
                ObservationForm.LEVEL, TODAY, "万人", List.of());
        assertEquals(Optional.empty(), ObservationRules.implausible(none, Period.ofYear(2021),
                figure(31000, null, false), List.of(), LIMITS), "nothing to compare with");
    }

    @Test
    void shouldFallBackOnTheTargetLevelWhenThereIsNoBaselineNorValue() {
        // Licensed patent attorneys: 达到4万人 by 2025, no baseline in the text (the example).
        ObservationRules.Context attorneys = new ObservationRules.Context(ValueType.AMOUNT, 2000, false,
                ObservationForm.LEVEL, TODAY, "万人",
                List.of(ObservationRules.Reference.of(ObservationRules.Reference.Kind.TARGET, 2025, 4)));
        FieldMessage problem = ObservationRules.implausible(attorneys, Period.ofYear(2021),
                figure(31000, null, false), List.of(), LIMITS).orElseThrow();
        assertEquals("value.implausibleUnit", problem.message().code());
        assertTrue(problem.message().in(Lang.EN).contains("the target for 2025 (4 万人)"), problem.message().in(Lang.EN));
        assertEquals(Optional.empty(), ObservationRules.implausible(attorneys, Period.ofYear(2021),
                figure(2.1, null, false), List.of(), LIMITS), "half the target four years early is plausible");
    }

    @Test
    void shouldNotCompareAValueWithItsOwnPeriod() {
        List<ObservationRules.Reference> levels = List
                .of(ObservationRules.Reference.stored(Period.ofYear(2021), 31000));
        assertEquals(Optional.empty(), ObservationRules.implausible(AGENTS, Period.ofYear(2021),
                figure(2.6, null, false), levels, LIMITS), "a correction of 2021 is judged against 2020, not 2021");
    }
}
