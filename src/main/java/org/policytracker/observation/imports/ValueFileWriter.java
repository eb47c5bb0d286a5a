package org.policytracker.observation.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.policytracker.system.SpreadsheetText;
import org.policytracker.system.Workbooks;

/**
 * Writes a {@link ValueFile} one row at a time, in constant memory whatever the number of rows: the CSV
 * goes through a small buffer; the workbook is written with fastexcel's streaming writer, flushing rows
 * every {@value #FLUSH_EVERY}, every string inline (no shared-string table to grow), and a new sheet when
 * one is full (Excel's limit is 1,048,576 rows). Numbers are written exactly as stored, so that the file
 * imports back to the same values.
 */
public interface ValueFileWriter extends AutoCloseable {

    int FLUSH_EVERY = 1000;

    /** A filler of further sheets, added after the values' sheet (the template's "Indicators"). */
    @FunctionalInterface
    interface MoreSheets {

        void write(Workbook workbook) throws IOException;
    }

    /** What is added to the values' sheet once its rows are written (the template's drop-down). */
    @FunctionalInterface
    interface SheetFinish {

        void finish(Worksheet sheet);
    }

    void row(ValueFile.Row row) throws IOException;

    /** Ends the file; the output stream stays open. */
    @Override
    void close() throws IOException;

    static ValueFileWriter csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static ValueFileWriter xlsx(OutputStream out) {
        return new Xlsx(out, Worksheet.MAX_ROWS - 1, workbook -> {
        }, sheet -> {
        });
    }

    /** A workbook whose values' sheet gets {@code finish} and is followed by the sheets {@code more} writes. */
    static ValueFileWriter xlsx(OutputStream out, MoreSheets more, SheetFinish finish) {
        return new Xlsx(out, Worksheet.MAX_ROWS - 1, more, finish);
    }

    /** For tests: a workbook whose sheets hold at most {@code rowsPerSheet} values. */
    static ValueFileWriter xlsx(OutputStream out, int rowsPerSheet) {
        return new Xlsx(out, rowsPerSheet, workbook -> {
        }, sheet -> {
        });
    }

    /** A number as the file holds it: exactly, in plain decimal ("19478.147902", never "1.9E4"). */
    static String exact(Object number) {
        return number == null ? ""
                : BigDecimal.valueOf(((Number) number).doubleValue()).stripTrailingZeros()
                        .toPlainString();
    }

    /** RFC 4180, UTF-8 with a byte order mark (so that Excel shows the Chinese), times in ISO 8601 UTC. */
    final class Csv implements ValueFileWriter {

        private static final char BOM = '\uFEFF';

        private final Writer writer;
        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>(ValueFile.COLUMNS.size());

        Csv(OutputStream out) throws IOException {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            writer.write(BOM);
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(ValueFile.headers().toArray(String[]::new)).get());
        }

        @Override
        public void row(ValueFile.Row row) throws IOException {
            cells.clear();
            for (ValueFile.Column column : ValueFile.COLUMNS) {
                Object cell = column.cell().apply(row);
                cells.add(switch (column.kind()) {
                    case NUMBER -> exact(cell);
                    case TIME -> cell == null ? ""
                            : DateTimeFormatter.ISO_INSTANT.format(((OffsetDateTime) cell)
                                    .toInstant());
                    case TEXT -> cell == null ? "" : SpreadsheetText.guard(cell.toString());
                });
            }
            printer.printRecord(cells);
        }

        @Override
        public void close() throws IOException {
            printer.flush();
            writer.flush();
        }
    }

    /** The sheet "Observations" (more when full), header frozen and filterable, numbers and times typed. */
    final class Xlsx implements ValueFileWriter {

        private final Workbook workbook;
        private final int rowsPerSheet;
        private final MoreSheets more;
        private final SheetFinish finish;
        private Worksheet sheet;
        private int sheets;
        private int row;

        Xlsx(OutputStream out, int rowsPerSheet, MoreSheets more, SheetFinish finish) {
            this.workbook = Workbooks.create(out);
            this.rowsPerSheet = rowsPerSheet;
            this.more = more;
            this.finish = finish;
        }

        @Override
        public void row(ValueFile.Row r) throws IOException {
            if (sheet == null || row > rowsPerSheet) {
                newSheet();
            }
            for (int c = 0; c < ValueFile.COLUMNS.size(); c++) {
                ValueFile.Column column = ValueFile.COLUMNS.get(c);
                Object cell = column.cell().apply(r);
                if (cell == null) {
                    continue;
                }
                switch (column.kind()) {
                    case NUMBER -> sheet.value(row, c, (Number) cell);
                    case TIME -> {
                        sheet.value(row, c, ((OffsetDateTime) cell).withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalDateTime());
                        sheet.style(row, c).format("yyyy-mm-dd hh:mm:ss").set();
                    }
                    case TEXT -> {
                        String text = cell.toString();
                        if (!text.isEmpty()) {
                            sheet.inlineString(row, c, text);
                        }
                    }
                }
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        private void newSheet() throws IOException {
            finishSheet();
            sheets++;
            sheet = workbook.newWorksheet(sheets == 1 ? XlsxTableReader.SHEET : XlsxTableReader.SHEET + " " + sheets);
            for (int c = 0; c < ValueFile.COLUMNS.size(); c++) {
                ValueFile.Column column = ValueFile.COLUMNS.get(c);
                sheet.width(c, column.width());
                sheet.inlineString(0, c, column.header());
                Workbooks.header(sheet, 0, c);
            }
            sheet.freezePane(0, 1);
            row = 1;
        }

        private void finishSheet() throws IOException {
            if (sheet != null) {
                sheet.setAutoFilter(0, 0, Math.max(row - 1, 1), ValueFile.COLUMNS.size() - 1);
                finish.finish(sheet);
                sheet.finish();
            }
        }

        @Override
        public void close() throws IOException {
            if (sheet == null) {
                newSheet();
            }
            finishSheet();
            more.write(workbook);
            workbook.finish();
        }
    }
}
