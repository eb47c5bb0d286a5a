package org.policytracker;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What tables hold, row by row, for tests that compare what two ways of writing left behind. */
public final class TestTables {

    private TestTables() {
    }

    /**
     * Every row of a table as column → value (text), ordered by the table's own columns, leaving out the
     * columns named in {@code ignored} (generated ids, times of writing).
     */
    public static List<Map<String, String>> rows(String table, String orderBy, Set<String> ignored) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                    if (!ignored.contains(column)) {
                        Object value = rs.getObject(i);
                        row.put(column, value == null ? null : value.toString());
                    }
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + table, e);
        }
        return rows;
    }
}
