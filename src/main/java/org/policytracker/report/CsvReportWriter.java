package org.policytracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.policytracker.report.ReportColumns.Column;
import org.policytracker.report.StatusReport.Row;
import org.policytracker.system.SpreadsheetText;

/**
 * One row per target, RFC 4180 (commas, CRLF, quotes where needed), UTF-8 with a byte order mark so
 * that Excel opens the Chinese text correctly. Numbers are plain decimals without thousands separators.
 */
@ApplicationScoped
public class CsvReportWriter implements ReportWriter {

    /** The byte order mark that tells Excel the file is UTF-8. */
    public static final char BOM = '\uFEFF';

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void write(StatusReport report, OutputStream out) throws IOException {
        List<Column<Row>> columns = ReportColumns.targets(report.text());
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        // What the report is goes first, as comment lines ("# 截至日期：2026-12-01"): Excel shows them as the
        // first rows, and CSV readers skip them with the comment marker #.
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setCommentMarker('#')
                .setHeaderComments(report.about().toArray(Object[]::new))
                .setHeader(columns.stream().map(Column::header).toArray(String[]::new))
                .get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        for (Row row : report.rows()) {
            List<String> cells = new ArrayList<>(columns.size());
            for (Column<Row> c : columns) {
                cells.add(cell(c, row));
            }
            printer.printRecord(cells);
        }
        printer.flush();
        writer.flush();
    }

    static <R> String cell(Column<R> column, R row) {
        Object value = column.value().apply(row);
        return switch (column.type()) {
            case NUMBER, INTEGER -> ReportColumns.csvNumber(value, column.decimals().apply(row));
            default -> value == null ? "" : SpreadsheetText.guard(value.toString());
        };
    }
}
