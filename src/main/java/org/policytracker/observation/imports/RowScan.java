package org.policytracker.observation.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over an import file: reads it row by row, parses each row and hands the parsed ones
 * over a batch at a time (for the database lookups and writes). Only the current batch is held in
 * memory, never the file.
 */
final class RowScan {

    /** Takes a batch of parsed rows; the list is reused after it returns. */
    interface BatchHandler {

        void handle(List<ParsedRow> batch) throws SQLException;
    }

    private final RowParser parser;
    private final int batchSize;
    private final int progressEvery;

    RowScan(RowParser parser, int batchSize, int progressEvery) {
        this.parser = parser;
        this.batchSize = batchSize;
        this.progressEvery = progressEvery;
    }

    /**
     * Reads every row. A row's own errors go to {@code errors}; with {@code keys} (pass 1), a
     * repeated (indicator, period) is an error too. {@code progress} runs every few thousand rows.
     */
    void scan(ObservationRows rows, RowKeys keys, ErrorCollector errors, Tally tally, BatchHandler handler,
            Runnable progress) throws SQLException {
        List<ParsedRow> batch = new ArrayList<>(batchSize);
        List<ImportError> rowErrors = new ArrayList<>();
        for (RawRow raw = rows.next(); raw != null; raw = rows.next()) {
            tally.read++;
            ParsedRow row = accept(raw, keys, rowErrors, tally);
            errors.addAll(rowErrors);
            rowErrors.clear();
            if (row != null) {
                batch.add(row);
                if (batch.size() >= batchSize) {
                    handler.handle(batch);
                    batch.clear();
                }
            }
            if (tally.read % progressEvery == 0) {
                progress.run();
            }
        }
        if (!batch.isEmpty()) {
            handler.handle(batch);
        }
    }

    private ParsedRow accept(RawRow raw, RowKeys keys, List<ImportError> rowErrors, Tally tally) {
        if (raw.isUnfilled()) {
            tally.skipped++;
            return null;
        }
        ParsedRow row = parser.parse(raw, rowErrors);
        if (row == null || keys == null) {
            return row;
        }
        int first = keys.firstRowOf(row.indicator().id(), row.period().iso(), row.figure().basis(), row.row());
        if (first != 0) {
            rowErrors.add(ImportError.of(row.row(), ValueFile.PERIOD.header(), "row.twice", "first", first)
                    .about(row.indicator().code(), row.period().iso()));
            return null;
        }
        return row;
    }
}
