package org.policytracker.observation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policytracker.audit.AuditLog;
import org.policytracker.system.ChangeStamp;

/**
 * The one write path of values: a value entered in the web app and a million-row import are written
 * by the same statements, from the same {@link Revision}s that {@link Observation}'s rules decide, so
 * they leave identical rows. JDBC batches on the transaction's connection (plain SQL that runs on H2
 * and PostgreSQL); the caller's transaction makes a batch all or nothing.
 *
 * <p>
 * {@link #find} reads the rows a batch will change, locked ({@code FOR UPDATE}) when they are to be
 * written, so nobody changes them between the decision and the write. {@link #add} queues a revision's
 * writes and {@link #flush} sends them; an update whose row moved on meanwhile fails the flush.
 */
public final class ObservationStore implements AutoCloseable {

    private static final String ROW_COLUMNS = "id, indicator_id, period, period_type, period_start, period_end, "
            + Figure.COLUMNS + ", created_by, created_at, updated_by, updated_at, deleted_at, version";
    private static final String FIGURE_MARKS = marks(Figure.COLUMN_COUNT);
    private static final String INSERT_OBSERVATION = "INSERT INTO observation (indicator_id, period, period_type,"
            + " period_start, period_end, " + Figure.COLUMNS + ", created_by, created_at, updated_by, updated_at,"
            + " deleted_at, version) VALUES (?, ?, ?, ?, ?, " + FIGURE_MARKS + ", ?, ?, ?, ?, ?, ?)";
    // The version check makes a concurrent change of the row fail the write instead of being overwritten.
    private static final String UPDATE_OBSERVATION = "UPDATE observation SET (" + Figure.COLUMNS
            + ", updated_by, updated_at, deleted_at, version) = (" + FIGURE_MARKS + ", ?, ?, ?, ?)"
            + " WHERE id = ? AND version = ?";
    private static final String CLOSE_VINTAGE = "UPDATE observation_vintage SET superseded_at = ?, superseded_by = ?"
            + " WHERE indicator_id = ? AND period = ? AND basis IS NOT DISTINCT FROM ? AND superseded_at IS NULL";
    private static final String INSERT_VINTAGE = "INSERT INTO observation_vintage (indicator_id, period, period_end, "
            + Figure.COLUMNS + ", recorded_by, recorded_at) VALUES (?, ?, ?, " + FIGURE_MARKS + ", ?, ?)";

    private final PreparedStatement insertObservation;
    private final PreparedStatement updateObservation;
    private final PreparedStatement closeVintage;
    private final PreparedStatement insertVintage;
    private final AuditLog.Batch audit;
    private final List<Revision> updates = new ArrayList<>();
    private final ChangeStamp stamp;
    private boolean stamped;

    /** A store that records an audit event for every value it writes, as single entry does. */
    public ObservationStore(Connection connection, AuditLog auditLog, ChangeStamp stamp) throws SQLException {
        this(connection, auditLog.batch(connection), stamp);
    }

    private ObservationStore(Connection connection, AuditLog.Batch audit, ChangeStamp stamp) throws SQLException {
        this.stamp = stamp;
        this.insertObservation = connection.prepareStatement(INSERT_OBSERVATION);
        this.updateObservation = connection.prepareStatement(UPDATE_OBSERVATION);
        this.closeVintage = connection.prepareStatement(CLOSE_VINTAGE);
        this.insertVintage = connection.prepareStatement(INSERT_VINTAGE);
        this.audit = audit;
    }

    /**
     * A store for a bulk import: the same rows, but no audit event per value; the import records one event of
     * its own (who imported which file, with its hash and counts), and each value's who and when stays in
     * its vintage ({@code recorded_by}, {@code recorded_at}, {@code superseded_by}), which this store writes
     * for every value as single entry does.
     */
    public static ObservationStore withoutValueAudit(Connection connection, ChangeStamp stamp) throws SQLException {
        return new ObservationStore(connection, (AuditLog.Batch) null, stamp);
    }

    /**
     * The key of an observation among the stored ones: indicator, period and series basis (null for an
     * indicator with one definition). The same period holds one value per basis.
     */
    public static String key(long indicatorId, String period, String basis) {
        return indicatorId + "|" + period + "|" + (basis == null ? "" : basis);
    }

