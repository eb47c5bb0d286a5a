package org.policytracker.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.assessment.JudgementFilter;
import org.policytracker.assessment.Status;
import org.policytracker.catalogue.Binding;
import org.policytracker.catalogue.Document;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.SeriesBasis;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetWording;
import org.policytracker.catalogue.Theme;
import org.policytracker.observation.Figure;
import org.policytracker.report.StatusReport.StatusCount;
import org.policytracker.system.Lang;
import org.policytracker.system.Numbers;
import org.policytracker.system.Vocabulary;

/**
 * The words of a report in one language, every one taken from the {@link Vocabulary} the web app reads
 * too (ui/i18n): status, theme, binding and form names, the wording of targets and values, the report's
 * own titles and headers. All four writers and the Qute template take their words from here, so the CSV,
 * the workbook, the PDF, the HTML page and the screen say the same thing.
 */
public final class ReportText {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final Lang lang;
    private final ReportVocabulary vocabulary;

    private ReportText(Lang lang, ReportVocabulary vocabulary) {
        this.lang = lang;
        this.vocabulary = vocabulary;
    }

    public static ReportText of(Lang lang) {
        return new ReportText(lang, ReportVocabulary.STANDARD);
    }

    /** The words of a report in a language, its verdicts in a vocabulary. */
    public static ReportText of(Lang lang, ReportVocabulary vocabulary) {
        return new ReportText(lang, vocabulary);
    }

    /**
     * A verdict in the report's vocabulary: the status's label, or the planning commission's term for it
     * (docs/ASSESSMENT.md, "Official vocabulary"): ACHIEVED is 提前实现 before the deadline and 已完成 after it;
     * ON_TRACK 快于预期 at a pace ratio of at least {@value ReportVocabulary#FASTER}, else 基本符合预期;
     * AT_RISK and OFF_TRACK 滞后; MISSED 未完成; NO_DATA 暂无数据.
     */
    public String verdictLabel(Status status, Double ratio, boolean deadlinePassed) {
        if (vocabulary == ReportVocabulary.STANDARD) {
            return statusLabel(status);
        }
        String term = switch (status) {
            case ACHIEVED -> deadlinePassed ? "completed" : "ahead";
            case ON_TRACK -> ratio != null && ratio >= ReportVocabulary.FASTER ? "faster" : "asExpected";
            case AT_RISK, OFF_TRACK -> "lagging";
            case MISSED -> "notCompleted";
            case NO_DATA -> "noData";
        };
        return word("report.official." + term);
    }

    public ReportVocabulary vocabulary() {
        return vocabulary;
    }

    /** The filter line of a report in the official vocabulary. */
    public String officialVocabularyNote() {
        return word("report.official.note");
    }

    public Lang lang() {
        return lang;
    }

    /** A word of the vocabulary, placeholders filled from name–value pairs. */
    public String word(String key, Object... pairs) {
        return pairs.length == 0 ? Vocabulary.word(lang, key) : Vocabulary.word(lang, key, pairs);
    }

    // ------------------------------------------------------------------ titles and labels (report.*)

    public String title() {
        return word("report.title");
    }

    public String asOfLabel() {
        return word("report.asOf");
    }

    public String knownAtLabel() {
        return word("report.knownAt");
    }

    public String knownAtNow() {
        return word("report.knownAtNow");
    }

    public String generatedAtLabel() {
        return word("report.generatedAt");
    }

    public String generatedByLabel() {
        return word("report.generatedBy");
    }

    public String filtersLabel() {
        return word("report.filters");
    }

    public String noFilters() {
        return word("report.noFilters");
    }

    public String explanationLabel() {
        return word("report.explanationLabel");
    }

    public String summaryHeading() {
        return word("report.summary");
    }

    public String byThemeHeading() {
        return word("report.byTheme");
    }

    public String countHeader() {
        return word("report.count");
    }

    public String totalLabel() {
        return word("report.total");
    }

    public String observationsHeading() {
        return word("report.observations");
    }

    public String noObservations() {
        return word("report.noObservations");
    }

    public String chartCaption() {
        return word("report.chartCaption");
    }

    /** The method in a sentence, with the thresholds in force and the status words of the app. */
    public String methodNote(double onTrack, double atRisk) {
        return word("report.method", "onTrack", Numbers.format(onTrack), "atRisk", Numbers.format(atRisk),
                "ON_TRACK", statusLabel(Status.ON_TRACK), "AT_RISK", statusLabel(Status.AT_RISK), "OFF_TRACK",
                statusLabel(Status.OFF_TRACK));
    }

    public String pageLabel(int page) {
        return word("report.page", "page", page);
    }

    // ------------------------------------------------------------------ column headers

    public String themeHeader() {
        return word("filter.theme");
    }

    public String targetIdHeader() {
        return word("report.col.targetId");
    }

