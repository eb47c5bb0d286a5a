package org.policytracker.observation.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.policytracker.system.Message;
import org.policytracker.system.SpreadsheetText;

/**
 * A UTF-8 CSV file (RFC 4180 quoting, with or without a byte-order mark), streamed. Empty lines
 * are kept as rows, so that row numbers match those a spreadsheet shows.
 */
final class CsvTableReader implements TableReader {

    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';
    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.RFC4180)
            .setIgnoreEmptyLines(false)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int lastRow;

    CsvTableReader(Path file, UploadLimits limits) throws IOException {
        // Bytes that are not UTF-8 become U+FFFD, which next() refuses with the row it is in (a
        // reporting decoder would fail a whole buffer ahead, at the wrong row). The limits' guard stops
        // the reading at a row, column or cell over its limit, before the parser holds it.
        Reader reader = new BufferedReader(limits.csvReader(Files.newInputStream(file)), 1 << 16);
        try {
            skipByteOrderMark(reader);
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        this.records = parser.iterator();
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    @Override
    public TableRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastRow = (int) record.getRecordNumber();
            String[] values = record.values();
            for (int i = 0; i < values.length; i++) {
                if (values[i].indexOf(REPLACEMENT) >= 0) {
                    throw new UnreadableFileException(lastRow, Message.of("file.notUtf8"), null);
                }
                // The apostrophe an export puts before a formula character (SpreadsheetText) is not part of the text.
                values[i] = SpreadsheetText.unguard(values[i]);
            }
            return new TableRow(lastRow, values);
        } catch (UncheckedIOException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UploadLimits.CsvGuard.Exceeded exceeded) {
                    throw exceeded.error();
                }
            }
            throw new UnreadableFileException(lastRow + 1, Message.of("file.badCsv"), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
