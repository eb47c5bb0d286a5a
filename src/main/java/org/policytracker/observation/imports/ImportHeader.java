package org.policytracker.observation.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policytracker.system.Problems;

/** Where each column of the {@link ValueFile} is in the file, read from the header row (row 1). */
final class ImportHeader {

    private final Map<ValueFile.Column, Integer> positions = new HashMap<>();
    private final List<ImportError> errors = new ArrayList<>();

    private ImportHeader() {
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
        for (ValueFile.Column column : List.of(ValueFile.INDICATOR, ValueFile.PERIOD, value())) {
            if (!header.positions.containsKey(column)) {
                header.errors.add(ImportError.of(rowNumber, column.header(), "column.missing", "allowed",
                        ValueFile.allowed()));
            }
        }
        return header;
    }

    private static ValueFile.Column value() {
        return ValueFile.ofHeader("value").orElseThrow();
    }

    private void place(int rowNumber, String cell, int position) {
        ValueFile.Column column = ValueFile.ofHeader(cell).orElse(null);
        if (column == null) {
            errors.add(ImportError.of(rowNumber, cell.strip(), "column.unknown", "value", Problems.quote(cell.strip()),
                    "allowed", ValueFile.allowed()));
        } else if (positions.containsKey(column)) {
            errors.add(ImportError.of(rowNumber, column.header(), "column.twice", "first", positions.get(column) + 1,
                    "second", position + 1));
        } else {
            positions.put(column, position);
        }
    }

    List<ImportError> errors() {
        return errors;
    }

    /** The cell of a column in a row: stripped, null when absent or blank (and for ignored columns). */
    String cell(String[] cells, ValueFile.Column column) {
        Integer position = positions.get(column);
        if (position == null || position >= cells.length || column.use() == ValueFile.Use.INFO) {
            return null;
        }
        return Cells.clean(cells[position]);
    }

    /** The cell of a column by its header. */
    String cell(String[] cells, String header) {
        return cell(cells, ValueFile.ofHeader(header).orElseThrow());
    }
}
