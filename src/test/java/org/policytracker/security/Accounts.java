package org.policytracker.security;

import static org.policytracker.TestUsers.asAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.policytracker.TestUsers;

/**
 * What the user lifecycle tests share: users of their own (unique names), open sessions and tokens planted as rows
 * (so that a test sees which ones a change ends, whichever sign-in made them), and the audit trail as stored.
 */
final class Accounts {

    static final String PASSWORD = TestUsers.PASSWORD;
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Accounts() {
    }

    /** A user name no other test uses. */
    static String newName(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "." + SERIAL.incrementAndGet();
    }

    /** Creates the user (as admin, with {@link #PASSWORD}); answers its name. */
    static String create(String prefix, String role) {
        return create(prefix, role, asAdmin());
    }

    /** Creates the user as the given admin. */
    static String create(String prefix, String role, RequestSpecification admin) {
        String name = newName(prefix);
        admin.contentType(ContentType.JSON).body(Map.of("username", name, "password", PASSWORD, "role", role))
                .post("/api/users").then().statusCode(201);
        return name;
    }

    static RequestSpecification as(String username, String password) {
        return TestUsers.api().auth().preemptive().basic(username, password);
    }

    static RequestSpecification as(String username) {
        return as(username, PASSWORD);
    }

    static long userId(String username) {
        return query("SELECT id FROM tracker_user WHERE username = ?", username).stream().findFirst()
                .map(row -> ((Number) row[0]).longValue()).orElseThrow();
    }

    /** An open web session of the user, as sign-in stores one; answers its key (id_hash). */
    static String openSession(String username) {
        String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        update("INSERT INTO user_session (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                key, userId(username), now, now, now.plusHours(8));
        return key;
    }

    /** Why the session ended (a SessionEnd name), or null while it is open. */
    static String sessionEnd(String key) {
        return (String) query("SELECT ended_reason FROM user_session WHERE id_hash = ?", key).get(0)[0];
    }

    /** A personal access token of the user, as the tokens' feature stores one. */
    static void plantToken(String username) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        update("INSERT INTO api_token (user_id, name, role, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                userId(username), "script", "viewer", UUID.randomUUID().toString().replace("-", "").repeat(2), now,
                now.plusDays(30));
    }

    static int tokens(long userId) {
        return ((Number) query("SELECT COUNT(*) FROM api_token WHERE user_id = ?", userId).get(0)[0]).intValue();
    }

    /** One audit entry as stored. */
    record Entry(String action, String actor, JsonNode before, JsonNode after, String raw) {
    }

    /** The audit entries of this action about this user (by user name in before or after), newest first. */
    static List<Entry> audit(String action, String username) {
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : query("SELECT action, actor, before_state, after_state FROM audit_event WHERE action = ?"
                + " ORDER BY id DESC", action)) {
            try {
                JsonNode before = row[2] == null ? null : JSON.readTree((String) row[2]);
                JsonNode after = row[3] == null ? null : JSON.readTree((String) row[3]);
                JsonNode named = after != null ? after : before;
                if (named != null && username.equals(named.path("username").asText())) {
                    entries.add(new Entry((String) row[0], (String) row[1], before, after, row[2] + " " + row[3]));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return entries;
    }

    static void update(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<Object[]> query(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
