package org.policytracker.catalogue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.policytracker.system.Bilingual;

/** The JSON shapes of the catalogue API (the README's endpoint table). */
public final class CatalogueViews {

    private CatalogueViews() {
    }

    @Schema(name = "Indicator", description = "A measured series; values are in its unit.")
    public record IndicatorView(
            @Schema(examples = "CO2_INTENSITY") String code,
            String nameZh,
            String nameEn,
            @Schema(description = "Unit of published levels; null for a milestone") String unit,
            String unitEn,
            Theme theme,
            ValueType valueType,
            @Schema(description = "Which way is better; null for a milestone") Direction favourableDirection,
            @Schema(description = "How a value reads with its unit, {value} standing for the number: "
                    + "\"{value} 亿千瓦\" / \"{value} × 100 million kW\"") Bilingual valuePattern,
            @Schema(description = "The first year a value was published; earlier periods are refused") Integer seriesStart,
            @Schema(description = "The decimals figures are published with; numbers are shown rounded to them") Integer precision,
            @Schema(description = "The form the statistic is published in; entry proposes it") ObservationForm publishedForm,
            @Schema(description = "The units a level may be entered in (its unit family, the indicator's unit "
                    + "first): a value in another is converted, one of another family refused", examples = "[\"万人\", \"人\", \"亿人\"]") List<String> units,
            @Schema(description = "The definitions the statistic has been published on, oldest first, each from its "
                    + "first period; empty when it has kept one. A value states its basis (the one in force for its "
                    + "period by default); values on two bases are never chained") List<SeriesBasis> bases,
            @Schema(description = "What a value measures over time: STOCK (a level at a point in time, e.g. "
                    + "installed capacity: a month's level can prove a target met early), FLOW (a sum over the period, "
                    + "e.g. trade: a year-to-date figure is part of the year's) or RATE (a rate, share or score); null "
                    + "for a milestone") Measure measure) {

        static IndicatorView of(Indicator i) {
            return new IndicatorView(i.code, i.nameZh, i.nameEn, i.unit, i.unitEn, i.theme, i.valueType,
                    i.favourableDirection, TargetWording.valuePattern(i), i.seriesStart, i.precision, i.publishedForm,
                    Units.family(i.unit), i.bases == null ? List.of() : i.bases, i.measure);
        }
    }

    @Schema(name = "Source", description = "Where a target comes from: the document, section and verbatim clause.")
    public record SourceView(
            @Schema(description = "Document code, as in GET /api/documents") String document,
            String documentTitleZh,
            String documentTitleEn,
            @Schema(description = "文号, when the document has one") String documentNumber,
            @Schema(description = "The section heading the quote sits under, verbatim") String section,
            @Schema(description = "The section heading in English") String sectionEn,
            @Schema(description = "The clause, verbatim from the source text") String quote,
            @Schema(description = "Provenance outside the quote, interpretation, or doubts, in English") String note,
            @Schema(description = "The same, in Chinese") String noteZh) {
    }

