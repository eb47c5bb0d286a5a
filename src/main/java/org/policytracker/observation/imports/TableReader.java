package org.policytracker.observation.imports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a table file one row at a time, never the whole file at once. */
interface TableReader extends Closeable {

    /** One row: its spreadsheet number (first row = 1) and its cells as text (null for an empty cell). */
    record TableRow(int number, String[] cells) {
    }

    /** The next row, or null after the last one. Throws {@link UnreadableFileException} on a malformed file. */
    TableRow next();

    /** Opens the file; a row, column or cell over {@code limits} is an {@link UnreadableFileException} as it is read. */
    static TableReader open(FileFormat format, Path file, UploadLimits limits) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableReader(file, limits);
            case XLSX -> XlsxTableReader.open(file, limits);
        };
    }
}
