package org.policytracker.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The import figure's baseline: {@code JdbcBaseline <jdbc-url> <user> <password> <csv> <observation|import>}
 * inserts the CSV's rows into a database the application created (its schema and catalogue; H2 or
 * PostgreSQL), with plain JDBC batches of 1000 in one transaction, and prints {@code rows seconds}.
 *
 * <ul>
 *   <li>{@code observation}: one INSERT per row into {@code observation}: the least work that stores
 *   the rows.</li>
 *   <li>{@code import}: exactly the rows the bulk import writes (issue #18, point 4): per row an
 *   observation and its vintage, and one audit event for the import.</li>
 *   <li>{@code wipe} (PostgreSQL): drops and creates the public schema, so the application's next start
 *   creates schema and catalogue afresh; the csv argument is ignored.</li>
 * </ul>
 */
public final class JdbcBaseline {

    private static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        if ("wipe".equals(args[4])) { // PostgreSQL: an empty database again, for the application to create
            try (Connection c = DriverManager.getConnection(url, args[1], args[2]); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
            return;
        }
        boolean asImport = "import".equals(args[4]);
        if (!asImport && !"observation".equals(args[4])) {
            throw new IllegalArgumentException("mode must be observation or import, was " + args[4]);
        }
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            Map<String, Long> ids = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, code FROM indicator")) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            long start = System.nanoTime();
            int rows = insert(c, Path.of(args[3]), ids, asImport);
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "%d %.3f%n", rows, seconds);
        }
    }

    private static int insert(Connection c, Path csv, Map<String, Long> ids, boolean asImport) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                PreparedStatement obs = c.prepareStatement("INSERT INTO observation (indicator_id, period, period_type,"
                        + " period_start, period_end, obs_value, form, source, note, series_break, created_by,"
                        + " created_at, updated_by, updated_at, deleted_at, version)"
                        + " VALUES (?, ?, 'YEARLY', ?, ?, ?, ?, ?, ?, NULL, 'bench', ?, 'bench', ?, NULL, 0)");
                PreparedStatement vintage = c.prepareStatement("INSERT INTO observation_vintage (indicator_id, period,"
                        + " period_end, obs_value, form, source, note, series_break, recorded_by, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'bench', ?)");
                PreparedStatement audit = c.prepareStatement("INSERT INTO audit_event (occurred_at, actor, action,"
                        + " indicator_code, target_code, period, before_state, after_state)"
                        + " VALUES (?, 'bench', 'OBSERVATIONS_IMPORTED', NULL, NULL, NULL, NULL, ?)")) {
            in.readLine(); // header
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1); // the generator's files have no quoted fields
                long id = ids.get(f[0]);
                int year = Integer.parseInt(f[1]);
                double value = Double.parseDouble(f[2]);
                String note = f[5].isEmpty() ? null : f[5];
                obs.setLong(1, id);
                obs.setString(2, f[1]);
                obs.setObject(3, LocalDate.of(year, 1, 1));
                obs.setObject(4, LocalDate.of(year, 12, 31));
                obs.setDouble(5, value);
                obs.setString(6, f[3]);
                obs.setString(7, f[4]);
                obs.setString(8, note);
                obs.setObject(9, now);
                obs.setObject(10, now);
                obs.addBatch();
                if (asImport) {
                    vintage.setLong(1, id);
                    vintage.setString(2, f[1]);
                    vintage.setObject(3, LocalDate.of(year, 12, 31));
                    vintage.setDouble(4, value);
                    vintage.setString(5, f[3]);
                    vintage.setString(6, f[4]);
                    vintage.setString(7, note);
                    vintage.setObject(8, now);
                    vintage.addBatch();
                }
                if (++rows % BATCH == 0) {
                    flush(obs, asImport ? vintage : null);
                }
            }
            flush(obs, asImport ? vintage : null);
            if (asImport) {
                audit.setObject(1, now);
                audit.setString(2, "{\"jobId\":\"bench\",\"fileName\":\"" + csv.getFileName() + "\",\"created\":"
                        + rows + "}");
                audit.executeUpdate();
            }
        }
        return rows;
    }

    private static void flush(PreparedStatement obs, PreparedStatement vintage) throws Exception {
        obs.executeBatch();
        if (vintage != null) {
            vintage.executeBatch();
        }
    }
}
