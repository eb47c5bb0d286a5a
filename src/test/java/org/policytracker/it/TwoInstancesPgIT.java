package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes of the PostgreSQL build on one database behave as one system: started together they
 * load the catalogue once; a value written through one is read through the other at once, and the other's
 * cached dashboard (ETag, 304) gives way to the new answer at its next request; a stale
 * write through one is refused after the other's write; a session signed out, a user name locked by failed
 * sign-ins and a token revoked on one are so on the other at once; and a backup taken on PostgreSQL restores
 * into a fresh embedded-H2 instance with every table equal.
 *
 * <p>Needs the PostgreSQL build and a database, so CI runs it by name after building that variant
 * (see .ci/run): {@code -Dit.test=TwoInstancesPgIT -Dtracker.pg.app.dir=… -Dtracker.h2.app.dir=…}.
 * It fails, never skips, when they are missing.
 */
class TwoInstancesPgIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = System.getProperty("tracker.pg.url",
            "jdbc:postgresql://localhost:5432/tracker_it");
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "two-instances-admin";

    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "tracker", "tracker"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    @Test
    void shouldBehaveAsOneSystemAndMoveToH2ByBackup() throws Exception {
        Path pgApp = requiredDir("tracker.pg.app.dir");
        Path h2App = requiredDir("tracker.h2.app.dir");
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", URL, "QUARKUS_DATASOURCE_USERNAME", "tracker",
                "QUARKUS_DATASOURCE_PASSWORD", "tracker", "TRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        AppProcess a = AppProcess.start(pgApp, Files.createDirectories(work.resolve("a")), env);
        AppProcess b = AppProcess.start(pgApp, Files.createDirectories(work.resolve("b")), env);
        try (a; b) {
            a.awaitReady();
            b.awaitReady();
            assertTrue(a.output().contains("Database: jdbc:postgresql"), a.output());
            int loads = count(a.output(), "Catalogue loaded") + count(b.output(), "Catalogue loaded");
            int skips = count(a.output(), "Catalogue unchanged") + count(b.output(), "Catalogue unchanged");
            assertEquals(1, loads, "one instance loads the catalogue:\n" + a.output() + "\n---\n" + b.output());
            assertEquals(1, skips, "the other finds it loaded");
            assertEquals(json(a.get("/api/targets", ADMIN, ADMIN_PASSWORD)).size(),
                    json(b.get("/api/targets", ADMIN, ADMIN_PASSWORD)).size());

            // B's dashboard, kept by B's cache with its ETag: unchanged, a 304.
            HttpResponse<String> dashboardOnB = b.get("/api/dashboard", ADMIN, ADMIN_PASSWORD);
            assertEquals(200, dashboardOnB.statusCode(), dashboardOnB.body());
            String etag = dashboardOnB.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, b.getIfNoneMatch("/api/dashboard", etag, ADMIN, ADMIN_PASSWORD).statusCode());
            assertTrue(latest(dashboardOnB.body(), "CARBON-2025-NON-FOSSIL-SHARE").isNull(), "no value yet");

            String url = "/api/indicators/NON_FOSSIL_SHARE/observations";
            assertEquals(201,
                    a.postJson(url, "{\"period\":\"2021\",\"value\":16.6}", ADMIN, ADMIN_PASSWORD).statusCode());
            // A's write changed the database's change stamp, which B reads: B's next answer is the new one.
            HttpResponse<String> afterWriteOnA = b.getIfNoneMatch("/api/dashboard", etag, ADMIN, ADMIN_PASSWORD);
            assertEquals(200, afterWriteOnA.statusCode(), "B must not answer 304 after A's write");
            assertFalse(etag.equals(afterWriteOnA.headers().firstValue("ETag").orElseThrow()));
            assertEquals(16.6, latest(afterWriteOnA.body(), "CARBON-2025-NON-FOSSIL-SHARE").get("value").asDouble(),
                    "B's dashboard shows the value written through A");
            JsonNode seenByB = json(b.get(url + "/2021", ADMIN, ADMIN_PASSWORD));
            assertEquals(16.6, seenByB.get("value").asDouble(), "written through A, read through B at once");

            assertEquals(200, b.putJson(url + "/2021", "{\"value\":16.7,\"version\":0}", ADMIN, ADMIN_PASSWORD)
                    .statusCode());
            HttpResponse<String> stale = a.putJson(url + "/2021", "{\"value\":16.8,\"version\":0}", ADMIN,
                    ADMIN_PASSWORD);
            assertEquals(409, stale.statusCode(), "A's stale write is refused after B's: " + stale.body());
            assertEquals(16.7, json(a.get(url + "/2021", ADMIN, ADMIN_PASSWORD)).get("value").asDouble());

            // Sessions, failed sign-ins and tokens live in the database: what one instance does holds on the other.
            String cookie = a.signIn(ADMIN, ADMIN_PASSWORD);
            assertEquals(200, b.getWithCookie("/api/me", cookie).statusCode(), "a session made on A works on B");
            assertEquals(204, a.request("POST", "/api/session/logout", Map.of("Cookie", cookie,
                    "X-Requested-With", "fetch"), null).statusCode());
            HttpResponse<String> replayed = b.request("GET", "/api/me", Map.of("Cookie", cookie, "X-Requested-With",
                    "fetch"), null); // the web app's header: its 401 says why the session ended
            assertEquals(401, replayed.statusCode(), "signed out on A, the cookie is refused on B");
            assertEquals("signed-out", replayed.headers().firstValue("X-Session-Ended").orElse(null));

            String user = "shared.user";
            String password = "shared-user-password";
            assertEquals(201, a.postJson("/api/users", "{\"username\":\"" + user + "\",\"password\":\"" + password
                    + "\",\"role\":\"analyst\"}", ADMIN, ADMIN_PASSWORD).statusCode());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, a.get("/api/me", user, "wrong-password-" + i).statusCode());
            }
            HttpResponse<String> locked = b.get("/api/me", user, password);
            assertEquals(429, locked.statusCode(), "five failures on A lock the pair on B too: " + locked.body());
            assertTrue(locked.headers().firstValue("Retry-After").isPresent());

            String expires = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(2).withNano(0).toString();
            HttpResponse<String> made = a.postJson("/api/tokens", "{\"name\":\"script\",\"expiresAt\":\"" + expires
                    + "\"}", ADMIN, ADMIN_PASSWORD);
            assertEquals(201, made.statusCode(), made.body());
            JsonNode token = JSON.readTree(made.body());
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + token.get("token").asText());
            assertEquals(200, b.request("GET", "/api/me", bearer, null).statusCode(), "a token made on A works on B");
            assertEquals(204, a.delete("/api/tokens/" + token.get("id").asLong(), ADMIN, ADMIN_PASSWORD).statusCode());
            assertEquals(401, b.request("GET", "/api/me", bearer, null).statusCode(), "revoked on A, refused on B");

            String backup = a.get("/api/admin/backup", ADMIN, ADMIN_PASSWORD).body();
            try (AppProcess h2 = AppProcess.start(h2App, Files.createDirectories(work.resolve("h2")),
                    Map.of("TRACKER_DATA_DIR", work.resolve("h2-data").toString(),
                            "TRACKER_ADMIN_PASSWORD", "fresh-h2-admin"))
                    .awaitReady()) {
                assertFalse(h2.output().contains("jdbc:postgresql"), "the embedded build");
                HttpResponse<String> restored = h2.postJson("/api/admin/restore", backup, ADMIN, "fresh-h2-admin");
                assertEquals(200, restored.statusCode(), restored.body());
                // The users came with the backup: the PostgreSQL admin's password works on H2 now.
                String again = h2.get("/api/admin/backup", ADMIN, ADMIN_PASSWORD).body();
                com.fasterxml.jackson.databind.node.ObjectNode before = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                        .readTree(backup).get("tables");
                com.fasterxml.jackson.databind.node.ObjectNode after = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                        .readTree(again).get("tables");
                JsonNode auditBefore = before.remove("audit_event");
                JsonNode auditAfter = after.remove("audit_event");
                assertEquals(before, after, "every table equal after the move from PostgreSQL to H2");
                // The audit trail as it was, then the H2 instance's own: its admin's first sign-in (SIGNED_IN, before
                // the restore; the trail is append-only) and the restore itself.
                assertEquals(auditBefore.get("rows").size() + 2, auditAfter.get("rows").size(),
                        auditAfter.get("rows").toString());
                assertTrue(auditAfter.get("rows").toString().contains("SIGNED_IN"));
                assertTrue(auditAfter.get("rows").toString().contains("BACKUP_RESTORED"));
                assertEquals(16.7, json(h2.get(url + "/2021", ADMIN, ADMIN_PASSWORD)).get("value").asDouble());
            }
        }
    }

    private static Path requiredDir(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.isRegularFile(Path.of(value, "quarkus-run.jar"))) {
            throw new AssertionError("Set -D" + property + " to a packaged application (quarkus-app), was " + value);
        }
        return Path.of(value);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** A dashboard entry's latest value (a JSON null when none). */
    private static JsonNode latest(String dashboard, String target) throws Exception {
        for (JsonNode entry : JSON.readTree(dashboard)) {
            if (target.equals(entry.get("id").asText())) {
                return entry.get("assessment").get("latest");
            }
        }
        throw new AssertionError("no " + target + " on the dashboard");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