    public String indicatorCodeHeader() {
        return word("report.col.indicatorCode");
    }

    public String indicatorHeader() {
        return word("report.col.indicator");
    }

    public String unitHeader() {
        return word("report.col.unit");
    }

    public String enteredHeader() {
        return word("report.col.entered");
    }

    /**
     * How a value was entered, when that says more than its value: the number and unit as typed
     * ("录入为 31,000人") and a confirmation against the plausibility rule, as the app's history says them;
     * empty otherwise.
     */
    /** "国务院新闻办公室称基本完成（证据：…；analyst1，2026-11-30）" — the analyst's reason, evidence, who and when. */
    public String judgement(org.policytracker.assessment.JudgementResource.JudgementView j) {
        String evidence = j.evidence() == null ? "" : word("report.judgementEvidence", "evidence", j.evidence());
        return word("report.judgementText", "reason", j.reason(), "evidence", evidence, "user", j.recordedBy(), "date",
                j.recordedAt().toLocalDate());
    }

    /** A chain's reference year whose level is not known: "2020年（基准年，水平未知）". */
    public String referenceYear(String period) {
        return word("report.referenceYear", "period", period);
    }

    public String unconfirmedHeader() {
        return word("report.col.unconfirmed");
    }

    /** Which of the catalogue's figures are unconfirmed: "基期值、目标值", "" when none. */
    public String unconfirmed(boolean baseline, boolean target) {
        List<String> parts = new ArrayList<>();
        if (baseline) {
            parts.add(word("report.unconfirmed.baseline"));
        }
        if (target) {
            parts.add(word("report.unconfirmed.target"));
        }
        return String.join(word("report.listSeparator"), parts);
    }

    public String judgementHeader() {
        return word("report.col.judgement");
    }

    public String judgementTextHeader() {
        return word("report.col.judgementText");
    }

    public String judgementLabel() {
        return word("report.judgementLabel");
    }

    public String computedLabel() {
        return word("report.computedLabel");
    }

    public String entered(Figure figure) {
        List<String> parts = new ArrayList<>();
        if (figure.ytd()) {
            parts.add(word("value.ytd"));
        }
        if (figure.unit() != null && figure.enteredValue() != null) {
            parts.add(word("value.asEntered", "value", Numbers.format(figure.enteredValue()), "unit", figure.unit()));
        }
        if (figure.confirm()) {
            parts.add(word("value.confirmed"));
        }
        return String.join(" · ", parts);
    }

    public String targetHeader() {
        return word("col.target");
    }

    public String targetYearHeader() {
        return word("report.col.targetYear");
    }

    public String targetValueHeader() {
        return word("report.col.targetValue");
    }

    public String baselineHeader() {
        return word("report.col.baseline");
    }

    public String baselinePeriodHeader() {
        return word("report.col.baselinePeriod");
    }

    public String baselineValueHeader() {
        return word("report.col.baselineValue");
    }

    public String latestHeader() {
        return word("col.latest");
    }

    public String latestPeriodHeader() {
        return word("report.col.latestPeriod");
    }

    public String latestValueHeader() {
        return word("report.col.latestValue");
    }

    public String qualifierHeader() {
        return word("report.col.qualifier");
    }

    public String publicationHeader() {
        return word("report.col.publication");
    }

    /** "初步核算", "最终核实", "估计": as the entry form names them; blank when not stated. */
    public String publicationLabel(Publication publication) {
        return publication == null ? "" : word("publication." + publication.name());
    }

    public String basisHeader() {
        return word("report.col.basis");
    }

    /** The series basis a value is on, by its name in the report's language; blank when the indicator has one. */
    public String basisLabel(Indicator indicator, String code) {
        SeriesBasis basis = code == null || indicator.bases == null ? null : SeriesBasis.of(indicator.bases, code);
        return basis == null ? "" : lang.zh() ? basis.nameZh() : basis.nameEn();
    }

    /** "确数", "以上（超过、突破）", …: as the entry form names them; blank when unknown. */
    public String qualifierLabel(Qualifier qualifier) {
        return qualifier == null ? "" : word("qualifier." + qualifier.name());
    }

    /** A value's text marked as published: "≥ 25%" for a bound, "约 25%" for an approximation; as is when exact. */
    public String qualified(String valueText, Qualifier qualifier) {
        return qualifier == null || qualifier == Qualifier.EXACT ? valueText
                : word("value.qualified." + qualifier.name(), "value", valueText);
    }

    public String progressHeader() {
        return word("report.col.progress");
    }

    public String elapsedHeader() {
        return word("report.col.elapsed");
    }

    public String projectedHeader() {
        return word("report.col.projected");
    }

    public String projectedShortHeader() {
        return word("report.col.projectedShort");
    }

