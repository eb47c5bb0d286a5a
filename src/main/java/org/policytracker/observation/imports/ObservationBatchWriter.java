package org.policytracker.observation.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.observation.ObservationViews.AuditedState;

/**
 * Writes import rows with JDBC batches on the transaction's connection, exactly as
 * ObservationService writes one value: the observation row, its vintage (closing the current one
 * on a correction) and an audit event with the state before and after. Plain SQL that runs on H2
 * and PostgreSQL.
 */
final class ObservationBatchWriter implements AutoCloseable {

    private static final String INSERT_OBSERVATION = "INSERT INTO observation (indicator_id, period, period_type,"
            + " period_start, period_end, obs_value, form, source, note, series_break, created_by, created_at,"
            + " updated_by, updated_at, deleted_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)";
    // The version check makes a concurrent change of the row fail the import instead of being overwritten.
    private static final String UPDATE_OBSERVATION = "UPDATE observation SET obs_value = ?, form = ?, source = ?,"
            + " note = ?, series_break = ?, updated_by = ?, updated_at = ?, deleted_at = NULL, version = version + 1"
            + " WHERE id = ? AND version = ?";
    private static final String CLOSE_VINTAGE = "UPDATE observation_vintage SET superseded_at = ?, superseded_by = ?"
            + " WHERE indicator_id = ? AND period = ? AND superseded_at IS NULL";
    private static final String INSERT_VINTAGE = "INSERT INTO observation_vintage (indicator_id, period, period_end,"
            + " obs_value, form, source, note, series_break, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_event (occurred_at, actor, action, indicator_code,"
            + " target_code, period, before_state, after_state) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)";

    private final AuditLog audit;
    private final String actor;
    private final OffsetDateTime now;
    private final PreparedStatement insertObservation;
    private final PreparedStatement updateObservation;
    private final PreparedStatement closeVintage;
    private final PreparedStatement insertVintage;
    private final PreparedStatement insertAudit;
    private final List<ParsedRow> updatedRows = new ArrayList<>();

    ObservationBatchWriter(Connection connection, AuditLog audit, String actor, OffsetDateTime now)
            throws SQLException {
        this.audit = audit;
        this.actor = actor;
        this.now = now;
        this.insertObservation = connection.prepareStatement(INSERT_OBSERVATION);
        this.updateObservation = connection.prepareStatement(UPDATE_OBSERVATION);
        this.closeVintage = connection.prepareStatement(CLOSE_VINTAGE);
        this.insertVintage = connection.prepareStatement(INSERT_VINTAGE);
        this.insertAudit = connection.prepareStatement(INSERT_AUDIT);
    }

    /** Adds one row's writes to the batches; {@link #flush()} sends them. */
    void add(ParsedRow row, RowDecision decision, ExistingValue existing) throws SQLException {
        switch (decision) {
            case CREATE -> {
                addInsert(row);
                addAudit(row, AuditAction.OBSERVATION_CREATED, null, 0);
            }
            case REVIVE -> {
                addUpdate(row, existing);
                addAudit(row, AuditAction.OBSERVATION_CREATED, existing.audited(), existing.version() + 1);
            }
            case CORRECT -> {
                addCloseVintage(row);
                addUpdate(row, existing);
                addAudit(row, AuditAction.OBSERVATION_CORRECTED, existing.audited(), existing.version() + 1);
            }
            case UNCHANGED, CONFLICT -> {
                return; // nothing to write; a conflict never reaches the writer
            }
        }
        addVintage(row);
    }

    /**
     * Sends the batches. The current vintages are closed before the new ones go in, else the close
     * (which matches "superseded_at IS NULL") would close the new ones too.
     */
    void flush() throws SQLException {
        closeVintage.executeBatch();
        insertObservation.executeBatch();
        int[] updated = updateObservation.executeBatch();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1 && updated[i] != Statement.SUCCESS_NO_INFO) {
                throw new ConcurrentChangeException(updatedRows.get(i));
            }
        }
        updatedRows.clear();
        insertVintage.executeBatch();
        insertAudit.executeBatch();
    }

    private void addInsert(ParsedRow row) throws SQLException {
        PreparedStatement s = insertObservation;
        s.setLong(1, row.indicator().id());
        s.setString(2, row.period().iso());
        s.setString(3, row.period().type().name());
        s.setObject(4, row.period().start());
        s.setObject(5, row.period().end());
        setValue(s, 6, row);
        s.setString(11, actor);
        s.setObject(12, now);
        s.setString(13, actor);
        s.setObject(14, now);
        s.addBatch();
    }

    private void addUpdate(ParsedRow row, ExistingValue existing) throws SQLException {
        PreparedStatement s = updateObservation;
        setValue(s, 1, row);
        s.setString(6, actor);
        s.setObject(7, now);
        s.setLong(8, existing.id());
        s.setLong(9, existing.version());
        s.addBatch();
        updatedRows.add(row);
    }

    private void addCloseVintage(ParsedRow row) throws SQLException {
        closeVintage.setObject(1, now);
        closeVintage.setString(2, actor);
        closeVintage.setLong(3, row.indicator().id());
        closeVintage.setString(4, row.period().iso());
        closeVintage.addBatch();
    }

    private void addVintage(ParsedRow row) throws SQLException {
        PreparedStatement s = insertVintage;
        s.setLong(1, row.indicator().id());
        s.setString(2, row.period().iso());
        s.setObject(3, row.period().end());
        setValue(s, 4, row);
        s.setString(9, actor);
        s.setObject(10, now);
        s.addBatch();
    }

    private void addAudit(ParsedRow row, AuditAction action, AuditedState before, long versionAfter)
            throws SQLException {
        AuditedState after = new AuditedState(row.period().iso(), row.value(), row.form(), row.source(), row.note(),
                row.seriesBreak(), versionAfter);
        insertAudit.setObject(1, now);
        insertAudit.setString(2, actor);
        insertAudit.setString(3, action.name());
        insertAudit.setString(4, row.indicator().code());
        insertAudit.setString(5, row.period().iso());
        setText(insertAudit, 6, audit.toJson(before));
        setText(insertAudit, 7, audit.toJson(after));
        insertAudit.addBatch();
    }

    /** value, form, source, note, series_break from {@code first} on: the same five columns everywhere. */
    private static void setValue(PreparedStatement s, int first, ParsedRow row) throws SQLException {
        s.setDouble(first, row.value());
        s.setString(first + 1, row.form().name());
        setText(s, first + 2, row.source());
        setText(s, first + 3, row.note());
        setText(s, first + 4, row.seriesBreak());
    }

    private static void setText(PreparedStatement s, int index, String text) throws SQLException {
        if (text == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, text);
        }
    }

    @Override
    public void close() throws SQLException {
        try (insertObservation; updateObservation; closeVintage; insertVintage; insertAudit) {
            // closes every statement, even when one close fails
        }
    }

    /** A row changed between the lookup and the write (only possible without the row lock). */
    static final class ConcurrentChangeException extends RuntimeException {

        private final transient ParsedRow row;

        ConcurrentChangeException(ParsedRow row) {
            super("The value of " + row.indicator().code() + " for " + row.period().iso() + " was changed by someone "
                    + "else during the import; nothing was written. Import the file again.");
            this.row = row;
        }

        ImportError toError() {
            return new ImportError(row.row(), ImportColumn.PERIOD.header(), getMessage());
        }
    }
}
