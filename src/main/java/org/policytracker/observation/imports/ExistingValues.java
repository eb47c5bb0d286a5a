package org.policytracker.observation.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policytracker.observation.ObservationForm;

/** Looks up the stored rows of a batch of import rows, one query per indicator (plain SQL for H2 and PostgreSQL). */
final class ExistingValues {

    private ExistingValues() {
    }

    /**
     * The stored rows (deleted or not) of the batch's keys, by {@link ParsedRow#key()}. With
     * {@code lock}, the rows stay locked until the transaction ends, so that no single entry
     * changes them between the decision and the write.
     */
    static Map<String, ExistingValue> find(Connection connection, List<ParsedRow> batch, boolean lock)
            throws SQLException {
        Map<Long, Set<String>> periodsByIndicator = new LinkedHashMap<>();
        for (ParsedRow row : batch) {
            periodsByIndicator.computeIfAbsent(row.indicator().id(), id -> new LinkedHashSet<>())
                    .add(row.period().iso());
        }
        Map<String, ExistingValue> found = new HashMap<>();
        for (Map.Entry<Long, Set<String>> entry : periodsByIndicator.entrySet()) {
            find(connection, entry.getKey(), entry.getValue(), lock, found);
        }
        return found;
    }

    /**
     * One query per indicator of the batch: a cross product of two IN lists could match many rows
     * outside the batch (a file sorted by period spans every indicator), this matches only its keys.
     */
    private static void find(Connection connection, long indicatorId, Set<String> periods, boolean lock,
            Map<String, ExistingValue> found) throws SQLException {
        String sql = "SELECT id, period, obs_value, form, source, note, series_break, version, deleted_at"
                + " FROM observation WHERE indicator_id = ? AND period IN (" + marks(periods.size()) + ")"
                + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, indicatorId);
            int i = 2;
            for (String period : periods) {
                query.setString(i++, period);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ExistingValue value = read(rs);
                    found.put(ParsedRow.key(indicatorId, value.period()), value);
                }
            }
        }
    }

    private static ExistingValue read(ResultSet rs) throws SQLException {
        double value = rs.getDouble("obs_value");
        Double boxed = rs.wasNull() ? null : value;
        String form = rs.getString("form");
        return new ExistingValue(rs.getLong("id"), rs.getString("period"), boxed,
                form == null ? null : ObservationForm.valueOf(form), rs.getString("source"), rs.getString("note"),
                rs.getString("series_break"), rs.getLong("version"), rs.getObject("deleted_at") != null);
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