    public String statusCodeHeader() {
        return word("report.col.statusCode");
    }

    public String statusHeader() {
        return word("col.status");
    }

    public String explanationHeader() {
        return word("report.col.explanation");
    }

    public String bindingHeader() {
        return word("prov.binding");
    }

    public String documentCodeHeader() {
        return word("report.col.documentCode");
    }

    public String documentHeader() {
        return word("report.col.document");
    }

    public String sectionHeader() {
        return word("report.col.section");
    }

    public String sourceHeader() {
        return word("report.col.source");
    }

    public String periodHeader() {
        return word("report.col.period");
    }

    public String valueHeader() {
        return word("report.col.value");
    }

    public String formHeader() {
        return word("hist.form");
    }

    public String dataSourceHeader() {
        return word("report.col.dataSource");
    }

    public String noteHeader() {
        return word("hist.note");
    }

    public String recordedByHeader() {
        return word("report.col.recordedBy");
    }

    public String recordedAtHeader() {
        return word("report.col.recordedAt");
    }

    public String indicatorNameZhHeader() {
        return word("report.col.nameZh");
    }

    public String indicatorNameEnHeader() {
        return word("report.col.nameEn");
    }

    public String summarySheet() {
        return word("report.sheet.summary");
    }

    public String observationsSheet() {
        return word("report.sheet.observations");
    }

    // ------------------------------------------------------------------ names: the app's words

    public String statusLabel(Status status) {
        return Vocabulary.label(lang, "status", status);
    }

    /** The fill colour behind a status's words (with its text, never colour alone). */
    public static String statusColour(Status status) {
        return Vocabulary.statusColour(status, "fill");
    }

    /** The colour of the words on {@link #statusColour(Status)}. */
    public static String statusTextColour(Status status) {
        return Vocabulary.statusColour(status, "text");
    }

    /** The colour of lines and marks drawn for a status (a chart's observed path). */
    public static String statusAccent(Status status) {
        return Vocabulary.statusColour(status, "accent");
    }

    public String themeLabel(Theme theme) {
        return Vocabulary.label(lang, "theme", theme);
    }

    /** A worksheet name for the theme: its label, cut to Excel's 31 characters, without the ones Excel forbids. */
    public String themeSheet(Theme theme) {
        String name = themeLabel(theme).replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() <= 31 ? name : name.substring(0, 31);
    }

    public String bindingLabel(Binding binding) {
        return binding == null ? word("binding.NONE") : Vocabulary.label(lang, "binding", binding);
    }

    public String formLabel(ObservationForm form) {
        return Vocabulary.label(lang, "form", form);
    }

    public String indicatorName(Indicator indicator) {
        return lang.zh() ? indicator.nameZh : indicator.nameEn;
    }

    public String documentTitle(Document document) {
        return lang.zh() ? document.titleZh : document.titleEn;
    }

    /** The target's condition in words, as the app shows it ({@link TargetWording}). */
    public String targetWording(Target target) {
        return TargetWording.of(target).in(lang);
    }

    /** The unit of a row's values: the indicator's, or "%（比2020年累计变化）" on the change scale. */
    public String unit(Indicator indicator, ValueBasis basis, Integer originYear) {
        if (basis == ValueBasis.CHANGE_PCT) {
            return originYear == null ? word("unit.changeUnbased") : word("unit.change", "base", originYear);
        }
        return TargetWording.unit(indicator, lang);
    }

    /** The unit of an entered value: the indicator's for a level, percent for a change, index points. */
    public String observationUnit(Indicator indicator, ObservationForm form) {
        return switch (form) {
            case LEVEL -> TargetWording.unit(indicator, lang);
            case YOY_CHANGE_PCT -> word("unit.yoy");
            case INDEX -> word("unit.index");
        };
    }

    // ------------------------------------------------------------------ numbers, values, dates, counts

    /** A number in words ({@link Numbers}); "—" for none. */
    public static String num(Double value) {
        return Numbers.format(value);
    }

    /** A percentage with one decimal: "25.4%"; "—" for none. */
    public String percent(Double pct) {
        return pct == null ? "—" : String.format(Locale.ROOT, "%.1f%%", pct);
    }

    /**
     * A value as the app shows it, with its period: "16.6%（2023年）", "比2020年 −4.57%（2023年）" /
     * "16.6% (2023)"; "—" when there is none.
     */
    public String valueAt(Indicator indicator, ValueBasis basis, Integer originYear, Double value, String period,
            int decimals) {
        return valueAt(indicator, basis, originYear, value, Qualifier.EXACT, period, decimals);
    }

