package org.policytracker.observation.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.policytracker.system.Message;

/**
 * The sheet "Observations" of an XLSX workbook (else its first sheet), streamed row by row with
 * fastexcel-reader. Numbers come back as plain decimal text ("2024", "19.8") so that CSV and XLSX
 * cells go through the same parsing. A cell formatted as a percentage comes back as the percentage it
 * shows: Excel stores 24.03 % as 0.2403, and this reader gives "24.03%", which the row parser accepts
 * for percent indicators and refuses, with a message, for any other.
 */
final class XlsxTableReader implements TableReader {

    static final String SHEET = "Observations";

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final UploadLimits limits;
    private int lastRow;
    private int rowsRead;

    private XlsxTableReader(ReadableWorkbook workbook, Stream<Row> rows, UploadLimits limits) {
        this.workbook = workbook;
        this.rows = rows;
        this.iterator = rows.iterator();
        this.limits = limits;
    }

    /**
     * Opens the workbook. {@link UploadLimits#check} has bounded what its parts unpack to before (fastexcel
     * holds a cell's text and the shared strings whole); rows, columns and cells are checked again here.
     */
    static XlsxTableReader open(Path file, UploadLimits limits) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook(1, e);
        }
        try {
            Sheet sheet = workbook.findSheet(SHEET).orElseGet(workbook::getFirstSheet);
            return new XlsxTableReader(workbook, sheet.openStream(), limits);
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
            if (++rowsRead - 1 > limits.maxRows()) {
                throw limits.rows(lastRow);
            }
            if (row.getCellCount() > limits.maxColumns()) {
                throw limits.columns(lastRow);
            }
            String[] cells = new String[row.getCellCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = text(row.getCell(i));
                if (cells[i] != null && cells[i].length() > limits.maxCellChars()) {
                    throw limits.cell(lastRow);
                }
            }
            return new TableRow(lastRow, cells);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever the library throws on a malformed part (an XMLStreamException wrapped in one of several
            // runtime exceptions, e.g. for an entity in the shared strings) is a file it cannot read, not a
            // failure of the server.
            throw notAWorkbook(lastRow + 1, e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> isPercentFormat(cell)
                    ? plain(((BigDecimal) cell.getValue()).movePointRight(2)) + "%"
                    : plain((BigDecimal) cell.getValue());
            case STRING -> (String) cell.getValue();
            // TRUE/FALSE as words, not the 1/0 Excel stores, so a boolean is never taken for a number.
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            // A formula's cached result or an error such as "#N/A": its text, which the row parser
            // then accepts or refuses like any other text.
            default -> cell.getRawValue();
        };
    }

    /** Excel's built-in percentage formats "0%" and "0.00%". */
    private static final int BUILT_IN_PERCENT = 9;
    private static final int BUILT_IN_PERCENT_DECIMALS = 10;

    /**
     * Whether the cell's number format shows the value times 100 with a percent sign: built-in
     * formats 9 and 10, or a custom format with a {@code %} outside quoted literal text.
     */
    static boolean isPercentFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id == BUILT_IN_PERCENT || id == BUILT_IN_PERCENT_DECIMALS)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        // Only the first section counts: it is the one positive numbers and zero use, and a
        // negative section of a percentage format is a percentage too.
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                i++;
            } else if (c == ';' && !quoted) {
                return false;
            } else if (c == '%' && !quoted) {
                return true;
            }
        }
        return false;
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    private static UnreadableFileException notAWorkbook(int row, Exception e) {
        return new UnreadableFileException(row, Message.of("file.notXlsx"), e);
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
