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
 * The import figure's baseline: {@code JdbcBaseline <jdbc-url> <user> <password> <csv> <observation|vintage|all>}
 * inserts the CSV's rows into a database the application created (its schema and catalogue), with
 * plain JDBC batches of 1000 in one transaction, and prints {@code rows seconds}.
 *
 * <ul>
 *   <li>{@code observation}: one INSERT per row into {@code observation} — the least work that
 *   stores the rows; the baseline.</li>
 *   <li>{@code vintage}: observation and observation_vintage, no audit row: what an import-level
 *   audit event (one per import instead of one per row) would leave.</li>
 *   <li>{@code all}: the same three INSERTs per row as the import (observation, observation_vintage,
 *   audit_event with a small JSON state), to tell the import's own overhead from the cost of what it
 *   writes.</li>
 * </ul>
 */
public final class JdbcBaseline {

    private static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        boolean all = "all".equals(args[4]);
        boolean vintage = all || "vintage".equals(args[4]);
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            Map<String, Long> ids = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, code FROM indicator")) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            long start = System.nanoTime();
            int rows = insert(c, Path.of(args[3]), ids, vintage, all);
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "%d %.3f%n", rows, seconds);
        }
    }

    private static int insert(Connection c, Path csv, Map<String, Long> ids, boolean withVintage, boolean all) throws Exception {
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
                        + " VALUES (?, 'bench', 'OBSERVATION_CREATED', ?, NULL, ?, NULL, ?)")) {
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
                if (withVintage) {
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
                if (all) {
                    audit.setObject(1, now);
                    audit.setString(2, f[0]);
                    audit.setString(3, f[1]);
                    audit.setString(4, "{\"period\":\"" + f[1] + "\",\"value\":" + value + ",\"form\":\"" + f[3]
                            + "\",\"source\":\"" + f[4] + "\",\"note\":null,\"seriesBreak\":null,\"version\":0}");
                    audit.addBatch();
                }
                if (++rows % BATCH == 0) {
                    flush(obs, withVintage ? vintage : null, all ? audit : null);
                }
            }
            flush(obs, withVintage ? vintage : null, all ? audit : null);
        }
        return rows;
    }

    private static void flush(PreparedStatement obs, PreparedStatement vintage, PreparedStatement audit)
            throws Exception {
        obs.executeBatch();
        if (vintage != null) {
            vintage.executeBatch();
        }
        if (audit != null) {
            audit.executeBatch();
        }
    }
}
