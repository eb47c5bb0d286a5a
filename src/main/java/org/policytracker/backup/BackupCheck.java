package org.policytracker.backup;

import com.fasterxml.jackson.core.JsonToken;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policytracker.audit.AuditAction;
import org.policytracker.backup.BackupFile.Cell;
import org.policytracker.security.AppUser;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Message;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/**
 * The first pass of a restore: reads the whole backup and writes nothing, collecting every problem that would make
 * it fail or leave a state the application cannot work with, each naming its table, row and column
 * ({@code tables.observation.rows[3].indicator_id}) and what is allowed:
 * <ul>
 * <li>the header: the format, a schema version this application can read (not a newer or unknown one);
 * <li>the tables: every table of the schema, no unknown column, each cell of its column's type, no empty cell in a
 * column that needs a value, no text longer than its column;
 * <li>referential integrity inside the file: a target's document and indicators, a value's and a vintage's
 * indicator, a vintage's value (indicator, period, basis), a milestone state's target, a judgement's target code, a
 * catalogue entry revision's revision — each must be a row of the backup;
 * <li>the users: valid user names (each once), known roles, bcrypt hashes, at least one admin;
 * <li>the audit trail: known actions only.
 * </ul>
 * User names in "who" columns (created_by, actor, recorded_by…) are history, not references: single sign-on users
 * are not in tracker_user. Anything the database would still refuse (a duplicate key, say) is refused by the
 * second pass inside its transaction, which then rolls back.
 */
final class BackupCheck implements BackupFile.Handler {

    /** Problems listed at most; the rest are counted. */
    static final int MAX_LISTED = 100;

    /** A column of the schema: its JDBC type, whether it may be null, its length (text) or 0. */
    record Column(int type, boolean nullable, int length) {
    }

    /** A column that names a row of another table. */
    private record Reference(String table, String column, String parent, String key) {
    }

    private static final List<Reference> REFERENCES = List.of(
            new Reference("target", "document_id", "document", "id"),
            new Reference("target", "indicator_id", "indicator", "id"),
            new Reference("target", "related_indicator_id", "indicator", "id"),
            new Reference("observation", "indicator_id", "indicator", "id"),
            new Reference("observation_vintage", "indicator_id", "indicator", "id"),
            new Reference("milestone_update", "target_id", "target", "id"),
            new Reference("target_judgement", "target_code", "target", "code"),
            new Reference("catalogue_entry_revision", "revision_id", "catalogue_revision", "id"));

    /** The keys other tables refer to, per table. */
    private static final Map<String, List<String>> KEYS = Map.of("document", List.of("id"), "indicator",
            List.of("id"), "target", List.of("id", "code"), "catalogue_revision", List.of("id"));

    private final Map<String, Map<String, Column>> schema;
    private final Function<String, Message> versionProblem;
    private final List<FieldMessage> problems = new ArrayList<>();
    private long unlisted;

    private final Map<String, Set<String>> keys = new HashMap<>();
    private final Set<String> tablesRead = new HashSet<>();
    private final Set<String> observationKeys = new HashSet<>();
    private final Set<String> usernames = new HashSet<>();
    private int admins;

    private List<String> columns = List.of();
    private Map<String, String> header = Map.of();

    private BackupCheck(Map<String, Map<String, Column>> schema, Function<String, Message> versionProblem) {
        this.schema = schema;
        this.versionProblem = versionProblem;
    }