    /**
     * The stored rows (deleted or not) of these periods of these indicators, on every basis, by {@link #key}. With
     * {@code lock}, they stay locked until the transaction ends. One query per indicator: a cross
     * product of two IN lists could match many rows outside the batch (a file sorted by period spans
     * every indicator), this matches only its keys.
     */
    public static Map<String, Observation> find(Connection connection, Map<Long, ? extends Collection<String>> periods,
            boolean lock) throws SQLException {
        Map<String, Observation> found = new HashMap<>();
        for (Map.Entry<Long, ? extends Collection<String>> entry : periods.entrySet()) {
            String sql = "SELECT " + ROW_COLUMNS + " FROM observation WHERE indicator_id = ? AND period IN ("
                    + marks(entry.getValue().size()) + ")" + (lock ? " FOR UPDATE" : "");
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setLong(1, entry.getKey());
                int i = 2;
                for (String period : entry.getValue()) {
                    query.setString(i++, period);
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Observation row = read(rs);
                        found.put(key(row.indicatorId, row.period, row.figure.basis()), row);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The current levels of an indicator (each period's value stated as a level, exact, bound or about), as
     * the plausibility rule compares a new value with them ({@link ObservationRules#implausible}).
     */
    public static List<ObservationRules.Reference> levels(Connection connection, long indicatorId)
            throws SQLException {
        List<ObservationRules.Reference> levels = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT period, obs_value FROM observation"
                + " WHERE indicator_id = ? AND form = 'LEVEL' AND deleted_at IS NULL")) {
            query.setLong(1, indicatorId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Period period = Period.parse(rs.getString(1)).orElseThrow();
                    levels.add(ObservationRules.Reference.stored(period, rs.getDouble(2)));
                }
            }
        }
        return levels;
    }

    /** Queues the writes of a revision; {@code indicatorCode} names the indicator in the audit log. */
    public void add(Revision revision, String indicatorCode) throws SQLException {
        if (!revision.writes()) {
            return;
        }
        if (!stamped) {
            stamp.touch(); // the dashboard shows values: their transaction increases the change stamp
            stamped = true;
        }
        Observation row = revision.row();
        if (revision.kind() == Revision.Kind.CREATE) {
            addInsert(row);
        } else {
            addUpdate(revision);
        }
        if (revision.kind().closesVintage()) {
            closeVintage.setObject(1, row.updatedAt);
            closeVintage.setString(2, row.updatedBy);
            closeVintage.setLong(3, row.indicatorId);
            closeVintage.setString(4, row.period);
            closeVintage.setString(5, row.figure.basis());
            closeVintage.addBatch();
        }
        if (revision.kind().opensVintage()) {
            insertVintage.setLong(1, row.indicatorId);
            insertVintage.setString(2, row.period);
            insertVintage.setObject(3, row.periodEnd);
            int next = row.figure.bind(insertVintage, 4);
            insertVintage.setString(next, row.updatedBy);
            insertVintage.setObject(next + 1, row.updatedAt);
            insertVintage.addBatch();
        }
        if (audit != null) {
            audit.add(revision.kind().action(), row.updatedBy, row.updatedAt, indicatorCode, null, row.period,
                    revision.before(), revision.after());
        }
    }

    /**
     * Sends the queued writes. The vintages in force are closed before the new ones go in, else the close
     * (which matches "superseded_at IS NULL") would close the new ones too.
     *
     * @throws ConcurrentChange when a row was changed by someone else since it was read
     */
    public void flush() throws SQLException {
        closeVintage.executeBatch();
        insertObservation.executeBatch();
        int[] updated = updateObservation.executeBatch();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1 && updated[i] != Statement.SUCCESS_NO_INFO) {
                throw new ConcurrentChange(updates.get(i));
            }
        }
        updates.clear();
        insertVintage.executeBatch();
        if (audit != null) {
            audit.flush();
        }
    }

    private void addInsert(Observation row) throws SQLException {
        PreparedStatement s = insertObservation;
        s.setLong(1, row.indicatorId);
        s.setString(2, row.period);
        s.setString(3, row.periodType.name());
        s.setObject(4, row.periodStart);
        s.setObject(5, row.periodEnd);
        int next = row.figure.bind(s, 6);
        s.setString(next, row.createdBy);
        s.setObject(next + 1, row.createdAt);
        s.setString(next + 2, row.updatedBy);
        s.setObject(next + 3, row.updatedAt);
        setTime(s, next + 4, row.deletedAt);
        s.setLong(next + 5, row.version);
        s.addBatch();
    }

    private void addUpdate(Revision revision) throws SQLException {
        Observation row = revision.row();
        PreparedStatement s = updateObservation;
        int next = row.figure.bind(s, 1);
        s.setString(next, row.updatedBy);
        s.setObject(next + 1, row.updatedAt);
        setTime(s, next + 2, row.deletedAt);
        s.setLong(next + 3, row.version);
        s.setLong(next + 4, row.id);
        s.setLong(next + 5, revision.versionRead());
        s.addBatch();
        updates.add(revision);
    }

    private static Observation read(ResultSet rs) throws SQLException {
        Observation o = new Observation();
        o.id = rs.getLong("id");
        o.indicatorId = rs.getLong("indicator_id");
        o.period = rs.getString("period");
        o.periodType = PeriodType.valueOf(rs.getString("period_type"));
        o.periodStart = rs.getObject("period_start", LocalDate.class);
        o.periodEnd = rs.getObject("period_end", LocalDate.class);
        o.figure = Figure.read(rs);
        o.createdBy = rs.getString("created_by");
        o.createdAt = rs.getObject("created_at", OffsetDateTime.class);
        o.updatedBy = rs.getString("updated_by");
        o.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        o.deletedAt = rs.getObject("deleted_at", OffsetDateTime.class);
        o.version = rs.getLong("version");
        return o;
    }

    private static void setTime(PreparedStatement s, int index, OffsetDateTime time) throws SQLException {
        if (time == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, time);
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    @Override
    public void close() throws SQLException {
        try (insertObservation; updateObservation; closeVintage; insertVintage; AuditLog.Batch a = audit) {
            // closes every statement, even when one close fails
        }
    }

    /** A row changed between its lookup and the write (possible only where it was read without the lock). */
    public static final class ConcurrentChange extends RuntimeException {

        private final transient Revision revision;

        ConcurrentChange(Revision revision) {
            super("The value for " + revision.row().period + " was changed by someone else meanwhile");
            this.revision = revision;
        }

        public Revision revision() {
            return revision;
        }
    }
}
