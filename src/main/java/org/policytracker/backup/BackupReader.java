package org.policytracker.backup;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second pass of a restore, once {@link BackupCheck} found nothing wrong: replaces the state with the backup's,
 * on the caller's connection and transaction. Every table but the audit trail is emptied, then the rows are inserted
 * as they are read (streamed), then generated ids are set to continue after the restored ones. The audit trail is
 * append-only: no live entry is deleted or changed; the backup's entries are appended as restored history
 * ({@code restored_from} = the backup's SHA-256, {@code original_id} = their id in the backup), except those the
 * trail already has (this instance's own entries, or ones an earlier restore brought). Anything the database refuses
 * throws, and the caller rolls everything back.
 */
final class BackupReader implements BackupFile.Handler {

    private static final int BATCH = 1000;

    /** What the restore did, for its answer and its own audit entry. */
    record Outcome(Map<String, Long> rows, long auditRestored, long auditAlreadyKept) {
    }

    private static final String AUDIT = "audit_event";
    private static final String INSERT_AUDIT = "INSERT INTO audit_event (occurred_at, actor, action, indicator_code,"
            + " target_code, period, before_state, after_state, restored_from, original_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final List<String> AUDIT_CONTENT = List.of("occurred_at", "actor", "action", "indicator_code",
            "target_code", "period", "before_state", "after_state");

    private final Connection connection;
    private final String sha256;
    private final Map<String, Long> restored = new LinkedHashMap<>();
    private long auditRestored;
    private long auditAlreadyKept;

    private List<String> columns;
    private Map<String, Integer> types;
    private PreparedStatement insert;
    private long pending;
    private PreparedStatement sameLive;
    private PreparedStatement sameRestored;

    private BackupReader(Connection connection, String sha256) {
        this.connection = connection;
        this.sha256 = sha256;
    }

    /**
     * @param sha256 the backup file's hash, which its restored audit entries keep
     */
    static Outcome restore(Connection connection, InputStream in, String sha256) throws IOException, SQLException {
        BackupReader reader = new BackupReader(connection, sha256);
        emptyAllButTheAuditTrail(connection);
        try {
            BackupFile.read(in, reader);
        } finally {
            reader.closeStatements();
        }
        restartIdentities(connection);
        return new Outcome(reader.restored, reader.auditRestored, reader.auditAlreadyKept);
    }

    private static void emptyAllButTheAuditTrail(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int i = BackupTables.ALL.size() - 1; i >= 0; i--) {
                if (!BackupTables.ALL.get(i).equals(AUDIT)) {
                    statement.executeUpdate("DELETE FROM " + BackupTables.ALL.get(i));
                }
            }
            for (String table : BackupTables.NOT_BACKED_UP) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Override
    public boolean header(Map<String, String> header) {
        return true; // checked by BackupCheck
    }

    @Override
    public boolean table(String table, List<String> columns) throws SQLException {
        this.columns = columns;
        this.types = columnTypes(connection, table);
        this.pending = 0;
        if (table.equals(AUDIT)) {
            insert = connection.prepareStatement(INSERT_AUDIT);
            sameLive = connection.prepareStatement("SELECT occurred_at, actor, action FROM audit_event"
                    + " WHERE id = ? AND restored_from IS NULL");
            sameRestored = connection.prepareStatement("SELECT 1 FROM audit_event WHERE restored_from = ?"
                    + " AND original_id = ?");
        } else {
            insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")");
        }
        return true;
    }

    @Override
    public void row(String table, long index, List<BackupFile.Cell> cells) throws SQLException {
        if (table.equals(AUDIT)) {
            auditRow(cells);
            return;
        }
        for (int c = 0; c < columns.size(); c++) {
            bind(insert, c + 1, types.get(columns.get(c)), cells.get(c));
        }
        add();
    }

    private void add() throws SQLException {
        insert.addBatch();
        if (++pending % BATCH == 0) {
            insert.executeBatch();
        }
    }

    /** One entry of the backup's audit trail, appended as restored history unless the trail has it already. */
    private void auditRow(List<BackupFile.Cell> cells) throws SQLException {
        Map<String, BackupFile.Cell> row = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            row.put(columns.get(c), cells.get(c));
        }
        String restoredFrom = text(row.get("restored_from"));
        Long originalId = restoredFrom != null ? number(row.get("original_id")) : number(row.get("id"));
        if (restoredFrom == null) {
            restoredFrom = sha256;
        }
        if (alreadyKept(row, restoredFrom, originalId)) {
            auditAlreadyKept++;
            return;
        }
        for (int c = 0; c < AUDIT_CONTENT.size(); c++) {
            String column = AUDIT_CONTENT.get(c);
            bind(insert, c + 1, types.get(column), row.getOrDefault(column, new BackupFile.Cell(JsonToken.VALUE_NULL,
                    null)));
        }
        insert.setString(9, restoredFrom);
        if (originalId == null) {
            insert.setNull(10, Types.BIGINT);
        } else {
            insert.setLong(10, originalId);
        }
        add();
        auditRestored++;
    }

    /**
     * The trail has this entry already: it is this instance's own (same id, time, actor and action, never restored),
     * or it was restored before from the same backup entry.
     */
    private boolean alreadyKept(Map<String, BackupFile.Cell> row, String restoredFrom, Long originalId)
            throws SQLException {
        if (originalId == null) {
            return false;
        }
        if (text(row.get("restored_from")) == null) {
            sameLive.setLong(1, originalId);
            try (ResultSet live = sameLive.executeQuery()) {
                if (live.next() && String.valueOf(live.getObject(1, OffsetDateTime.class).toInstant())
                        .equals(instant(text(row.get("occurred_at"))))
                        && live.getString(2).equals(text(row.get("actor")))
                        && live.getString(3).equals(text(row.get("action")))) {
                    return true;
                }
            }
        }
        sameRestored.setString(1, restoredFrom);
        sameRestored.setLong(2, originalId);
        try (ResultSet restoredBefore = sameRestored.executeQuery()) {
            return restoredBefore.next();
        }
    }

    private static String instant(String time) {
        return time == null ? null : String.valueOf(OffsetDateTime.parse(time).toInstant());
    }

    private static String text(BackupFile.Cell cell) {
        return cell == null ? null : cell.text();
    }

    private static Long number(BackupFile.Cell cell) {
        return cell == null || cell.text() == null ? null : Long.valueOf(cell.text());
    }

    @Override
    public void endTable(String table, long rows) throws SQLException {
        insert.executeBatch();
        restored.put(table, rows);
        closeStatements();
    }

    private void closeStatements() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[]{insert, sameLive, sameRestored}) {
            if (statement != null) {
                statement.close();
            }
        }
        insert = null;
        sameLive = null;
        sameRestored = null;
    }

    private static void bind(PreparedStatement insert, int index, int sqlType, BackupFile.Cell cell)
            throws SQLException {
        if (cell.isNull()) {
            insert.setNull(index, sqlType);
            return;
        }
        String text = cell.text();
        switch (sqlType) {
            case Types.BIGINT -> insert.setLong(index, Long.parseLong(text));
            case Types.INTEGER, Types.SMALLINT -> insert.setInt(index, Integer.parseInt(text));
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> insert.setDouble(index, Double.parseDouble(text));
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, new BigDecimal(text));
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, Boolean.parseBoolean(text));
            case Types.DATE -> insert.setObject(index, LocalDate.parse(text));
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> insert.setObject(index, OffsetDateTime.parse(text));
            default -> insert.setString(index, text);
        }
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = empty.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                types.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), meta.getColumnType(c));
            }
        }
        return types;
    }

    /** Generated ids continue after the restored ones. */
    private static void restartIdentities(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (Statement statement = connection.createStatement()) {
            for (String table : BackupTables.WITH_IDENTITY) {
                long next;
                try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                    max.next();
                    next = max.getLong(1);
                }
                statement.execute(postgres
                        ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                        : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

}
