package org.policytracker.observation.imports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policytracker.observation.Figure;
import org.policytracker.observation.imports.TableReader.TableRow;
import org.policytracker.system.Message;

/** The rows of an import file, by column name: the header row first, then one {@link RawRow} at a time. */
final class ObservationRows implements Closeable {

    private final TableReader table;
    private final ImportHeader header;

    private ObservationRows(TableReader table, ImportHeader header) {
        this.table = table;
        this.header = header;
    }

    /** Opens the file and reads its header row; throws {@link UnreadableFileException} if it cannot. */
    static ObservationRows open(FileFormat format, Path file, UploadLimits limits) throws IOException {
        TableReader table = TableReader.open(format, file, limits);
        try {
            TableRow first = table.next();
            if (first == null) {
                throw new UnreadableFileException(1, Message.of("file.empty", "allowed", ValueFile.allowed()), null);
            }
            return new ObservationRows(table, ImportHeader.of(first.number(), first.cells()));
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /** Unknown, repeated or missing columns; when there are any, the rows are not read. */
    List<ImportError> headerErrors() {
        return header.errors();
    }

    /** The next data row, or null after the last one. */
    RawRow next() {
        TableRow row = table.next();
        if (row == null) {
            return null;
        }
        String[] cells = row.cells();
        Map<String, String> figure = new HashMap<>();
        for (String field : Figure.FIELDS) {
            String cell = header.cell(cells, field);
            if (cell != null) {
                figure.put(field, cell);
            }
        }
        return new RawRow(row.number(), header.cell(cells, ValueFile.INDICATOR), header.cell(cells, ValueFile.PERIOD),
                figure);
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
