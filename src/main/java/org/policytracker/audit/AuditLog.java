package org.policytracker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.hibernate.Session;

/**
 * Records changes in the audit log, in the caller's transaction: a change and its audit entry commit or
 * roll back together. One statement writes every entry, whether one change records itself
 * ({@link #record}) or a writer of many batches them with its own writes ({@link #batch}).
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO audit_event (occurred_at, actor, action, indicator_code,"
            + " target_code, period, before_state, after_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final ObjectMapper json;
    private final EntityManager em;

    AuditLog(ObjectMapper json, EntityManager em) {
        this.json = json;
        this.em = em;
    }

    /** Records one change; {@code before} and {@code after} are stored as JSON (null for none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String actor, OffsetDateTime at, String indicatorCode, String targetCode,
            String period, Object before, Object after) {
        em.unwrap(Session.class).doWork(connection -> {
            try (Batch batch = batch(connection)) {
                batch.add(action, actor, at, indicatorCode, targetCode, period, before, after);
                batch.flush();
            }
        });
    }

    /** Audit entries written with a JDBC batch on {@code connection}, in its transaction. */
    public Batch batch(Connection connection) throws SQLException {
        return new Batch(connection.prepareStatement(INSERT));
    }

    /** A batch of audit entries; {@link #flush} sends them. */
    public final class Batch implements AutoCloseable {

        private final PreparedStatement insert;

        private Batch(PreparedStatement insert) {
            this.insert = insert;
        }

        public void add(AuditAction action, String actor, OffsetDateTime at, String indicatorCode, String targetCode,
                String period, Object before, Object after) throws SQLException {
            insert.setObject(1, at);
            insert.setString(2, actor);
            insert.setString(3, action.name());
            text(4, indicatorCode);
            text(5, targetCode);
            text(6, period);
            text(7, toJson(before));
            text(8, toJson(after));
            insert.addBatch();
        }

        public void flush() throws SQLException {
            insert.executeBatch();
        }

        private void text(int index, String text) throws SQLException {
            if (text == null) {
                insert.setNull(index, Types.VARCHAR);
            } else {
                insert.setString(index, text);
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record audit state", e);
        }
    }
}
