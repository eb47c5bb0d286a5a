package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import in flight when its server stops, with the packaged application as a real process:
 * a graceful stop (SIGTERM) lets it finish within the grace, or rolls it back and says so once the
 * grace is over; a kill (SIGKILL) leaves nothing written, and the job is then marked FAILED instead
 * of showing WRITING forever. A value committed before is never touched.
 */
class ImportShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "shutdown-it-admin-password";
    /** Synthetic indicators × every accepted year: an import that takes seconds, not milliseconds. */
    private static final int INDICATORS = 300;
    private static final int FIRST_YEAR = SyntheticSeed.FIRST_YEAR;
    private static final int LAST_YEAR = SyntheticSeed.FIRST_YEAR + SyntheticSeed.YEARS - 1;
    private static final int ROWS = INDICATORS * (LAST_YEAR - FIRST_YEAR + 1);

    @TempDir
    Path work;

    private Path seed;
    private byte[] csv;

    @BeforeEach
    void syntheticCatalogueAndFile() throws Exception {
        seed = SyntheticSeed.write(work.resolve("seed"), INDICATORS,
                Path.of(System.getProperty("tracker.seed.source", "seed-data")));
        StringBuilder rows = new StringBuilder("indicator,period,value,form,source\r\n");
        for (int i = 0; i < INDICATORS; i++) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                rows.append(SyntheticSeed.code(i)).append(',').append(year).append(',').append(i + year)
                        .append(",LEVEL,synthetic\r\n");
            }
        }
        csv = rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFinishAnImportInFlightWithinTheGraceOfAGracefulStop() throws Exception {
        Map<String, String> env = env(Map.of("TRACKER_IMPORT_SHUTDOWN_GRACE", "120s"));
        String job = importAndStopMidway(env, (app, id) -> {
            app.stop();
            assertFalse(app.output().contains("Import job " + id + " stopped by the shutdown"), app.output());
        });
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            JsonNode status = job(app, job);
            assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
            assertEquals(ROWS, status.path("rowsWritten").asInt(), status.toString());
            assertEquals(ROWS, syntheticRows(app), "every row of the file is there");
            assertEarlierValueUnchanged(app);
        }
    }

    @Test
    void shouldRollBackAnImportStillRunningWhenTheGraceIsOverAndSaySo() throws Exception {
        Map<String, String> env = env(Map.of("TRACKER_IMPORT_SHUTDOWN_GRACE", "0s"));
        String job = importAndStopMidway(env, (app, id) -> {
            app.stop();
            assertTrue(app.output().contains("Import job " + id + " stopped by the shutdown"), app.output());
        });
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            JsonNode status = job(app, job);
            assertEquals("FAILED", status.path("status").asText(), status.toString());
            assertEquals("The server stopped during this import; nothing was written. Send the file again.",
                    status.path("errors").path(0).path("message").asText(), status.toString());
            assertEquals(0, status.path("rowsWritten").asInt());
            assertEquals(0, syntheticRows(app), "nothing of the file was written");
            assertEarlierValueUnchanged(app);
            // The file can simply be sent again.
            JsonNode again = JSON
                    .readTree(app.post("/api/observations/imports?wait=true&fileName=again.csv", "text/csv",
                            csv, ADMIN, PASSWORD).body());
            assertEquals("SUCCEEDED", again.path("status").asText(), again.toString());
            assertEquals(ROWS, syntheticRows(app));
        }
    }

    @Test
    void shouldMarkAnImportWhoseServerWasKilledFailedWithNothingWritten() throws Exception {
        Map<String, String> env = env(Map.of("TRACKER_IMPORT_HEARTBEAT_EVERY", "1s",
                "TRACKER_IMPORT_STALE_AFTER", "3s"));
        String job = importAndStopMidway(env, (app, id) -> app.kill());
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            JsonNode status = job(app, job);
            while (!"FAILED".equals(status.path("status").asText())) {
                app.awaitProgress(); // until the watchdog marks it, or the server goes quiet without doing so
                status = job(app, job);
            }
            assertEquals("FAILED", status.path("status").asText(), status.toString());
            assertEquals("The server that was running this import stopped before it finished; nothing was written. "
                    + "Send the file again.", status.path("errors").path(0).path("message").asText());
            assertEquals(0, syntheticRows(app), "nothing of the file was written");
            assertEarlierValueUnchanged(app);
        }
    }

    /** How the server is stopped once the import is under way. */
    private interface Stop {

        void stop(AppProcess app, String jobId) throws Exception;
    }

    /** Starts the server, enters a value, starts the import, stops the server mid-import; answers the job id. */
    private String importAndStopMidway(Map<String, String> env, Stop stop) throws Exception {
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            enterEarlierValue(app);
            String job = startImport(app);
            awaitRunning(app, job);
            stop.stop(app, job);
            return job;
        }
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("TRACKER_DATA_DIR", work.resolve("data").toString());
        env.put("TRACKER_SEED_DIR", seed.toString());
        env.put("TRACKER_ADMIN_PASSWORD", PASSWORD);
        return env;
    }

    private static void enterEarlierValue(AppProcess app) throws Exception {
        HttpResponse<String> created = app.postJson("/api/indicators/NON_FOSSIL_SHARE/observations",
                "{\"period\":\"2024\",\"value\":19.8,\"source\":\"2024年统计公报\"}", ADMIN, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
    }

    private static void assertEarlierValueUnchanged(AppProcess app) throws Exception {
        JsonNode values = JSON
                .readTree(app.get("/api/indicators/NON_FOSSIL_SHARE/observations", ADMIN, PASSWORD).body());
        assertEquals(1, values.size(), values.toString());
        assertEquals(19.8, values.path(0).path("value").asDouble());
        assertEquals(0, values.path(0).path("version").asInt(), values.toString());
    }

    private String startImport(AppProcess app) throws Exception {
        HttpResponse<String> accepted = app.post("/api/observations/imports?fileName=synthetic.csv", "text/csv", csv,
                ADMIN, PASSWORD);
        assertEquals(202, accepted.statusCode(), accepted.body());
        return JSON.readTree(accepted.body()).path("id").asText();
    }

    /** Waits until the job is past its queue (checking or writing), so the stop meets it in flight. */
    private static void awaitRunning(AppProcess app, String id) throws Exception {
        while (true) {
            String status = job(app, id).path("status").asText();
            if (status.equals("VALIDATING") || status.equals("WRITING")) {
                return;
            }
            assertTrue(status.equals("QUEUED"), "the import ended before the stop: " + status);
            app.awaitProgress();
        }
    }

    private static JsonNode job(AppProcess app, String id) throws Exception {
        return JSON.readTree(app.get("/api/observations/imports/" + id, ADMIN, PASSWORD).body());
    }

    /** Rows of the synthetic indicators in the full CSV export. */
    private static long syntheticRows(AppProcess app) throws Exception {
        HttpResponse<String> export = app.get("/api/observations/export?format=csv", ADMIN, PASSWORD);
        assertEquals(200, export.statusCode(), export.body());
        return export.body().lines().filter(line -> line.startsWith(SyntheticSeed.PREFIX)).count();
    }
}
