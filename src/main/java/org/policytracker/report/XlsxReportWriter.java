package org.policytracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.policytracker.assessment.Status;
import org.policytracker.report.ReportColumns.Column;
import org.policytracker.report.StatusReport.Section;
import org.policytracker.report.StatusReport.StatusCount;
import org.policytracker.system.Workbooks;

/**
 * The workbook: a summary sheet (what, when, by whom, counts per status and per theme), one sheet per
 * theme with a row per target, and a sheet of the values behind the report. Numbers are numeric cells
 * with display formats (units are in the headers and the Unit column), header rows are frozen and
 * filterable, and status cells carry their colour and their words.
 */
@ApplicationScoped
public class XlsxReportWriter implements ReportWriter {

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public void write(StatusReport report, OutputStream out) throws IOException {
        ReportText text = report.text();
        Workbook wb = Workbooks.create(out);
        summary(wb.newWorksheet(text.summarySheet()), report);
        for (Section section : report.sections()) {
            Worksheet ws = wb.newWorksheet(text.themeSheet(section.theme()));
            table(ws, ReportColumns.targets(text), section.rows(), report.sampleNote());
            ws.finish();
        }
        Worksheet obs = wb.newWorksheet(text.observationsSheet());
        table(obs, ReportColumns.observations(text), report.observations(), report.sampleNote());
        obs.finish();
        wb.finish();
    }

    private static void summary(Worksheet ws, StatusReport report) throws IOException {
        ReportText t = report.text();
        ws.width(0, 26);
        ws.width(1, 44);
        ws.width(2, 12);
        for (int c = 3; c < 3 + Status.values().length; c++) {
            ws.width(c, 11);
        }
        ws.value(0, 0, report.title());
        ws.style(0, 0).bold().fontSize(14).set();
        if (report.sampleNote() != null) {
            ws.value(1, 0, report.sampleNote());
            ws.style(1, 0).bold().fontColor("B3261E").set();
        }
        int r = 2;
        r = pair(ws, r, t.asOfLabel(), report.asOf().toString());
        r = pair(ws, r, t.knownAtLabel(),
                report.knownAt() == null ? t.knownAtNow() : t.preciseDateTime(report.knownAt()));
        r = pair(ws, r, t.generatedAtLabel(), t.dateTime(report.generatedAt()));
        r = pair(ws, r, t.generatedByLabel(), report.generatedBy());
        r = pair(ws, r, t.filtersLabel(),
                report.filters().isEmpty() ? t.noFilters() : String.join("; ", report.filters()));

        r++;
        ws.value(r, 0, t.summaryHeading());
        ws.style(r, 0).bold().fontSize(12).set();
        r++;
        header(ws, r, List.of(t.statusHeader(), t.statusCodeHeader(), t.countHeader()));
        r++;
        for (StatusCount s : report.statusCounts()) {
            ws.value(r, 0, s.label());
            ws.style(r, 0).fillColor(s.colour().substring(1)).fontColor(s.textColour().substring(1)).bold().set();
            ws.value(r, 1, s.status().name());
            ws.value(r, 2, s.count());
            r++;
        }
        ws.value(r, 0, t.totalLabel());
        ws.style(r, 0).bold().set();
        ws.value(r, 2, report.total());
        ws.style(r, 2).bold().set();
        r += 2;

        ws.value(r, 0, t.byThemeHeading());
        ws.style(r, 0).bold().fontSize(12).set();
        r++;
        List<String> heads = new ArrayList<>(List.of(t.themeHeader(), "", t.totalLabel()));
        for (Status s : Status.values()) {
            heads.add(t.statusLabel(s));
        }
        header(ws, r, heads);
        r++;
        for (Section section : report.sections()) {
            ws.value(r, 0, section.title());
            ws.value(r, 1, section.theme().name());
            ws.value(r, 2, section.rows().size());
            int c = 3;
            for (Status s : Status.values()) {
                ws.value(r, c++, section.counts().get(s));
            }
            r++;
        }
        r++;
        ws.value(r, 0, report.method());
        ws.range(r, 0, r, 8).merge();
        ws.style(r, 0).wrapText(true).verticalAlignment("top").set();
        ws.rowHeight(r, 48);
        ws.finish();
    }

    private static int pair(Worksheet ws, int r, String label, String value) {
        ws.value(r, 0, label);
        ws.style(r, 0).bold().set();
        ws.value(r, 1, value);
        return r + 1;
    }

    private static void header(Worksheet ws, int r, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            ws.value(r, c, headers.get(c));
            ws.style(r, c).bold().fillColor(Workbooks.HEADER_FILL).wrapText(true).verticalAlignment("center").set();
        }
    }

    /**
     * A header row (frozen, filterable) and one row per item. With sample data a row above the header says
     * so, frozen with it, so that it stays in sight however far the sheet is scrolled.
     */
    static <R> void table(Worksheet ws, List<Column<R>> columns, List<R> rows, String sampleNote) throws IOException {
        for (int c = 0; c < columns.size(); c++) {
            ws.width(c, columns.get(c).width());
        }
        int head = 0;
        if (sampleNote != null) {
            ws.value(0, 0, sampleNote);
            ws.style(0, 0).bold().fontColor("B3261E").set();
            head = 1;
        }
        ws.freezePane(0, head + 1);
        header(ws, head, columns.stream().map(Column::header).toList());
        ws.rowHeight(head, 30);
        int r = head + 1;
        for (R row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                cell(ws, r, c, columns.get(c), row);
            }
            r++;
        }
        ws.setAutoFilter(head, 0, Math.max(r - 1, head + 1), columns.size() - 1);
    }

    static <R> void cell(Worksheet ws, int r, int c, Column<R> column, R row) {
        Object value = column.value().apply(row);
        if (value == null) {
            return;
        }
        switch (column.type()) {
            case NUMBER, INTEGER -> {
                ws.value(r, c, (Number) value);
                ws.style(r, c).format(column.format(row)).set();
            }
            case DATE_TIME -> {
                ws.value(r, c, ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                ws.style(r, c).format(column.format(row)).set();
            }
            case STATUS -> {
                ws.value(r, c, value.toString());
                Status status = statusOf(row);
                if (status != null) {
                    ws.style(r, c).fillColor(ReportText.statusColour(status).substring(1))
                            .fontColor(ReportText.statusTextColour(status).substring(1)).bold().set();
                }
            }
            case TEXT -> {
                ws.value(r, c, value.toString());
                if (column.width() >= 40) {
                    ws.style(r, c).wrapText(true).verticalAlignment("top").set();
                }
            }
        }
    }

    private static Status statusOf(Object row) {
        return row instanceof StatusReport.Row target ? target.status() : null;
    }
}
