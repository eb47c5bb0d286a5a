package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policytracker.catalogue.SeedCopy;

/**
 * The packaged application across real restarts on one data directory: the first start creates
 * the admin with a generated password, kept in a file only its owner reads (never in the log), and loads the catalogue; a restart loads nothing
 * again, duplicates nothing and keeps users; a malformed seed stops start-up naming file, entry
 * and field.
 */
class RestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void shouldKeepDataAndLoadTheCatalogueOnceAcrossRestarts() throws Exception {
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString());
        Path passwordFile = work.resolve("data").resolve("initial-admin-password");
        String adminPassword;
        int targetCount;
        String session;
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            assertTrue(Files.exists(passwordFile), "first start writes the generated password:\n" + app.output());
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(passwordFile),
                    "only the owner can read it");
            adminPassword = Files.readString(passwordFile).strip();
            assertTrue(app.output().contains(passwordFile.toString()), "the log says where it is:\n" + app.output());
            assertTrue(!app.output().contains(adminPassword), "but not what it is");
            assertTrue(app.output().contains("Catalogue loaded"), app.output());

            assertEquals(401, app.get("/api/targets", null, null).statusCode());
            JsonNode targets = JSON.readTree(app.get("/api/targets", "admin", adminPassword).body());
            targetCount = targets.size();
            assertTrue(targetCount >= 50, "targets: " + targetCount);
            assertEquals(201, app.postJson("/api/users",
                    "{\"username\":\"ana\",\"password\":\"analyst-password-1\",\"role\":\"analyst\"}",
                    "admin", adminPassword).statusCode());
            assertEquals(201, app.postJson("/api/indicators/NON_FOSSIL_SHARE/observations",
                    "{\"period\":\"2024\",\"value\":19.8,\"source\":\"2024年统计公报\"}",
                    "ana", "analyst-password-1").statusCode());
            session = app.signIn("ana", "analyst-password-1");
            assertEquals(200, app.getWithCookie("/api/me", session).statusCode());
            assertSessionKeyNotLogged(app);
        }
        assertTrue(Files.exists(work.resolve("data")), "the database lives under TRACKER_DATA_DIR");
        // Sessions are kept in the database (only the SHA-256 of each cookie's secret): no key, in a file or a log.
        assertTrue(!Files.exists(work.resolve("data").resolve("session.key")), "no session key file is made");

        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            assertTrue(app.output().contains("Catalogue unchanged"), app.output());
            assertTrue(!app.output().contains(adminPassword), "the password is never logged");
            assertTrue(Files.exists(passwordFile), "kept while it is the admin's password");
            HttpResponse<String> me = app.getWithCookie("/api/me", session);
            assertEquals(200, me.statusCode(), "a signed-in user stays signed in across a restart");
            assertEquals("ana", JSON.readTree(me.body()).get("username").asText());
            assertSessionKeyNotLogged(app);
            JsonNode targets = JSON.readTree(app.get("/api/targets", "ana", "analyst-password-1").body());
            assertEquals(targetCount, targets.size(), "no duplicates after a restart");
            assertEquals(200, app.get("/api/me", "admin", adminPassword).statusCode());
            JsonNode value = JSON.readTree(app.get("/api/indicators/NON_FOSSIL_SHARE/observations/2024", "ana",
                    "analyst-password-1").body());
            assertEquals(19.8, value.get("value").asDouble(), "analysts' values survive a restart");
            assertEquals("ana", value.get("createdBy").asText());
            JsonNode assessment = JSON.readTree(app.get(
                    "/api/targets/CARBON-2025-NON-FOSSIL-SHARE/assessment?asOf=2025-06-30", "ana",
                    "analyst-password-1").body());
            // 19.8 is within 0.5 of "about 20 %".
            assertEquals("ACHIEVED", assessment.get("status").asText(), assessment.toString());
        }
    }

    @Test
    void shouldTakeTheFirstAdminPasswordFromTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(),
                "TRACKER_ADMIN_PASSWORD", "from-the-environment-1");
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            assertEquals(200, app.get("/api/me", "admin", "from-the-environment-1").statusCode());
            assertTrue(!app.output().contains("from-the-environment-1"), "the password is not logged");
            assertEquals(200, app.getWithCookie("/api/me", app.signIn("admin", "from-the-environment-1"))
                    .statusCode());
            assertSessionKeyNotLogged(app);
        }
    }

    @Test
    void shouldKeepAValueAcknowledgedJustBeforeTheProcessIsKilled() throws Exception {
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(),
                "TRACKER_ADMIN_PASSWORD", "from-the-environment-1");
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            assertEquals(201, app.postJson("/api/indicators/NON_FOSSIL_SHARE/observations",
                    "{\"period\":\"2024\",\"value\":19.8,\"source\":\"2024年统计公报\"}", "admin",
                    "from-the-environment-1").statusCode());
            // No pause: by default H2 wrote a commit to its file about a second later, and a kill in
            // that window lost an acknowledged value (4 times in 4 before WRITE_DELAY=0).
            app.kill();
        }
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            HttpResponse<String> value = app.get("/api/indicators/NON_FOSSIL_SHARE/observations/2024", "admin",
                    "from-the-environment-1");
            assertEquals(200, value.statusCode(), "a value answered 201 survives kill -9: " + value.body());
            assertEquals(19.8, JSON.readTree(value.body()).get("value").asDouble());
        }
    }

    private static void assertSessionKeyNotLogged(AppProcess app) {
        assertTrue(!app.output().contains("Encryption key"), "no session key in the log:\n" + app.output());
    }

    @Test
    void shouldRefuseToStartOnAMalformedSeedNamingFileEntryAndField() throws Exception {
        Path seed = work.resolve("seed");
        SeedCopy.copy(Path.of(System.getProperty("tracker.seed.source", "seed-data")), seed);
        Path carbon = seed.resolve("carbon-peak-neutrality.yaml");
        Files.writeString(carbon, Files.readString(carbon).replaceFirst("kind: LEVEL_ABOUT", "kind: ABOUT"));
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(),
                "TRACKER_SEED_DIR", seed.toString(), "TRACKER_ADMIN_PASSWORD", "irrelevant-password");
        AppProcess app = AppProcess.start(work, env);
        int exit = app.awaitExit();
        assertNotEquals(0, exit, app.output());
        assertTrue(app.output().contains(carbon + ": targets[2] (CARBON-2025-NON-FOSSIL-SHARE): field 'kind'"),
                app.output());
    }
}