    @Schema(name = "Target", description = "A target with its baseline, deadline and provenance.")
    public record TargetView(
            @Schema(examples = "CARBON-2025-CO2-INTENSITY") String id,
            @Schema(description = "The target as the app and the reports word it: \"比2020年下降18%（2025年）\" / "
                    + "\"18% below 2020 by 2025\"") Bilingual wording,
            TargetKind kind,
            int targetYear,
            @Schema(description = "Exact deadline where the text gives one") LocalDate targetDate,
            @Schema(description = "In targetUnit: the indicator's unit, except signed percent for CHANGE_VS_BASE "
                    + "(-18 = 下降18%) and percent a year for AVERAGE_GROWTH") Double targetValue,
            @Schema(description = "The unit of targetValue and of the baseline value, in both languages: \"%（比2020年累计变化）\" / "
                    + "\"% change vs 2020\" for a change against a base year; null for a kind without a value") Bilingual targetUnit,
            @Schema(description = "For 左右 targets: the accepted distance from the target value") Double tolerance,
            @Schema(description = "For DIRECTION and RELATIVE targets") Direction direction,
            @Schema(description = "For CHANGE_VS_BASE and AVERAGE_GROWTH targets") Integer baseYear,
            Integer baselineYear,
            @Schema(description = "For CHANGE_VS_BASE: the signed cumulative percent change from baseYear") Double baselineValue,
            @Schema(description = "Where the baseline value comes from when not from the quote, in English") String baselineSource,
            @Schema(description = "The same, in Chinese") String baselineSourceZh,
            boolean baselineConfirmed,
            @Schema(description = "The series basis the baseline is on (the one in force in the baseline year, or "
                    + "the base year for a change); null when the indicator has one definition", examples = "INVENTORY") String baselineBasis,
            boolean targetValueConfirmed,
            @Schema(description = "BINDING (约束性), ANTICIPATORY (预期性), or null when the source does not say") Binding binding,
            List<String> agencies,
            @Schema(description = "Free trade zones a measure is limited to; empty = all") List<String> scope,
            IndicatorView indicator,
            @Schema(description = "For RELATIVE targets: the series compared with") IndicatorView relatedIndicator,
            @Schema(description = "The primary provenance (kept for compatibility: sources[0])") SourceView source,
            @Schema(description = "Every document that states this commitment, the primary first; a target stated in "
                    + "two documents is one target with two sources") List<SourceView> sources,
            @Schema(description = "For a milestone its indicator's values decide: PEAK (the highest annual level, "
                    + "confirmed by two later years below it); null otherwise") MilestoneRule decidedBy,
            @Schema(description = "For a direction target with qualitative wording (大幅下降, 稳中有增): how the "
                    + "catalogue reads it; null otherwise") WordReading reading) {

        public static TargetView of(Target t) {
            return new TargetView(t.code, TargetWording.of(t), t.kind, t.targetYear, t.targetDate, t.targetValue,
                    TargetWording.targetUnit(t),
                    t.tolerance,
                    t.direction, t.baseYear, t.baselineYear, t.baselineValue, t.baselineSource, t.baselineSourceZh,
                    t.baselineConfirmed,
                    CatalogueViews.baselineBasis(t), t.targetValueConfirmed, t.binding, t.agencies, t.scope,
                    IndicatorView.of(t.indicator),
                    t.relatedIndicator == null ? null : IndicatorView.of(t.relatedIndicator),
                    CatalogueViews.primary(t), CatalogueViews.sources(t),
                    t.decidedBy,
                    t.reading);
        }
    }

    @Schema(name = "TargetRevision", description = "A revision of the catalogue that changed a target or its indicator "
            + "(docs/SEED-FORMAT.md, \"Revisions\").")
    public record RevisionView(
            @Schema(description = "The catalogue revision") long revision,
            @Schema(description = "When it was recorded: a report with knownAt from then on uses it") OffsetDateTime recordedAt,
            @Schema(description = "Why, from the seed's changeNote") String changeNote,
            @Schema(description = "ADDED, CHANGED, RETIRED or RESTORED") String change,
            @Schema(description = "The fields that changed (indicator.… for the target's indicator); empty when added") List<FieldChange> changes) {
    }

    @Schema(name = "FieldChange", description = "A field of a catalogue entry that a revision changed: values as "
            + "JSON text, strings as they are; null when absent.")
    public record FieldChange(String field, String before, String after) {
    }

    /** A target's primary provenance: its document, section and quote. */
    static SourceView primary(Target t) {
        Document d = t.document;
        return new SourceView(d.code, d.titleZh, d.titleEn, d.number, t.section, t.sectionEn, t.quote, t.note,
                t.noteZh);
    }

    /** Every provenance of a target, the primary first. */
    public static List<SourceView> sources(Target t) {
        List<SourceView> all = new java.util.ArrayList<>();
        all.add(primary(t));
        if (t.alsoStatedIn != null) {
            all.addAll(t.alsoStatedIn);
        }
        return List.copyOf(all);
    }

    /** The basis of a target's baseline: in force in its base year for a change, else in its baseline year. */
    public static String baselineBasis(Target t) {
        Integer year = t.kind == TargetKind.CHANGE_VS_BASE && t.baseYear != null ? t.baseYear : t.baselineYear;
        SeriesBasis basis = year == null ? null : t.indicator.basisAt(year);
        return basis == null ? null : basis.code();
    }

    @Schema(name = "Document", description = "A source policy document.")
    public record DocumentView(String code, String titleZh, String titleEn, String number, String issuer,
            LocalDate issuedOn, @Schema(description = "Current targets taken from this document") long targetCount) {
    }

    /**
     * An indicator with its targets: the fields of {@link IndicatorView}, unwrapped, so that a field added
     * there is here too.
     */
    @Schema(name = "IndicatorDetail", description = "An indicator (the fields of Indicator) with the current "
            + "targets set on it.")
    public record IndicatorDetailView(@JsonUnwrapped IndicatorView indicator, List<TargetView> targets) {

        static IndicatorDetailView of(Indicator i, List<TargetView> targets) {
            return new IndicatorDetailView(IndicatorView.of(i), targets);
        }
    }
}
