package org.policytracker.observation.imports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.policytracker.observation.Figure;

/**
 * Reads the current values for an export through a JDBC cursor, one row at a time, and hands each to a
 * writer: nothing is collected in memory. On PostgreSQL the driver fetches {@value #FETCH_SIZE} rows at a
 * time (this needs a transaction, hence auto-commit off); on H2 the query runs lazily. The whole export
 * reads one consistent snapshot, since it is a single statement.
 */
@ApplicationScoped
public class ValueExportQuery {

    static final int FETCH_SIZE = 1000;

    /** What to export; null fields do not filter. Periods starting on or after {@code from}, ending by {@code to}. */
    public record Filter(String indicator, LocalDate from, LocalDate to) {
    }

    /** Receives rows one at a time. */
    @FunctionalInterface
    interface RowHandler {

        void accept(ValueFile.Row row) throws IOException;
    }

    private final AgroalDataSource dataSource;

    ValueExportQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Streams the matching values, by indicator and period, to {@code handler}; returns how many. */
    long stream(Filter filter, RowHandler handler) throws IOException {
        StringBuilder sql = new StringBuilder("SELECT i.code, i.name_zh, i.name_en, i.unit, o.period, "
                + Figure.COLUMNS.replaceAll("(\\w+)", "o.$1") + ", o.created_by, o.created_at, o.updated_by,"
                + " o.updated_at FROM observation o JOIN indicator i ON i.id = o.indicator_id"
                + " WHERE o.deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (filter.indicator() != null) {
            sql.append(" AND i.code = ?");
            params.add(filter.indicator());
        }
        if (filter.from() != null) {
            sql.append(" AND o.period_start >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND o.period_end <= ?");
            params.add(filter.to());
        }
        sql.append(" ORDER BY i.code, o.period_start, o.period");
        try (Connection c = dataSource.getConnection()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            if (h2) {
                execute(c, "SET LAZY_QUERY_EXECUTION TRUE");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                long count = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.accept(row(rs));
                        count++;
                    }
                }
                return count;
            } finally {
                c.rollback();
                if (h2) {
                    execute(c, "SET LAZY_QUERY_EXECUTION FALSE");
                }
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(
                    new IOException("The export could not read the values: " + e.getMessage(), e));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static ValueFile.Row row(ResultSet rs) throws SQLException {
        return new ValueFile.Row(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("unit"), rs.getString("period"), Figure.read(rs), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