    /** The tables' columns as this database has them. */
    static Map<String, Map<String, Column>> schema(Connection connection) throws SQLException {
        Map<String, Map<String, Column>> schema = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : BackupTables.ALL) {
                Map<String, Column> columns = new HashMap<>();
                try (ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                    ResultSetMetaData meta = empty.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        int type = meta.getColumnType(c);
                        boolean text = type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR;
                        columns.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), new Column(type,
                                meta.isNullable(c) != ResultSetMetaData.columnNoNulls,
                                text ? meta.getPrecision(c) : 0));
                    }
                }
                schema.put(table, columns);
            }
        }
        return schema;
    }

    /**
     * Checks the file; answers every problem found (at most {@value #MAX_LISTED}, then one saying how many more),
     * empty when it can be restored.
     *
     * @throws BackupFile.RefusedBackup when its shape stops the reading
     */
    static Result check(java.io.InputStream in, Map<String, Map<String, Column>> schema,
            Function<String, Message> versionProblem) throws java.io.IOException, SQLException {
        BackupCheck check = new BackupCheck(schema, versionProblem);
        List<String> tables = BackupFile.read(in, check);
        if (check.problems.isEmpty() || !tables.isEmpty()) {
            check.finish(tables);
        }
        return new Result(check.listed(), check.header);
    }

    /** The problems found (none: it can be restored) and the file's header. */
    record Result(List<FieldMessage> problems, Map<String, String> header) {
    }

    private List<FieldMessage> listed() {
        List<FieldMessage> all = new ArrayList<>(problems);
        if (unlisted > 0) {
            all.add(FieldMessage.of("body", "backup.moreProblems", "count", unlisted));
        }
        return all;
    }

    private void problem(String field, String code, Object... pairs) {
        if (problems.size() < MAX_LISTED) {
            problems.add(FieldMessage.of(field, code, pairs));
        } else {
            unlisted++;
        }
    }

    @Override
    public boolean header(Map<String, String> header) {
        this.header = Map.copyOf(header);
        if (!BackupFormat.FORMAT.equals(header.get(BackupFormat.FORMAT_FIELD))) {
            problem(BackupFormat.FORMAT_FIELD, "backup.notABackup", "format", BackupFormat.FORMAT);
            return false;
        }
        String version = header.get(BackupFormat.SCHEMA_VERSION);
        Message wrong = version == null ? Message.of("backup.noVersion") : versionProblem.apply(version);
        if (wrong != null) {
            // Tables of another schema are not judged column by column: the version says it all.
            problems.add(new FieldMessage(BackupFormat.SCHEMA_VERSION, wrong));
            return false;
        }
        return true;
    }

    @Override
    public boolean table(String table, List<String> columns) {
        Map<String, Column> known = schema.get(table);
        boolean ok = true;
        for (String column : columns) {
            if (!known.containsKey(column)) {
                problem("tables." + table + ".columns", "backup.shape.unknownColumn", "table", table, "column",
                        Problems.quote(column));
                ok = false;
            }
        }
        for (Reference ref : REFERENCES) {
            if (ref.table().equals(table) && columns.contains(ref.column()) && !tablesRead.contains(ref.parent())) {
                problem("tables." + table, "backup.ref.parentAfter", "table", table, "parent", ref.parent());
                ok = false;
            }
        }
        this.columns = columns;
        return ok;
    }

    @Override
    public void row(String table, long index, List<Cell> cells) {
        Map<String, Column> known = schema.get(table);
        String at = "tables." + table + ".rows[" + index + "].";
        Map<String, String> values = new HashMap<>();
        boolean typed = true;
        for (int c = 0; c < cells.size(); c++) {
            String column = columns.get(c);
            Cell cell = cells.get(c);
            String problem = cellProblem(known.get(column), cell);
            if (problem != null) {
                typed = false;
                Column type = known.get(column);
                problem(at + column, "backup.cell." + problem, "table", table, "row", index, "column", column,
                        "value", Problems.quote(cell.text() == null ? String.valueOf(cell.token()) : cell.text()),
                        "max", type.length(), "length", cell.text() == null ? 0
                                : cell.text().codePointCount(0, cell.text().length()));
            }
            values.put(column, cell.text());
        }
        // A row's keys count even when another of its cells is wrong: one bad cell is one problem, not a cascade.
        for (String key : KEYS.getOrDefault(table, List.of())) {
            if (values.get(key) != null) {
                keys.computeIfAbsent(table + "." + key, k -> new HashSet<>()).add(values.get(key));
            }
        }
        if (table.equals("observation")) {
            observationKeys.add(seriesKey(values));
        }
        if (!typed) {
            return;
        }
        for (Reference ref : REFERENCES) {
            String value = values.get(ref.column());
            if (ref.table().equals(table) && value != null && tablesRead.contains(ref.parent())
                    && !keys.getOrDefault(ref.parent() + "." + ref.key(), Set.of()).contains(value)) {
                problem(at + ref.column(), "backup.ref.missing", "table", table, "row", index, "column", ref.column(),
                        "value", Problems.quote(value), "parent", ref.parent(), "key", ref.key());
            }
        }
        if (table.equals("observation_vintage") && tablesRead.contains("observation")
                && values.get("indicator_id") != null && !observationKeys.contains(seriesKey(values))) {
            problem(at + "period", "backup.ref.noObservation", "table", table, "row", index, "indicator",
                    values.get("indicator_id"), "period", Problems.quote(values.get("period")), "basis",
                    values.get("basis") == null ? "—" : Problems.quote(values.get("basis")));
        } else if (table.equals("tracker_user")) {
            user(at, values);
        } else if (table.equals("audit_event") && values.get("action") != null
                && Arrays.stream(AuditAction.values()).noneMatch(a -> a.name().equals(values.get("action")))) {
            problem(at + "action", "backup.audit.badAction", "table", table, "row", index, "value",
                    Problems.quote(values.get("action")), "allowed", Arrays.stream(AuditAction.values())
                            .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String seriesKey(Map<String, String> values) {
        return values.get("indicator_id") + "\u0000" + values.get("period") + "\u0000" + values.get("basis");
    }

    private void user(String at, Map<String, String> values) {
        String username = values.get("username");
        String role = values.get("role");
        String quoted = Problems.quote(username);
        if (username != null && !username.matches(AppUser.USERNAME)) {
            problem(at + "username", "backup.shape.badUsername", "value", quoted);
        } else if (username != null && !usernames.add(username)) {
            problem(at + "username", "backup.user.twice", "value", quoted);
        }
        if (role != null && !Roles.ALL.contains(role)) {
            problem(at + "role", "backup.shape.badRole", "user", quoted, "value", Problems.quote(role), "allowed",
                    String.join(", ", Roles.ALL));
        }
        String hash = values.get("password_hash");
        if (hash != null && !hash.matches(AppUser.PASSWORD_HASH)) {
            problem(at + "password_hash", "backup.shape.badPasswordHash", "user", quoted);
        }
        // A disabled admin cannot sign in; a backup written before users could be disabled has no such column.
        if (Roles.ADMIN.equals(role) && !"false".equalsIgnoreCase(values.get("enabled"))) {
            admins++;
        }
    }

    /** Why a cell cannot go into its column (a code under backup.cell.), or null. */
    private static String cellProblem(Column column, Cell cell) {
        if (cell.isNull()) {
            return column.nullable() ? null : "empty";
        }
        JsonToken token = cell.token();
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
            return "structure";
        }
        String text = cell.text();
        return switch (column.type()) {
            case Types.BIGINT -> token == JsonToken.VALUE_NUMBER_INT && fitsLong(text) ? null : "integer";
            case Types.INTEGER, Types.SMALLINT -> token == JsonToken.VALUE_NUMBER_INT && fitsInt(text) ? null
                    : "integer";
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL ->
                token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT ? null : "number";
            case Types.BOOLEAN, Types.BIT -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? null
                    : "boolean";
            case Types.DATE -> parses(text, LocalDate::parse) ? null : "date";
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> parses(text, OffsetDateTime::parse) ? null : "time";
            default -> column.length() > 0 && text.codePointCount(0, text.length()) > column.length() ? "tooLong"
                    : null;
        };
    }

    private static boolean fitsLong(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean fitsInt(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(String text, Function<String, Object> parse) {
        try {
            parse.apply(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public void endTable(String table, long rows) {
        tablesRead.add(table);
    }

    private void finish(List<String> tables) {
        if (!tablesRead.isEmpty()) {
            for (String table : BackupTables.ALL) {
                if (!tables.contains(table) && !BackupTables.OPTIONAL.contains(table)) {
                    problem("tables." + table, "backup.shape.lacksTable", "table", table);
                }
            }
        }
        if (tables.contains("tracker_user") && admins == 0) {
            problem("tables.tracker_user", "backup.shape.noAdmin");
        }
    }
}
