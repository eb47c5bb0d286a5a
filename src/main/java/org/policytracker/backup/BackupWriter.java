package org.policytracker.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Writes the whole state as one JSON document, streamed table by table and row by row, so its size
 * is not bounded by memory. Values are written in a database-independent way: numbers, booleans,
 * ISO dates and date-times, strings.
 */
final class BackupWriter {

    private static final int FETCH_SIZE = 1000;

    private BackupWriter() {
    }

    static void write(Connection connection, String schemaVersion, String createdBy, OffsetDateTime createdAt,
            OutputStream out) throws IOException, SQLException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField(BackupFormat.FORMAT_FIELD, BackupFormat.FORMAT);
            json.writeStringField(BackupFormat.SCHEMA_VERSION, schemaVersion);
            json.writeStringField(BackupFormat.CREATED_AT, createdAt.toString());
            json.writeStringField(BackupFormat.CREATED_BY, createdBy);
            json.writeObjectFieldStart(BackupFormat.TABLES);
            for (String table : BackupTables.ALL) {
                json.writeObjectFieldStart(table);
                writeTable(connection, table, json);
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void writeTable(Connection connection, String table, JsonGenerator json)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            String key = table.equals("seed_file") ? "name" : "id";
            try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + key)) {
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                json.writeArrayFieldStart(BackupFormat.COLUMNS);
                for (int c = 1; c <= columns; c++) {
                    json.writeString(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
                }
                json.writeEndArray();
                json.writeArrayFieldStart(BackupFormat.ROWS);
                while (rows.next()) {
                    json.writeStartArray();
                    for (int c = 1; c <= columns; c++) {
                        writeValue(rows, c, meta.getColumnType(c), json);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
        }
    }

    private static void writeValue(ResultSet rows, int column, int sqlType, JsonGenerator json)
            throws SQLException, IOException {
        Object value = switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> rows.getLong(column);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> rows.getDouble(column);
            case Types.NUMERIC, Types.DECIMAL -> rows.getBigDecimal(column);
            case Types.BOOLEAN, Types.BIT -> rows.getBoolean(column);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> rows.getObject(column, OffsetDateTime.class);
            default -> rows.getString(column);
        };
        if (rows.wasNull() || value == null) {
            json.writeNull();
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof BigDecimal b) {
            json.writeNumber(b);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }
}
