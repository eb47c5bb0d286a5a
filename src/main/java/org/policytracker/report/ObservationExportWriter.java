package org.policytracker.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes exported values one row at a time, in constant memory whatever the number of rows: the CSV
 * goes through a small buffer; the workbook is written with fastexcel's streaming writer, flushing
 * rows to the output every {@value #FLUSH_EVERY} rows, with every string written inline (no shared-
 * string table to grow), and a new sheet when one is full (Excel's limit is 1,048,576 rows).
 */
public interface ObservationExportWriter extends AutoCloseable {

    int FLUSH_EVERY = 1000;

    void row(ObservationExportRow row) throws IOException;

    /** Ends the file; the output stream stays open. */
    @Override
    void close() throws IOException;

    static ObservationExportWriter csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static ObservationExportWriter xlsx(OutputStream out) {
        return new Xlsx(out, Worksheet.MAX_ROWS - 1);
    }

    /** For tests: a workbook whose sheets hold at most {@code rowsPerSheet} values. */
    static ObservationExportWriter xlsx(OutputStream out, int rowsPerSheet) {
        return new Xlsx(out, rowsPerSheet);
    }

    /** RFC 4180, UTF-8 with a byte order mark, times in ISO 8601 UTC. */
    final class Csv implements ObservationExportWriter {

        private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

        private final Writer writer;
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            writer.write(CsvReportWriter.BOM);
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(ObservationExportRow.HEADERS).get());
        }

        @Override
        public void row(ObservationExportRow r) throws IOException {
            printer.printRecord(r.indicator(), r.indicatorNameZh(), r.indicatorNameEn(), r.unit(), r.period(),
                    r.periodType(), ReportColumns.csvNumber(r.value()), r.form(), r.source(), r.note(), r.seriesBreak(),
                    r.enteredBy(), time(r.enteredAt()), r.updatedBy(), time(r.updatedAt()));
        }

        private static String time(OffsetDateTime t) {
            return t == null ? "" : ISO.format(t.toInstant());
        }

        @Override
        public void close() throws IOException {
            printer.flush();
            writer.flush();
        }
    }

    /** One sheet of values (more when full), header frozen and filterable, values and times typed. */
    final class Xlsx implements ObservationExportWriter {

        private static final double[] WIDTHS = {24, 28, 36, 14, 9, 10, 12, 16, 36, 36, 16, 12, 20, 12, 20};
        private static final int VALUE = 6;
        private static final int ENTERED_AT = 12;
        private static final int UPDATED_AT = 14;

        private final Workbook workbook;
        private final int rowsPerSheet;
        private Worksheet sheet;
        private int sheets;
        private int row;

        Xlsx(OutputStream out, int rowsPerSheet) {
            this.workbook = new Workbook(out, XlsxReportWriter.APP, XlsxReportWriter.APP_VERSION);
            this.rowsPerSheet = rowsPerSheet;
        }

        @Override
        public void row(ObservationExportRow r) throws IOException {
            if (sheet == null || row > rowsPerSheet) {
                newSheet();
            }
            text(0, r.indicator());
            text(1, r.indicatorNameZh());
            text(2, r.indicatorNameEn());
            text(3, r.unit());
            text(4, r.period());
            text(5, r.periodType());
            if (r.value() != null) {
                sheet.value(row, VALUE, r.value());
                sheet.style(row, VALUE).format("#,##0.00##").set();
            }
            text(7, r.form());
            text(8, r.source());
            text(9, r.note());
            text(10, r.seriesBreak());
            text(11, r.enteredBy());
            time(ENTERED_AT, r.enteredAt());
            text(13, r.updatedBy());
            time(UPDATED_AT, r.updatedAt());
            row++;
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        private void text(int column, String value) {
            if (value != null && !value.isEmpty()) {
                sheet.inlineString(row, column, value);
            }
        }

        private void time(int column, OffsetDateTime value) {
            if (value != null) {
                sheet.value(row, column, value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                sheet.style(row, column).format("yyyy-mm-dd hh:mm:ss").set();
            }
        }

        private void newSheet() throws IOException {
            finishSheet();
            sheets++;
            sheet = workbook.newWorksheet(sheets == 1 ? "observations" : "observations " + sheets);
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.width(c, WIDTHS[c]);
            }
            sheet.freezePane(0, 1);
            for (int c = 0; c < ObservationExportRow.HEADERS.length; c++) {
                sheet.inlineString(0, c, ObservationExportRow.HEADERS[c]);
                sheet.style(0, c).bold().fillColor(XlsxReportWriter.HEADER_FILL).set();
            }
            row = 1;
        }

        private void finishSheet() throws IOException {
            if (sheet != null) {
                sheet.setAutoFilter(0, 0, Math.max(row - 1, 1), ObservationExportRow.HEADERS.length - 1);
                sheet.finish();
            }
        }

        @Override
        public void close() throws IOException {
            if (sheet == null) {
                newSheet();
            }
            finishSheet();
            workbook.finish();
        }
    }
}