    /** As above, for a value that may be a published bound or an approximation: "≥ 25%（2022年）". */
    public String valueAt(Indicator indicator, ValueBasis basis, Integer originYear, Double value, Qualifier qualifier,
            String period, int decimals) {
        if (value == null) {
            return "—";
        }
        String v = basis == ValueBasis.CHANGE_PCT
                ? word("value.change", "base", originYear == null ? "?" : originYear, "value", signed(value, decimals))
                : TargetWording.withUnit(lang, value, TargetWording.unit(indicator, lang), decimals);
        v = qualified(v, qualifier);
        return period == null ? v : word("latest.value", "value", v, "period", period);
    }

    /** "−4.57", "+1.20", "0.00": a real minus sign, as the app writes changes. */
    static String signed(double value, int decimals) {
        String text = Numbers.format(Math.abs(value), decimals);
        boolean zero = text.matches("[0.]+");
        return value < 0 && !zero ? "−" + text : value > 0 && !zero ? "+" + text : text;
    }

    public String dateTime(OffsetDateTime time) {
        return time == null ? "" : MINUTE.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public String preciseDateTime(OffsetDateTime time) {
        return time == null ? "" : SECOND.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public String countsSentence(Map<Status, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String parts = counts.entrySet().stream()
                .map(e -> word("report.countsPart", "status", lang.zh() ? statusLabel(e.getKey())
                        : statusLabel(e.getKey()).toLowerCase(Locale.ROOT), "count", e.getValue()))
                .collect(Collectors.joining(word("report.countsSeparator")));
        return word("report.counts", "total", total, "parts", parts);
    }

    public List<StatusCount> statusCounts(Map<Status, Integer> counts) {
        List<StatusCount> list = new ArrayList<>();
        counts.forEach((s, n) -> list.add(new StatusCount(s, statusLabel(s), statusColour(s), statusTextColour(s), n)));
        return list;
    }

    /** "未逐一列出暂无数据的 44 个目标（尚未录入数值）". */
    public String omittedNoData(int count) {
        return word("report.omittedNoData", "count", count);
    }

    public String filterDocument(String code, String title) {
        return word("report.filter.document", "title", title, "code", code);
    }

    public String filterTheme(Theme theme) {
        return word("report.filter.theme", "theme", themeLabel(theme));
    }

    public String filterTargets(int count) {
        return word("report.filter.targets", "count", count);
    }

    /** "分析师判断：有判断" — the report's judgement filter, in the words of the overview's filter. */
    public String filterJudgement(JudgementFilter filter) {
        return word("report.filter.judgement", "which", judgementFilterLabel(filter));
    }

    /** How a judgement filter reads: its own word (ANY, NONE, NEEDED) or the status's label. */
    public String judgementFilterLabel(JudgementFilter filter) {
        return switch (filter) {
            case ANY, NONE, NEEDED -> word("judgementFilter." + filter.name());
            default -> statusLabel(Status.valueOf(filter.name()));
        };
    }

    /** The judgement column when the wording needs a judgement and none is recorded. */
    public String judgementPending() {
        return word("report.judgementPending");
    }

    public String filterStatuses(List<Status> statuses) {
        return word("report.filter.statuses", "statuses", statuses.stream().map(this::statusLabel)
                .collect(Collectors.joining(word("report.listSeparator"))));
    }

    /**
     * A section heading in the report's language: the verbatim Chinese heading; in English its English rendering
     * with the Chinese after it ("II. Main goals (二、主要目标)") when the catalogue has one.
     */
    public String section(String zh, String en) {
        return lang.zh() || en == null || en.isBlank() ? zh : en + " (" + zh + ")";
    }

    /** "国发〔2021〕20号 · 二、主要目标" — the document (title and number) and the section. */
    /** Every source of a target, the primary first: "《…》 · （三）发展目标；亦见：《…》 · 一、规划背景". */
    public String sources(Target target) {
        String others = otherSources(target);
        String primary = source(documentTitle(target.document), target.document.number,
                section(target.section, target.sectionEn));
        return others.isEmpty() ? primary : primary + word("report.alsoStatedIn", "source", others);
    }

    /** The other documents that state a target, with their sections; "" when none. */
    public String otherSources(Target target) {
        if (target.alsoStatedIn == null) {
            return "";
        }
        return target.alsoStatedIn.stream().map(s -> source(lang.zh() ? s.documentTitleZh() : s.documentTitleEn(),
                s.documentNumber(), section(s.section(), s.sectionEn())))
                .collect(Collectors.joining(word("report.listSeparator")));
    }

    public String alsoStatedInHeader() {
        return word("report.col.alsoStatedIn");
    }

    public String source(String documentTitle, String number, String section) {
        StringBuilder b = new StringBuilder(documentTitle);
        if (number != null && !number.isBlank()) {
            b.append(lang.zh() ? "（" : " (").append(number).append(lang.zh() ? "）" : ")");
        }
        if (section != null && !section.isBlank()) {
            b.append(" · ").append(section);
        }
        return b.toString();
    }
}
