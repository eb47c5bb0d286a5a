package org.policytracker.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.assessment.Status;
import org.policytracker.catalogue.Binding;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.Theme;
import org.policytracker.report.chart.ChartData;
import org.policytracker.system.Lang;

/**
 * A status report, built once by {@link ReportService} and written by every format's writer: the same
 * rows, words and numbers in CSV, XLSX, PDF and HTML. Words are already in the report's language.
 *
 * @param lang         the language of the words
 * @param text         the labels of that language
 * @param title        the report's title
 * @param asOf         values of periods ending on or before this date count
 * @param knownAt      the time the report reproduces (only values recorded by then count), when asked for;
 *                     null for "as known now"
 * @param generatedAt  when this report was made (UTC)
 * @param generatedBy  who asked for it
 * @param filters      the filters applied, in words; empty when none
 * @param counts       targets per status, every status in {@link Status} order
 * @param sections     one per theme with targets, in {@link Theme} order
 * @param observations the values the assessments used
 * @param method       the method in a sentence, with the thresholds in force
 * @param sampleNote   while the sample dataset is loaded, the warning every page carries; null otherwise
 */
public record StatusReport(
        Lang lang,
        ReportText text,
        String title,
        LocalDate asOf,
        OffsetDateTime knownAt,
        OffsetDateTime generatedAt,
        String generatedBy,
        List<String> filters,
        Map<Status, Integer> counts,
        List<Section> sections,
        List<ObservationRow> observations,
        String method,
        String sampleNote) {

    /**
     * What the report is, as "label: value" lines: title, as of, as known at, generated when and by whom,
     * filters. Formats without a page of their own for it (the CSV's comment lines) write these.
     */
    public List<String> about() {
        List<String> lines = new ArrayList<>();
        if (sampleNote != null) {
            lines.add(sampleNote);
        }
        lines.add(title);
        lines.add(text.asOfLabel() + "：" + asOf);
        lines.add(text.knownAtLabel() + "：" + (knownAt == null ? text.knownAtNow() : text.preciseDateTime(knownAt)));
        lines.add(text.generatedAtLabel() + "：" + text.dateTime(generatedAt));
        lines.add(text.generatedByLabel() + "：" + generatedBy);
        lines.add(text.filtersLabel() + "：" + (filters.isEmpty() ? text.noFilters() : String.join("; ", filters)));
        return lines;
    }

    /** Every row, in section order. */
    public List<Row> rows() {
        return sections.stream().flatMap(s -> s.rows().stream()).toList();
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The counts as one sentence: "共 56 个目标：已达成 2 个，…" / "56 targets: 2 achieved, …". */
    public String countsSentence() {
        return text.countsSentence(counts);
    }

    /** The counts as a list of (status, label, colour, count), for tables. */
    public List<StatusCount> statusCounts() {
        return text.statusCounts(counts);
    }

    /** A status with its words, colour and count. */
    public record StatusCount(Status status, String label, String colour, String textColour, int count) {
    }

    /** The targets of one theme. */
    public record Section(Theme theme, String title, Map<Status, Integer> counts, String countsSentence,
            List<Row> rows) {
    }

    /**
     * One target and where it stands.
     *
     * @param unit            the unit of the values in this row (for the change scale: "% vs 2020")
     * @param targetValue     the number in the target's condition, on the row's scale; null where the kind has none
     * @param progressPct     share of the distance from baseline to target covered, in percent
     * @param elapsedPct      share of the time from baseline to deadline passed, in percent
     * @param projectedValue  the value in the target year at the observed pace
     * @param chart           what the small chart draws; null when there is nothing to draw (milestones)
     * @param unconfirmed     which of the catalogue's figures this row uses are not confirmed ("基期值、目标值"); empty
     *                        when all are
     * @param otherSources    the other documents that state the same commitment, with their sections; empty when none
     */
    public record Row(
            String targetId,
            Theme theme,
            String indicatorCode,
            String indicatorName,
            String unit,
            ValueBasis valueBasis,
            TargetKind kind,
            String targetWording,
            int targetYear,
            Double targetValue,
            String baselinePeriod,
            Double baselineValue,
            String baselineText,
            String latestPeriod,
            Double latestValue,
            String latestText,
            Qualifier latestQualifier,
            Double progressPct,
            String progressText,
            Double elapsedPct,
            Double projectedValue,
            String projectedText,
            Status status,
            String statusLabel,
            String statusColour,
            String statusTextColour,
            String explanation,
            Binding binding,
            String bindingLabel,
            String documentCode,
            String documentTitle,
            String documentNumber,
            String section,
            String sourceText,
            ChartData chart,
            int decimals,
            Status judgementStatus,
            String judgementLabel,
            String judgementText,
            boolean judgementNeeded,
            String unconfirmed,
            String otherSources) {

        /** Whether an analyst's judgement is recorded beside the computed status. */
        public boolean judged() {
            return judgementStatus != null;
        }

        /** Whether the judgement line is printed: a judgement is recorded, or the wording needs one and none is. */
        public boolean judgementShown() {
            return judged() || judgementNeeded;
        }
    }

    /** A value behind the report, as it was known at the report's time. */
    public record ObservationRow(
            String indicatorCode,
            String indicatorNameZh,
            String indicatorNameEn,
            String unit,
            String period,
            double value,
            Qualifier qualifier,
            String valueText,
            ObservationForm form,
            String formLabel,
            String publicationLabel,
            String basisLabel,
            String enteredText,
            String source,
            String note,
            String recordedBy,
            OffsetDateTime recordedAt,
            String recordedAtText,
            int decimals) {

        /**
         * What is said under the value in the HTML and PDF reports: its series basis, its release and how it
         * was entered; empty when none of these.
         */
        public String valueNotes() {
            return Stream.of(basisLabel, publicationLabel, enteredText).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(" · "));
        }
    }
}
