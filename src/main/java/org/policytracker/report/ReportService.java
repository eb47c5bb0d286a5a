package org.policytracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.policytracker.assessment.Assessment;
import org.policytracker.assessment.Assessment.PeriodValue;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.assessment.AssessmentService;
import org.policytracker.assessment.AssessmentService.TargetAssessment;
import org.policytracker.assessment.JudgementFilter;
import org.policytracker.assessment.Status;
import org.policytracker.catalogue.CatalogueHistory;
import org.policytracker.catalogue.Document;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.TargetWording;
import org.policytracker.catalogue.Theme;
import org.policytracker.observation.Figure;
import org.policytracker.observation.ObservationVintage;
import org.policytracker.observation.Period;
import org.policytracker.observation.SampleDataset;
import org.policytracker.report.StatusReport.ObservationRow;
import org.policytracker.report.StatusReport.Row;
import org.policytracker.report.StatusReport.Section;
import org.policytracker.report.chart.ChartData;
import org.policytracker.system.Lang;
import org.policytracker.system.Numbers;
import org.policytracker.system.Snapshot;
import org.policytracker.system.TrackerConfig;

/**
 * Builds a status report once, from the assessments and the catalogue, for every format to write: the
 * counts per status, one section per theme, one row per target with everything a reader needs, the
 * data of a small chart per target, and the values the assessments used. It reads what its {@link Snapshot}
 * knows, so a report made later with the same snapshot has the same content.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    /** How far back a chart's path goes, in years before the as-of date. */
    static final int MAX_HISTORY_YEARS = 12;

    /**
     * What to report on.
     *
     * @param snapshot    the values the report is made from: as of a date, as known at a time
     * @param document    a document code, or null for all
     * @param theme       a theme, or null for all
     * @param statuses    the statuses to include; empty for all
     * @param lang        the language of the words
     * @param targets     ids of the targets to include (the web app's current selection); empty means all
     * @param omitNoData  leave out the targets without data (they are counted, and the report says how many)
     * @param generatedBy who asks
     * @param vocabulary  the words of the verdicts: the app's, or the planning commission's
     * @param judgement   the targets to include by the analyst's judgement; null for all
     */
    public record Request(Snapshot snapshot, Document document, Theme theme,
            Set<Status> statuses, Set<String> targets, boolean omitNoData, Lang lang, String generatedBy,
            ReportVocabulary vocabulary, JudgementFilter judgement) {

        /** A report in the app's own words, whatever the analysts judged. */
        public Request(Snapshot snapshot, Document document, Theme theme, Set<Status> statuses, Set<String> targets,
                boolean omitNoData, Lang lang, String generatedBy) {
            this(snapshot, document, theme, statuses, targets, omitNoData, lang, generatedBy,
                    ReportVocabulary.STANDARD, null);
        }
    }

    private final AssessmentService assessments;
    private final TrackerConfig.AssessmentSettings thresholds;

    private final CatalogueHistory catalogue;

    ReportService(AssessmentService assessments, TrackerConfig config, CatalogueHistory catalogue) {
        this.assessments = assessments;
        this.catalogue = catalogue;
        this.thresholds = config.assessment();
    }

    public StatusReport build(Request request) {
        OffsetDateTime generatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Snapshot snapshot = request.snapshot();
        ReportText text = ReportText.of(request.lang(), request.vocabulary());

        List<Target> targets = catalogue.targets(snapshot, request.document() == null ? null : request.document().code,
                request.theme(), null).stream()
                .filter(t -> request.targets().isEmpty() || request.targets().contains(t.code)).toList();
        List<TargetAssessment> assessed = assessments.assess(targets, snapshot).stream()
                .filter(a -> request.statuses().isEmpty() || request.statuses().contains(a.assessment().status()))
                .filter(a -> JudgementFilter.keeps(request.judgement(), a))
                .toList();
        int omitted = request.omitNoData()
                ? (int) assessed.stream().filter(a -> a.assessment().status() == Status.NO_DATA).count()
                : 0;
        Map<Status, Integer> allCounts = counts(assessed.stream().map(a -> a.assessment().status()).toList());
        if (request.omitNoData()) {
            assessed = assessed.stream().filter(a -> a.assessment().status() != Status.NO_DATA).toList();
        }
        Map<String, NavigableMap<Integer, Double>> paths = paths(assessed, snapshot);

        Map<Theme, List<Row>> byTheme = new EnumMap<>(Theme.class);
        for (TargetAssessment a : assessed) {
            byTheme.computeIfAbsent(a.target().indicator.theme, t -> new ArrayList<>())
                    .add(row(a, paths.getOrDefault(a.target().code, new TreeMap<>()), text, snapshot));
        }
        List<Section> sections = new ArrayList<>();
        byTheme.forEach((theme, rows) -> {
            Map<Status, Integer> counts = counts(rows.stream().map(Row::status).toList());
            sections.add(
                    new Section(theme, text.themeLabel(theme), counts, text.countsSentence(counts), List.copyOf(rows)));
        });

        List<String> filters = new ArrayList<>();
        if (request.document() != null) {
            filters.add(text.filterDocument(request.document().code, text.documentTitle(request.document())));
        }
        if (request.theme() != null) {
            filters.add(text.filterTheme(request.theme()));
        }
        if (!request.statuses().isEmpty()) {
            filters.add(text.filterStatuses(request.statuses().stream().sorted().toList()));
        }
        if (request.judgement() != null) {
            filters.add(text.filterJudgement(request.judgement()));
        }
        if (!request.targets().isEmpty()) {
            filters.add(text.filterTargets(request.targets().size()));
        }
        if (omitted > 0) {
            filters.add(text.omittedNoData(omitted));
        }
        if (request.vocabulary() == ReportVocabulary.OFFICIAL) {
            filters.add(text.officialVocabularyNote());
        }
        return new StatusReport(request.lang(), text, text.title(), snapshot.asOf(),
                snapshot.knownAtGiven() ? snapshot.knownAt() : null, generatedAt,
                request.generatedBy(), List.copyOf(filters), allCounts,
                List.copyOf(sections), observations(assessed, snapshot, text),
                text.methodNote(thresholds.onTrack(), thresholds.atRisk()),
                SampleDataset.current().isPresent() ? text.word("report.sample") : null);
    }

    private static Map<Status, Integer> counts(List<Status> statuses) {
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    // ------------------------------------------------------------------ the path of each target

    /**
     * One target's chart as a report draws it (the same {@link #paths} and {@link #chart} code), with the assessment
     * it was drawn from: for the web app's target page, which gets its whole chart from one request.
     *
     * @return the chart, or null when the report draws none for the target (a milestone, nothing on a scale)
     */
    public TargetChart chart(Target target, Snapshot snapshot) {
        TargetAssessment assessed = assessments.assess(List.of(target), snapshot).get(0);
        Assessment a = assessed.assessment();
        ValueBasis basis = a.valueBasis() != null ? a.valueBasis() : naturalBasis(target.kind);
        NavigableMap<Integer, Double> path = paths(List.of(assessed), snapshot).getOrDefault(target.code,
                new TreeMap<>());
        // The words of the chart are not sent: the web app has its own. Either language gives the same numbers.
        return new TargetChart(a, chart(target, a, basis, targetValue(target, basis), path, ReportText.of(Lang.EN,
                ReportVocabulary.STANDARD)));
    }

    /** A target's assessment and the chart a report draws of it (null when none). */
    public record TargetChart(Assessment assessment, ChartData chart) {
    }

    /**
     * The latest value of each target as the assessment saw it at the end of each earlier year: the
     * path its chart draws, on the same scale as the report's values. A handful of assessments over the
     * same targets, three queries each.
     */
    private Map<String, NavigableMap<Integer, Double>> paths(List<TargetAssessment> assessed, Snapshot snapshot) {
        Map<String, NavigableMap<Integer, Double>> paths = new HashMap<>();
        List<TargetAssessment> charted = assessed.stream().filter(a -> a.assessment().valueBasis() != null).toList();
        Integer first = charted.stream().map(a -> a.assessment().baseline()).filter(b -> b != null)
                .map(b -> year(b.period())).filter(y -> y != null).min(Integer::compare).orElse(null);
        if (first == null) {
            return paths;
        }
        Map<String, ValueBasis> bases = new HashMap<>();
        charted.forEach(a -> bases.put(a.target().code, a.assessment().valueBasis()));
        List<Target> targets = charted.stream().map(TargetAssessment::target).toList();
        int asOfYear = snapshot.asOf().getYear();
        int from = Math.max(first + 1, asOfYear - MAX_HISTORY_YEARS);
        for (int year = from; year < asOfYear; year++) {
            for (TargetAssessment then : assessments.assess(targets, snapshot.atEndOf(year))) {
                Assessment a = then.assessment();
                Integer y = a.latest() == null ? null : year(a.latest().period());
                if (y != null && a.latest().value() != null && a.valueBasis() == bases.get(then.target().code)) {
                    paths.computeIfAbsent(then.target().code, c -> new TreeMap<>()).put(y, a.latest().value());
                }
            }
        }
        return paths;
    }

    private static Integer year(String period) {
        return period == null ? null : Period.parse(period).map(Period::year).orElse(null);
    }

    // ------------------------------------------------------------------ rows

    private Row row(TargetAssessment ta, NavigableMap<Integer, Double> path, ReportText text, Snapshot snapshot) {
        Target t = ta.target();
        Assessment a = ta.assessment();
        ValueBasis basis = a.valueBasis() != null ? a.valueBasis() : naturalBasis(t.kind);
        PeriodValue baseline = a.baseline();
        PeriodValue latest = a.latest();
        Integer origin = basis != ValueBasis.CHANGE_PCT ? null
                : t.kind == TargetKind.CHANGE_VS_BASE && t.baseYear != null ? Integer.valueOf(t.baseYear)
                        : baseline == null ? null : year(baseline.period());
        String unit = basis == null ? "" : text.unit(t.indicator, basis, origin);
        Double targetValue = targetValue(t, basis);
        Double progressPct = a.progress() == null ? null : a.progress() * 100;
        Double elapsedPct = a.elapsed() == null ? null : a.elapsed() * 100;
        Status status = a.status();
        Document d = t.document;
        String documentTitle = text.documentTitle(d);
        String explanation = a.explanation() == null ? ""
                : text.lang().zh() ? a.explanation().zh() : a.explanation().en();
        int decimals = TargetWording.decimals(t.indicator, basis == ValueBasis.CHANGE_PCT);
        // Without a baseline of the catalogue's, a chain of changes starts at 0 by definition: its reference year,
        // whose level is unknown, is said as such rather than as a baseline of 0.
        boolean referenceOnly = baseline != null && t.baselineValue == null && basis == ValueBasis.CHANGE_PCT
                && baseline.value() != null && baseline.value() == 0 && origin != null
                && origin.equals(year(baseline.period()));
        return new Row(t.code, t.indicator.theme, t.indicator.code, text.indicatorName(t.indicator), unit, basis,
                t.kind,
                text.targetWording(t), t.targetYear, targetValue,
                baseline == null ? null : baseline.period(),
                baseline == null || referenceOnly ? null : baseline.value(),
                baseline == null ? "—"
                        : referenceOnly ? text.referenceYear(baseline.period())
                                : text.valueAt(t.indicator, basis, origin, baseline.value(), baseline.period(),
                                        decimals),
                latest == null ? null : latest.period(), latest == null ? null : latest.value(),
                latest == null ? "—"
                        : text.valueAt(t.indicator, basis, origin, latest.value(), latest.qualifier(), latest.period(),
                                decimals),
                latest == null ? null : latest.qualifier(),
                progressPct, text.percent(progressPct), elapsedPct, a.projected(),
                a.projected() == null ? "—"
                        : text.valueAt(t.indicator, basis, origin, a.projected(), String.valueOf(t.targetYear),
                                decimals),
                status, text.verdictLabel(status, a.ratio(), snapshot.asOf().isAfter(deadline(t))),
                ReportText.statusColour(status), ReportText.statusTextColour(status),
                explanation, t.binding, text.bindingLabel(t.binding), d.code, documentTitle, d.number,
                text.section(t.section, t.sectionEn),
                text.sources(t),
                chart(t, a, basis, targetValue, path, text), decimals,
                ta.judgement() == null ? null : ta.judgement().status(),
                ta.judgement() != null
                        ? text.verdictLabel(ta.judgement().status(), null, snapshot.asOf().isAfter(deadline(t)))
                        : a.needsJudgement() ? text.judgementPending() : "",
                ta.judgement() == null ? "" : text.judgement(ta.judgement()),
                ta.judgement() == null && a.needsJudgement(),
                text.unconfirmed(!t.baselineConfirmed && baseline != null && baseline.publication() == null
                        && t.baselineValue != null, !t.targetValueConfirmed && t.targetValue != null),
                text.otherSources(t));
    }

    /** The last day the target can be met: its date, else the end of its year. */
    private static LocalDate deadline(Target t) {
        return t.targetDate != null ? t.targetDate : LocalDate.of(t.targetYear, 12, 31);
    }

    private static ValueBasis naturalBasis(TargetKind kind) {
        return switch (kind) {
            case MILESTONE -> null;
            case CHANGE_VS_BASE -> ValueBasis.CHANGE_PCT;
            default -> ValueBasis.LEVEL;
        };
    }

    /** The target's number on the row's scale; null where it has none (or it is a rate, as for average growth). */
    private static Double targetValue(Target t, ValueBasis basis) {
        if (t.targetValue == null) {
            return null;
        }
        return switch (t.kind) {
            case CHANGE_VS_BASE -> basis == ValueBasis.CHANGE_PCT ? t.targetValue : null;
            case LEVEL_AT_LEAST, LEVEL_AT_MOST, LEVEL_ABOUT, COVERAGE, COUNT, MAINTAIN ->
                basis == ValueBasis.LEVEL ? t.targetValue : null;
            default -> null;
        };
    }

    private static ChartData chart(Target t, Assessment a, ValueBasis basis, Double targetValue,
            NavigableMap<Integer, Double> path, ReportText text) {
        if (basis == null || a.valueBasis() == null && targetValue == null) {
            return null;
        }
        TreeMap<Integer, Double> points = new TreeMap<>();
        Integer baselineYear = a.baseline() == null ? null : year(a.baseline().period());
        if (baselineYear != null && a.baseline().value() != null) {
            points.put(baselineYear, a.baseline().value());
        }
        Integer latestYear = a.latest() == null ? null : year(a.latest().period());
        path.forEach((year, value) -> {
            if ((baselineYear == null || year > baselineYear) && (latestYear == null || year <= latestYear)) {
                points.put(year, value);
            }
        });
        if (latestYear != null && a.latest().value() != null) {
            points.put(latestYear, a.latest().value());
        }
        Double target = targetValue;
        boolean derived = false;
        if (t.kind == TargetKind.AVERAGE_GROWTH && basis == ValueBasis.LEVEL && t.targetValue != null
                && baselineYear != null && a.baseline().value() != null && a.baseline().value() > 0) {
            // The level the average growth would reach by the deadline, from the baseline.
            target = a.baseline().value() * Math.pow(1 + t.targetValue / 100, t.targetYear - baselineYear);
            derived = true;
        }
        if (points.isEmpty() && target == null) {
            return null;
        }
        ChartData.Point projected = a.projected() != null && latestYear != null && latestYear < t.targetYear
                ? new ChartData.Point(t.targetYear, a.projected())
                : null;
        Double bandLow = null;
        Double bandHigh = null;
        if (t.kind == TargetKind.LEVEL_ABOUT && target != null && t.tolerance != null && t.tolerance > 0) {
            bandLow = target - t.tolerance;
            bandHigh = target + t.tolerance;
        }
        int from = points.isEmpty() ? t.targetYear - 5 : points.firstKey();
        int to = Math.max(t.targetYear, points.isEmpty() ? t.targetYear : points.lastKey());
        String targetLabel = target == null ? null
                : text.word(derived ? "report.chart.targetDerived" : "report.chart.target", "value",
                        ReportText.num(target)) + (t.targetValueConfirmed ? "" : text.word("report.chart.unconfirmed"));
        List<ChartData.Point> observed = points.entrySet().stream()
                .map(e -> new ChartData.Point(e.getKey(), e.getValue())).toList();
        PeriodValue indication = a.latestIndication();
        ChartData.Mark mark = indication == null || indication.value() == null || basis != ValueBasis.LEVEL
                || a.latest() != null && indication.period().equals(a.latest().period()) ? null
                        : new ChartData.Mark(axis(indication.period()), indication.value());
        return new ChartData(Math.min(from, t.targetYear), to, t.targetYear, observed, projected, target, bandLow,
                bandHigh, ReportText.statusAccent(a.status()), targetLabel,
                text.indicatorName(t.indicator) + " — " + text.targetWording(t), mark);
    }

    /** Where a period sits on the year axis, a year's value at its year: a month's or a quarter's at its end (2025-07: 2024.58). */
    private static double axis(String period) {
        Period p = Period.parse(period).orElseThrow();
        return p.isSubAnnual() ? p.year() - 1 + p.end().getMonthValue() / 12.0 : p.year();
    }

    // ------------------------------------------------------------------ the values behind the report

    /** The values of the reported targets' indicators that the assessments saw: known at the time, by the date. */
    private List<ObservationRow> observations(List<TargetAssessment> assessed, Snapshot snapshot, ReportText text) {
        Map<Long, Indicator> indicators = new HashMap<>();
        for (TargetAssessment a : assessed) {
            indicators.put(a.target().indicator.id, a.target().indicator);
            if (a.target().relatedIndicator != null) {
                indicators.put(a.target().relatedIndicator.id, a.target().relatedIndicator);
            }
        }
        return ObservationVintage.known(indicators.keySet(), snapshot).stream()
                .sorted(Comparator.<ObservationVintage, String>comparing(v -> indicators.get(v.indicatorId).code)
                        .thenComparing(v -> v.periodEnd).thenComparing(v -> v.period))
                .map(v -> {
                    Indicator i = indicators.get(v.indicatorId);
                    Figure f = v.figure;
                    int decimals = TargetWording.decimals(i, f.form() != i.publishedForm);
                    return new ObservationRow(i.code, i.nameZh, i.nameEn, text.observationUnit(i, f.form()), v.period,
                            f.value(), f.qualifier(),
                            text.qualified(Numbers.format(f.value(), decimals), f.qualifier()),
                            f.form(), text.formLabel(f.form()), text.publicationLabel(f.publication()),
                            text.basisLabel(i, f.basis()), text.entered(f),
                            f.source(), f.note(), v.recordedBy, v.recordedAt, text.preciseDateTime(v.recordedAt),
                            decimals);
                })
                .toList();
    }
}
