package org.policytracker.report;

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

/**
 * Reads the current values for an export through a JDBC cursor, one row at a time, and hands each to a
 * writer: nothing is collected in memory. On PostgreSQL the driver fetches {@value #FETCH_SIZE} rows at
 * a time (this needs a transaction, hence auto-commit off); on H2 the query runs lazily. The whole
 * export reads one consistent snapshot, since it is a single statement.
 */
@ApplicationScoped
public class ObservationExportQuery {

    static final int FETCH_SIZE = 1000;

    /** What to export; null fields do not filter. Periods whose start is on or after {@code from} and whose end is on or before {@code to}. */
    public record Filter(String indicator, LocalDate from, LocalDate to) {
    }

    /** Receives rows one at a time. */
    @FunctionalInterface
    public interface RowHandler {

        void accept(ObservationExportRow row) throws IOException;
    }

    private final AgroalDataSource dataSource;

    ObservationExportQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Streams the matching values, by indicator and period, to {@code handler}; returns how many. */
    public long stream(Filter filter, RowHandler handler) throws IOException {
        StringBuilder sql = new StringBuilder("select i.code, i.name_zh, i.name_en, i.unit, o.period, o.period_type,"
                + " o.obs_value, o.form, o.source, o.note, o.series_break, o.created_by, o.created_at, o.updated_by,"
                + " o.updated_at from observation o join indicator i on i.id = o.indicator_id"
                + " where o.deleted_at is null");
        List<Object> params = new ArrayList<>();
        if (filter.indicator() != null) {
            sql.append(" and i.code = ?");
            params.add(filter.indicator());
        }
        if (filter.from() != null) {
            sql.append(" and o.period_start >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and o.period_end <= ?");
            params.add(filter.to());
        }
        sql.append(" order by i.code, o.period_start, o.period");
        try (Connection c = dataSource.getConnection()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
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

    private static ObservationExportRow row(ResultSet rs) throws SQLException {
        double value = rs.getDouble(7);
        Double v = rs.wasNull() ? null : value;
        return new ObservationExportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), v, rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class), rs.getString(14),
                rs.getObject(15, OffsetDateTime.class));
    }
}
