package org.policytracker.observation.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The sheet "Observations" of an XLSX workbook (else its first sheet), streamed row by row with
 * fastexcel-reader. Numbers come back as plain decimal text ("2024", "19.8") so that CSV and XLSX
 * cells go through the same parsing.
 */
final class XlsxTableReader implements TableReader {

    static final String SHEET = "Observations";

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private int lastRow;

    private XlsxTableReader(ReadableWorkbook workbook, Stream<Row> rows) {
        this.workbook = workbook;
        this.rows = rows;
        this.iterator = rows.iterator();
    }

    static XlsxTableReader open(Path file) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook(1, e);
        }
        try {
            Sheet sheet = workbook.findSheet(SHEET).orElseGet(workbook::getFirstSheet);
            return new XlsxTableReader(workbook, sheet.openStream());
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw notAWorkbook(1, e);
        }
    }

    @Override
    public TableRow next() {
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            lastRow = row.getRowNum();
            String[] cells = new String[row.getCellCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = text(row.getCell(i));
            }
            return new TableRow(lastRow, cells);
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw notAWorkbook(lastRow + 1, e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> plain((BigDecimal) cell.getValue());
            case STRING -> (String) cell.getValue();
            // TRUE/FALSE as words, not the 1/0 Excel stores, so a boolean is never taken for a number.
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            // A formula's cached result or an error such as "#N/A": its text, which the row parser
            // then accepts or refuses like any other text.
            default -> cell.getRawValue();
        };
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    private static UnreadableFileException notAWorkbook(int row, Exception e) {
        return new UnreadableFileException(row, "is not a readable XLSX workbook: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            workbook.close();
        }
    }
}
