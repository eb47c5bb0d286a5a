package org.policytracker.observation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.Measure;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.SeriesBasis;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.Units;
import org.policytracker.catalogue.ValueType;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Message;
import org.policytracker.system.Numbers;
import org.policytracker.system.Problems;
import org.policytracker.system.TrackerConfig;

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
     * @param unit          the indicator's unit; null when it has none
     * @param catalogue     the catalogue's levels of the indicator (its targets' baselines and target
     *                      levels), for the plausibility rule
     * @param bases         the series bases the statistic has been published on; empty with one definition
     * @param measure       STOCK, FLOW or RATE (what a month or a quarter says); null when not known
     */
    public record Context(ValueType valueType, Integer seriesStart, boolean percentUnit,
            ObservationForm publishedForm, LocalDate today, String unit, List<Reference> catalogue,
            List<SeriesBasis> bases, Measure measure) {

        public Context {
            catalogue = List.copyOf(catalogue);
            bases = bases == null ? List.of() : List.copyOf(bases);
        }

        /** A context that does not say what the indicator measures over time. */
        public Context(ValueType valueType, Integer seriesStart, boolean percentUnit, ObservationForm publishedForm,
                LocalDate today, String unit, List<Reference> catalogue, List<SeriesBasis> bases) {
            this(valueType, seriesStart, percentUnit, publishedForm, today, unit, catalogue, bases, null);
        }

        /** A context of an indicator with one definition (no series bases). */
        public Context(ValueType valueType, Integer seriesStart, boolean percentUnit, ObservationForm publishedForm,
                LocalDate today, String unit, List<Reference> catalogue) {
            this(valueType, seriesStart, percentUnit, publishedForm, today, unit, catalogue, List.of());
        }

        /** A context with no unit and no baselines, as the period and range rules alone need. */
        public Context(ValueType valueType, Integer seriesStart, boolean percentUnit, ObservationForm publishedForm,
                LocalDate today) {
            this(valueType, seriesStart, percentUnit, publishedForm, today, null, List.of(), List.of());
        }

        /** What the catalogue says of the indicator (one query for its targets' baselines and levels). */
        public static Context of(Indicator indicator, LocalDate today) {
            return of(indicator, Target.<Target>list("indicator = ?1 and retired = false", indicator), today);
        }

        /**
         * The context of every current indicator, from one query of the current targets (an import or a
         * template meets thousands of indicators: one query each, each flushing the session, grew with the
         * square of the catalogue), by indicator id.
         */
        public static Map<Long, Context> ofCurrent(LocalDate today) {
            Map<Long, List<Target>> targets = Target.<Target>list("retired = false").stream()
                    .collect(Collectors.groupingBy(t -> t.indicator.id));
            Map<Long, Context> contexts = new HashMap<>();
            for (Indicator indicator : Indicator.listCurrent()) {
                contexts.put(indicator.id, of(indicator, targets.getOrDefault(indicator.id, List.of()), today));
            }
            return contexts;
        }

        private static Context of(Indicator indicator, List<Target> targets, LocalDate today) {
            List<Reference> references = new ArrayList<>();
            for (Target t : targets) {
                if (t.kind.baselineIsLevel() && t.baselineYear != null && t.baselineValue != null) {
                    references.add(Reference.of(Reference.Kind.BASELINE, t.baselineYear, t.baselineValue));
                }
                if (t.kind.targetIsLevel() && t.targetValue != null) {
                    references.add(Reference.of(Reference.Kind.TARGET, t.targetYear, t.targetValue));
                }
            }
            return new Context(indicator.valueType, indicator.seriesStart, "%".equals(indicator.unit),
                    indicator.publishedForm, today, indicator.unit, references.stream().distinct().toList(),
                    indicator.bases, indicator.measure);
        }

        /** The units a value may be entered in ({@link Units#family}). */
        public List<String> units() {
            return Units.family(unit);
        }
    }

    /**
     * A level the plausibility rule compares a new value with: a stored value of another period, a baseline
     * of the catalogue, or (when there is neither) a target level of the catalogue.
     *
     * @param kind   where the level comes from
     * @param period the period, as shown ("2020")
     * @param end    the last day of the period
     * @param value  the level, in the indicator's unit
     */
    public record Reference(Kind kind, String period, LocalDate end, double value) {

        /** Where a reference level comes from; the vocabulary words it as {@code plausibility.<kind>}. */
        public enum Kind {
            STORED,
            BASELINE,
            TARGET
        }

        public static Reference of(Kind kind, int year, double value) {
            Period p = Period.ofYear(year);
            return new Reference(kind, p.iso(), p.end(), value);
        }

        /** A stored level of a period. */
        public static Reference stored(Period period, double value) {
            return new Reference(Kind.STORED, period.iso(), period.end(), value);
        }
    }

    /**
     * The limits of the plausibility rule (tracker.values.implausible-*).
     *
     * @param ratio            a value this many times the reference, or this fraction of it, is implausible
     * @param yearlyChangePct  a value implying a larger yearly rise in percent (or the matching fall) is too
     */
    public record Plausibility(double ratio, double yearlyChangePct) {

        public static Plausibility of(TrackerConfig.Values config) {
            return new Plausibility(config.implausibleRatio(), config.implausibleYearlyChange());
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
        checkYearToDate(indicator, Period.parse(period).orElse(null), figure, errors);
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
     * The figure as it is stored: in the indicator's unit ({@link #inUnit}) and on a series basis
     * ({@link #onBasis}). Applied after {@link #readValue}, by the entry and the import alike.
     */
    public static Figure normalised(Context indicator, String period, Figure figure, List<FieldMessage> errors) {
        return onBasis(indicator, period, inUnit(indicator, figure, errors), errors);
    }

    /**
     * The figure on its series basis: a basis given must be one of the indicator's (else an error naming
     * {@code basis} and the codes allowed; an indicator with one definition takes none); none given is the
     * basis in force for the period, so that every stored value says which definition it is on.
     */
    public static Figure onBasis(Context indicator, String period, Figure figure, List<FieldMessage> errors) {
        String code = figure.basis();
        if (indicator.bases().isEmpty()) {
            if (code != null) {
                errors.add(FieldMessage.of("basis", "basis.none", "basis", Problems.quote(code)));
            }
            return figure;
        }
        if (code != null) {
            if (SeriesBasis.of(indicator.bases(), code) == null) {
                errors.add(FieldMessage.of("basis", "basis.unknown", "basis", Problems.quote(code), "allowed",
                        indicator.bases().stream().map(SeriesBasis::code).collect(Collectors.joining(", "))));
            }
            return figure;
        }
        Optional<Period> parsed = Period.parse(period);
        return parsed.isEmpty() ? figure
                : figure.onBasis(SeriesBasis.inForce(indicator.bases(), parsed.get().year()).code());
    }

    /**
     * The figure in the indicator's unit: a value entered in another unit of its family
     * ({@link Units#family}) is converted, keeping the number and unit as entered; a unit that is the
     * indicator's own is no unit; a unit of another family, or a unit on a value that is not a level, is an
     * error naming {@code unit} and the units allowed. Applied after {@link #readValue}.
     */
    public static Figure inUnit(Context indicator, Figure figure, List<FieldMessage> errors) {
        String unit = figure.unit();
        if (unit == null || unit.equals(indicator.unit())) {
            return figure.inIndicatorUnit();
        }
        if (figure.form() != ObservationForm.LEVEL) {
            errors.add(FieldMessage.of("unit", "unit.notLevel", "unit", Problems.quote(unit), "form",
                    new Message.Word("form." + figure.form())));
            return figure;
        }
        Optional<Double> factor = Units.factor(unit, indicator.unit());
        if (factor.isEmpty()) {
            List<String> allowed = indicator.units();
            errors.add(allowed.isEmpty()
                    ? FieldMessage.of("unit", "unit.none", "unit", Problems.quote(unit))
                    : FieldMessage.of("unit", "unit.otherFamily", "unit", Problems.quote(unit), "indicatorUnit",
                            indicator.unit(), "allowed", String.join(", ", allowed)));
            return figure;
        }
        Double entered = figure.value();
        return figure.converted(entered == null ? null : entered * factor.get(), entered);
    }

    /**
     * Whether a level is implausible against the reference nearest its period (the latest stored value or
     * baseline before it, else the earliest after it): {@code limits.ratio()} times it or more, that fraction
     * of it or less, or a yearly change beyond {@code limits.yearlyChangePct()} (compounded over the years
     * between). Such a value is a likely unit mistake (31000 人 typed as 万人); the problem names
     * {@code value}, says why, and suggests a unit of the family that would make it plausible. Empty when it
     * is plausible, confirmed, not an entered level, or there is nothing to compare it with; a rate (which
     * may be negative or zero) is never judged.
     */
    public static Optional<FieldMessage> implausible(Context indicator, Period period, Figure figure,
            List<Reference> stored, Plausibility limits) {
        Double value = figure.value();
        if (figure.confirm() || figure.form() != ObservationForm.LEVEL || value == null || value <= 0
                || indicator.valueType() == ValueType.RATE || indicator.valueType() == ValueType.STATE
                || flowPart(indicator, period.iso())) {
            // A month's or a quarter's flow is a part of the year's: of another order than a year's level.
            return Optional.empty();
        }
        List<Reference> levels = new ArrayList<>();
        indicator.catalogue().stream().filter(r -> r.kind() == Reference.Kind.BASELINE).forEach(levels::add);
        stored.stream().filter(r -> !r.period().equals(period.iso()) && !flowPart(indicator, r.period()))
                .forEach(levels::add);
        Optional<Reference> nearest = nearest(levels, period);
        if (nearest.isEmpty()) {
            // No level to follow on from: the target's level at least says the order of magnitude.
            nearest = nearest(indicator.catalogue().stream().filter(r -> r.kind() == Reference.Kind.TARGET).toList(),
                    period);
        }
        if (nearest.isEmpty() || nearest.get().value() <= 0) {
            return Optional.empty();
        }
        Reference reference = nearest.get();
        boolean implausible = indicator.valueType() == ValueType.SHARE
                // A share moves within 0–100 and may rise tenfold from a low start (coverage 1 % → 12 %): only
                // the slip of a fraction typed for a percent (0.2403 for 24.03 %) is judged.
                ? value <= 1 && reference.value() >= limits.ratio()
                : isImplausible(value, reference, period, limits);
        if (!implausible) {
            return Optional.empty();
        }
        double ratio = value / reference.value();
        Object[] pairs = {"value", Numbers.format(figure.unit() == null ? value : figure.enteredValue()), "unit",
                figure.unit() == null ? nullToEmpty(indicator.unit()) : figure.unit(), "period", reference.period(),
                "reference", Numbers.format(reference.value()), "indicatorUnit", nullToEmpty(indicator.unit()),
                "ratio", factorText(ratio >= 1 ? ratio : 1 / ratio), "direction",
                new Message.Word(ratio >= 1 ? "plausibility.larger" : "plausibility.smaller"),
                "what", new Message.Word("plausibility." + reference.kind().name().toLowerCase(Locale.ROOT))};
        Optional<String> likely = likelyUnit(indicator, period, figure, reference, limits);
        if (likely.isPresent()) {
            return Optional.of(FieldMessage.of("value", "value.implausibleUnit", append(pairs, "likely",
                    likely.get())));
        }
        return Optional.of(FieldMessage.of("value", "value.implausible", pairs));
    }

    /** Whether the period is a month or a quarter of a flow (a sum over part of a year). */
    private static boolean flowPart(Context indicator, String period) {
        return indicator.measure() == Measure.FLOW && Period.parse(period).map(Period::isSubAnnual).orElse(false);
    }

    /** The ratio rule; and, against a level of another period, not a target, the yearly-change rule. */
    private static boolean isImplausible(double value, Reference reference, Period period, Plausibility limits) {
        double ratio = value / reference.value();
        if (ratio >= limits.ratio() || ratio <= 1 / limits.ratio()) {
            return true;
        }
        if (reference.kind() == Reference.Kind.TARGET) {
            return false;
        }
        double years = Math.max(1, Math.abs(period.end().getYear() - reference.end().getYear()));
        double yearly = Math.pow(Math.max(ratio, 1 / ratio), 1 / years);
        return yearly > 1 + limits.yearlyChangePct() / 100;
    }

    /** The unit of the family, other than the one used, in which the number as entered would be plausible. */
    private static Optional<String> likelyUnit(Context indicator, Period period, Figure figure, Reference reference,
            Plausibility limits) {
        double entered = figure.unit() == null ? figure.value() : figure.enteredValue();
        String used = figure.unit() == null ? indicator.unit() : figure.unit();
        if (indicator.valueType() == ValueType.SHARE) {
            return Optional.empty();
        }
        return indicator.units().stream().filter(u -> !u.equals(used))
                .filter(u -> !isImplausible(entered * Units.factor(u, indicator.unit()).orElseThrow(), reference,
                        period, limits))
                .findFirst();
    }

    private static Optional<Reference> nearest(List<Reference> references, Period period) {
        Optional<Reference> before = references.stream().filter(r -> r.end().isBefore(period.end()))
                .max(Comparator.comparing(Reference::end));
        return before.isPresent() ? before
                : references.stream().filter(r -> r.end().isAfter(period.end()))
                        .min(Comparator.comparing(Reference::end));
    }

    /** A factor as people say it: whole above 10 (15500), one decimal below (6.4). */
    private static String factorText(double factor) {
        return factor >= 10 ? Numbers.format((double) Math.round(factor))
                : Numbers.format(Math.round(factor * 10) / 10.0);
    }

    private static Object[] append(Object[] pairs, Object... more) {
        Object[] all = Arrays.copyOf(pairs, pairs.length + more.length);
        System.arraycopy(more, 0, all, pairs.length, more.length);
        return all;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
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
        } else if (p.end().isAfter(indicator.today()) || p.end().isEqual(indicator.today())) {
            errors.add(p.isSubAnnual()
                    ? FieldMessage.of("period", "period.partNotEnded", "value", p.iso(), "today", indicator.today())
                    : FieldMessage.of("period", "period.notEnded", "value", period, "today", indicator.today(),
                            "last", last));
        } else if (indicator.seriesStart() != null && p.year() < indicator.seriesStart()) {
            errors.add(FieldMessage.of("period", "period.beforeSeries", "value", period, "start",
                    indicator.seriesStart()));
        }
    }

    /**
     * {@code ytd} (a year-to-date sum: 1–11月累计) is for a month or a quarter, and not for a stock, whose
     * value is the level at the period's end whatever came before.
     */
    private static void checkYearToDate(Context indicator, Period period, Figure figure, List<FieldMessage> errors) {
        if (!figure.ytd() || period == null) {
            return;
        }
        if (!period.isSubAnnual()) {
            errors.add(FieldMessage.of("ytd", "ytd.year", "period", period.iso()));
        } else if (indicator.measure() == Measure.STOCK) {
            errors.add(FieldMessage.of("ytd", "ytd.stock"));
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
