package org.policytracker.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.policytracker.system.Message;
import org.policytracker.system.Problems;

/**
 * Reads a backup file once, streamed, and hands its header, each table's columns and each row to a {@link Handler}:
 * the check ({@link BackupCheck}) and the restore ({@link BackupReader}) read the file the same way. A file whose
 * shape is wrong (not JSON, a part missing, misplaced or repeated) cannot be read further and throws
 * {@link RefusedBackup}.
 */
final class BackupFile {

    /** One cell as the file has it: its JSON token and its text (null for JSON null). */
    record Cell(JsonToken token, String text) {

        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /** What a reader of the file does with its parts. */
    interface Handler {

        /** The header fields (format, schemaVersion…), before the tables; false stops reading. */
        boolean header(Map<String, String> header);

        /** A table's columns; false skips its rows. */
        boolean table(String table, List<String> columns) throws SQLException;

        /** One row of the table, {@code index} from 0. */
        void row(String table, long index, List<Cell> cells) throws SQLException;

        /** The table's rows are over. */
        void endTable(String table, long rows) throws SQLException;
    }

    /** A file that cannot be read as a backup, with the reason for the admin. */
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

    private BackupFile() {
    }

    /** Reads the whole file; answers the tables it held, in the file's order. */
    static List<String> read(InputStream in, Handler handler) throws IOException, SQLException {
        try (JsonParser json = new JsonFactory().createParser(in)) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "notAnObject");
            Map<String, String> header = new HashMap<>();
            List<String> tables = new ArrayList<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (BackupFormat.TABLES.equals(field)) {
                    if (!handler.header(header)) {
                        return tables;
                    }
                    readTables(json, handler, tables);
                } else if (json.currentToken().isScalarValue()) {
                    header.put(field, json.getText());
                } else {
                    json.skipChildren();
                }
            }
            expect(!tables.isEmpty(), "noTables");
            return tables;
        }
    }

    private static void readTables(JsonParser json, Handler handler, List<String> tables)
            throws IOException, SQLException {
        expect(json.currentToken() == JsonToken.START_OBJECT, "tablesNotAnObject");
        Set<String> seen = new HashSet<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String table = json.currentName();
            expect(BackupTables.ALL.contains(table), "unknownTable", "table", Problems.quote(table));
            expect(seen.add(table), "tableTwice", "table", table);
            tables.add(table);
            json.nextToken();
            readTable(json, table, handler);
        }
    }

    private static void readTable(JsonParser json, String table, Handler handler) throws IOException, SQLException {
        expect(json.currentToken() == JsonToken.START_OBJECT, "tableNotAnObject", "table", table);
        expect(json.nextToken() == JsonToken.FIELD_NAME && BackupFormat.COLUMNS.equals(json.currentName())
                && json.nextToken() == JsonToken.START_ARRAY, "noColumns", "table", table);
        List<String> columns = new ArrayList<>();
        while (json.nextToken() == JsonToken.VALUE_STRING) {
            columns.add(json.getText().toLowerCase(Locale.ROOT));
        }
        expect(json.currentToken() == JsonToken.END_ARRAY, "noColumns", "table", table);
        boolean rows = handler.table(table, columns);
        expect(json.nextToken() == JsonToken.FIELD_NAME && BackupFormat.ROWS.equals(json.currentName())
                && json.nextToken() == JsonToken.START_ARRAY, "noRows", "table", table);
        long count = 0;
        while (json.nextToken() == JsonToken.START_ARRAY) {
            List<Cell> cells = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                JsonToken token = json.nextToken();
                expect(token != JsonToken.END_ARRAY, "rowTooShort", "table", table);
                if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                    json.skipChildren();
                    cells.add(new Cell(token, null));
                } else {
                    cells.add(new Cell(token, token == JsonToken.VALUE_NULL ? null : json.getText()));
                }
            }
            expect(json.nextToken() == JsonToken.END_ARRAY, "rowTooLong", "table", table);
            if (rows) {
                handler.row(table, count, cells);
            }
            count++;
        }
        expect(json.currentToken() == JsonToken.END_ARRAY, "noRows", "table", table);
        expect(json.nextToken() == JsonToken.END_OBJECT, "fieldsAfterRows", "table", table);
        handler.endTable(table, count);
    }

    static void expect(boolean condition, String problem, Object... pairs) {
        if (!condition) {
            throw new RefusedBackup("body", Message.of("backup.shape." + problem, pairs));
        }
    }
}
