package org.policytracker.observation.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where each column is in the file, read from the header row (row 1). */
final class ImportHeader {

    private final int[] positions = new int[ImportColumn.values().length];
    private final List<ImportError> errors = new ArrayList<>();

    private ImportHeader() {
        Arrays.fill(positions, -1);
    }

    /** Reads the header; an unknown, repeated or missing column is a row-1 error. */
    static ImportHeader of(int rowNumber, String[] cells) {
        ImportHeader header = new ImportHeader();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell == null || cell.isBlank()) {
                continue; // an unnamed column (a trailing comma, an empty spreadsheet cell) holds nothing we read
            }
            header.place(rowNumber, cell, i);
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.use() == ImportColumn.Use.REQUIRED && header.positions[column.ordinal()] < 0) {
                header.errors.add(new ImportError(rowNumber, column.header(), "is missing: the header row must name "
                        + "the columns indicator, period and value; allowed: " + ImportColumn.allowed()));
            }
        }
        return header;
    }

    private void place(int rowNumber, String cell, int position) {
        ImportColumn column = ImportColumn.ofHeader(cell).orElse(null);
        if (column == null) {
            errors.add(new ImportError(rowNumber, cell.strip(), "'" + Cells.shorten(cell.strip())
                    + "' is not a known column; allowed: " + ImportColumn.allowed()));
        } else if (positions[column.ordinal()] >= 0) {
            errors.add(new ImportError(rowNumber, column.header(), "appears twice in the header row (columns "
                    + (positions[column.ordinal()] + 1) + " and " + (position + 1) + ")"));
        } else {
            positions[column.ordinal()] = position;
        }
    }

    List<ImportError> errors() {
        return errors;
    }

    /** The cell of a column in a row: stripped, null when absent or blank. */
    String cell(String[] cells, ImportColumn column) {
        int position = positions[column.ordinal()];
        if (position < 0 || position >= cells.length) {
            return null;
        }
        return Cells.clean(cells[position]);
    }
}
