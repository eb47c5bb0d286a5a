package org.policytracker.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.policytracker.security.AppUser;
import org.policytracker.system.Message;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/**
 * Replaces the state with a backup's, on the caller's connection and transaction: every table is
 * emptied, then the rows are inserted as they are read (streamed), then generated ids are set to
 * continue after the restored ones. Any problem throws, and the caller rolls everything back.
 */
final class BackupReader {

    private static final int BATCH = 1000;

    /** A backup that cannot be restored here, with the reason for the admin. */
    static final class RefusedBackup extends RuntimeException {

        private final String field;
        private final transient Message reason;

        RefusedBackup(String field, Message reason) {
            super(reason.code());
            this.field = field;
            this.reason = reason;
        }

        String field() {
            return field;
        }

        Message reason() {
            return reason;
        }
    }

    private BackupReader() {
    }

    /**
     * @param versionProblem why a backup of the given schema version cannot be restored here; null if it can
     * @return rows restored per table
     */
    static Map<String, Long> restore(Connection connection, InputStream in, Function<String, Message> versionProblem)
            throws IOException, SQLException {
        try (JsonParser json = new JsonFactory().createParser(in)) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "notAnObject");
            Map<String, String> header = new HashMap<>();
            Map<String, Long> restored = new LinkedHashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (BackupFormat.TABLES.equals(field)) {
                    checkHeader(header, versionProblem);
                    emptyAll(connection);
                    readTables(connection, json, restored);
                } else if (json.currentToken().isScalarValue()) {
                    header.put(field, json.getText());
                } else {
                    json.skipChildren();
                }
            }
            expect(!restored.isEmpty(), "noTables");
            for (String table : BackupTables.ALL) {
                expect(restored.containsKey(table), "lacksTable", "table", table);
            }
            checkUsers(connection);
            restartIdentities(connection);
            return restored;
        }
    }

    private static void checkHeader(Map<String, String> header, Function<String, Message> versionProblem) {
        if (!BackupFormat.FORMAT.equals(header.get(BackupFormat.FORMAT_FIELD))) {
            throw new RefusedBackup(BackupFormat.FORMAT_FIELD, Message.of("backup.notABackup", "format",
                    BackupFormat.FORMAT));
        }
        String version = header.get(BackupFormat.SCHEMA_VERSION);
        Message problem = version == null ? Message.of("backup.noVersion") : versionProblem.apply(version);
        if (problem != null) {
            throw new RefusedBackup(BackupFormat.SCHEMA_VERSION, problem);
        }
    }

    private static void emptyAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int i = BackupTables.ALL.size() - 1; i >= 0; i--) {
                statement.executeUpdate("DELETE FROM " + BackupTables.ALL.get(i));
            }
        }
    }

    private static void readTables(Connection connection, JsonParser json, Map<String, Long> restored)
            throws IOException, SQLException {
        expect(json.currentToken() == JsonToken.START_OBJECT, "tablesNotAnObject");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String table = json.currentName();
            expect(BackupTables.ALL.contains(table), "unknownTable", "table", Problems.quote(table));
            expect(!restored.containsKey(table), "tableTwice", "table", table);
            json.nextToken();
            restored.put(table, readTable(connection, table, json));
        }
    }

    private static long readTable(Connection connection, String table, JsonParser json)
            throws IOException, SQLException {
        expect(json.currentToken() == JsonToken.START_OBJECT, "tableNotAnObject", "table", table);
        expect(json.nextToken() == JsonToken.FIELD_NAME && BackupFormat.COLUMNS.equals(json.currentName())
                && json.nextToken() == JsonToken.START_ARRAY, "noColumns", "table", table);
        List<String> columns = new ArrayList<>();
        while (json.nextToken() == JsonToken.VALUE_STRING) {
            columns.add(json.getText().toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> types = columnTypes(connection, table);
        for (String column : columns) {
            expect(types.containsKey(column), "unknownColumn", "table", table, "column", Problems.quote(column));
        }
        expect(json.nextToken() == JsonToken.FIELD_NAME && BackupFormat.ROWS.equals(json.currentName())
                && json.nextToken() == JsonToken.START_ARRAY, "noRows", "table", table);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long count = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            while (json.nextToken() == JsonToken.START_ARRAY) {
                for (int c = 0; c < columns.size(); c++) {
                    expect(json.nextToken() != JsonToken.END_ARRAY, "rowTooShort", "table", table);
                    bind(insert, c + 1, types.get(columns.get(c)), json);
                }
                expect(json.nextToken() == JsonToken.END_ARRAY, "rowTooLong", "table", table);
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        expect(json.nextToken() == JsonToken.END_OBJECT, "fieldsAfterRows", "table", table);
        return count;
    }

    private static void bind(PreparedStatement insert, int index, int sqlType, JsonParser json)
            throws IOException, SQLException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            insert.setNull(index, sqlType);
            return;
        }
        switch (sqlType) {
            case Types.BIGINT -> insert.setLong(index, json.getLongValue());
            case Types.INTEGER, Types.SMALLINT -> insert.setInt(index, json.getIntValue());
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> insert.setDouble(index, json.getDoubleValue());
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, json.getDecimalValue());
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, json.getBooleanValue());
            case Types.DATE -> insert.setObject(index, temporal(json, LocalDate::parse));
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
                insert.setObject(index, temporal(json, OffsetDateTime::parse));
            default -> insert.setString(index, json.getText());
        }
    }

    /** A date or time cell; one that does not parse refuses the file (was a 500, found by the bad-input suite). */
    private static Object temporal(JsonParser json, Function<String, Object> parse)
            throws IOException {
        String text = json.getText();
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            throw new RefusedBackup("body", Message.of("backup.badTime", "value", Problems.quote(text), "at",
                    json.currentLocation().offsetDescription()));
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

    /** The file's shape: a part missing, misplaced, unknown or repeated refuses it (codes backup.shape.*). */
    /**
     * The restored users can sign in and someone can administer: every user name as a user could be created with,
     * every role one of viewer, analyst, admin, every password hash a bcrypt hash, and at least one admin (a restart
     * does not create one when users exist, so a backup without one would lock every admin out for good).
     */
    private static void checkUsers(Connection connection) throws SQLException {
        int admins = 0;
        try (Statement statement = connection.createStatement();
                ResultSet users = statement
                        .executeQuery("SELECT username, password_hash, role FROM tracker_user ORDER BY id")) {
            while (users.next()) {
                String username = users.getString(1);
                String role = users.getString(3);
                String quoted = Problems.quote(username);
                expect(username.matches(AppUser.USERNAME), "badUsername", "value", quoted);
                expect(Roles.ALL.contains(role), "badRole", "user", quoted, "value", Problems.quote(role),
                        "allowed", String.join(", ", Roles.ALL));
                expect(users.getString(2) != null && users.getString(2).matches(AppUser.PASSWORD_HASH),
                        "badPasswordHash", "user", quoted);
                if (Roles.ADMIN.equals(role)) {
                    admins++;
                }
            }
        }
        expect(admins > 0, "noAdmin");
    }

    private static void expect(boolean condition, String problem, Object... pairs) {
        if (!condition) {
            throw new RefusedBackup("body", Message.of("backup.shape." + problem, pairs));
        }
    }
}
