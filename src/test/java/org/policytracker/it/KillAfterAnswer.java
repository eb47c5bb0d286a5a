package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The durability trials of issue #16 point 1: every kind of write the API acknowledges survives kill -9
 * 0–10 ms after its answer. Each trial makes one write, waits a random 0–10 ms after the answer has
 * arrived, kills the process with SIGKILL, starts it again on the same database and checks that write,
 * exactly. One write per kill: a write made earlier would have had longer to reach the disk and prove
 * nothing about the moment after its answer.
 *
 * <p>Run by {@link KillAfterAnswerIT} on the embedded default and {@link KillAfterAnswerPgIT} on the
 * PostgreSQL build (both by name in .ci/run; docs/RELIABILITY.md part 2b).
 */
final class KillAfterAnswer {

    /** The kinds of acknowledged write, each of which must survive a kill straight after its answer. */
    enum Kind {
        VALUE,
        CORRECTION,
        DELETE,
        MILESTONE,
        USER,
        IMPORT,
        RESTORE
    }

    static final int TRIALS = Integer.getInteger("reliability.durability.trials", 20);
    private static final long SEED = Long.getLong("reliability.durability.seed", 16);
    private static final int IMPORT_ROWS = 50;
    static final String ADMIN = "admin";
    static final String PASSWORD = "durability-admin-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path appDir;
    private final Path work;
    private final Map<String, String> env;
    private final Random random = new Random(SEED);
    private final Map<Kind, int[]> survived = new EnumMap<>(Kind.class);
    private final List<Long> delaysMicros = new ArrayList<>();
    private final List<Long> restartMillis = new ArrayList<>();
    private AppProcess app;

    KillAfterAnswer(Path appDir, Path work, Map<String, String> env) {
        this.appDir = appDir;
        this.work = work;
        this.env = env;
    }

    /** The synthetic indicators the trials write to: per trial, one for single values, one for the import, one for the restore. */
    static int indicatorsNeeded() {
        return 3 * TRIALS;
    }

    /** Runs every trial; answers the figures, one line per kind, and fails at the first write that was lost. */
    String run(String database) throws Exception {
        start();
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                for (Kind kind : Kind.values()) {
                    Check check = write(kind, trial);
                    killSoonAfterAnswer();
                    start();
                    check.verify();
                    survived.computeIfAbsent(kind, k -> new int[1])[0]++;
                }
            }
        } finally {
            app.close();
        }
        return report(database);
    }

    /** What must be found after the restart. */
    private interface Check {

        void verify() throws Exception;
    }

    private Check write(Kind kind, int trial) throws Exception {
        String values = "/api/indicators/" + SyntheticSeed.code(trial) + "/observations";
        String period = "1900";
        return switch (kind) {
            case VALUE -> {
                expect(201, app.postJson(values, "{\"period\":\"" + period + "\",\"value\":100,\"source\":\"trial "
                        + trial + "\"}", ADMIN, PASSWORD), kind);
                yield () -> assertValue(kind, values + "/" + period, 100, 0);
            }
            case CORRECTION -> {
                expect(200, app.putJson(values + "/" + period, "{\"value\":101,\"source\":\"corrected in trial "
                        + trial + "\",\"version\":0}", ADMIN, PASSWORD), kind);
                yield () -> assertValue(kind, values + "/" + period, 101, 1);
            }
            case DELETE -> {
                expect(204, app.delete(values + "/" + period + "?version=1", ADMIN, PASSWORD), kind);
                yield () -> {
                    HttpResponse<String> gone = app.get(values + "/" + period, ADMIN, PASSWORD);
                    assertEquals(404, gone.statusCode(), kind + " answered 204 and then undone by the kill: "
                            + gone.body());
                };
            }
            case MILESTONE -> {
                String url = "/api/targets/FTZ-M01/milestone";
                int version = JSON.readTree(app.get(url, ADMIN, PASSWORD).body()).path("version").asInt();
                String evidence = "trial " + trial;
                expect(200, app.putJson(url, "{\"state\":\"IN_PROGRESS\",\"evidence\":\"" + evidence
                        + "\",\"date\":\"2026-0" + (1 + trial % 9) + "-01\",\"version\":" + version + "}", ADMIN,
                        PASSWORD), kind);
                yield () -> {
                    JsonNode state = JSON.readTree(app.get(url, ADMIN, PASSWORD).body());
                    assertEquals(evidence, state.path("evidence").asText(), kind + " lost: " + state);
                    assertEquals(version + 1, state.path("version").asInt(), kind + " lost: " + state);
                };
            }
            case USER -> {
                String name = "user-" + trial;
                expect(201, app.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\"password-of-"
                        + name + "\",\"role\":\"analyst\"}", ADMIN, PASSWORD), kind);
                yield () -> {
                    HttpResponse<String> me = app.get("/api/me", name, "password-of-" + name);
                    assertEquals(200, me.statusCode(), kind + " answered 201 and then lost: " + me.body());
                };
            }
            case IMPORT -> {
                // Every other trial answered by wait=true, the others seen SUCCEEDED by polling, as another
                // request: the case where H2 showed a commit to other sessions before writing it.
                String code = SyntheticSeed.code(TRIALS + trial);
                byte[] csv = importFile(code);
                if (trial % 2 == 0) {
                    HttpResponse<String> done = app.post("/api/observations/imports?wait=true&fileName=trial.csv",
                            "text/csv", csv, ADMIN, PASSWORD);
                    expect(200, done, kind);
                    assertEquals("SUCCEEDED", JSON.readTree(done.body()).path("status").asText(), done.body());
                } else {
                    HttpResponse<String> accepted = app.post("/api/observations/imports?fileName=trial.csv",
                            "text/csv", csv, ADMIN, PASSWORD);
                    expect(202, accepted, kind);
                    pollUntilSucceeded(JSON.readTree(accepted.body()).path("id").asText());
                }
                yield () -> {
                    JsonNode rows = JSON.readTree(app.get("/api/indicators/" + code + "/observations", ADMIN,
                            PASSWORD).body());
                    assertEquals(IMPORT_ROWS, rows.size(), kind + " answered SUCCEEDED and then lost: " + rows);
                };
            }
            case RESTORE -> {
                // Restore a backup taken before a value was entered: after the kill, that value must be gone
                // (the restore held) and the backup's own contents there.
                byte[] backup = app.get("/api/admin/backup", ADMIN, PASSWORD).body().getBytes(StandardCharsets.UTF_8);
                String scratch = "/api/indicators/" + SyntheticSeed.code(2 * TRIALS + trial) + "/observations";
                expect(201, app.postJson(scratch, "{\"period\":\"1900\",\"value\":7,\"source\":\"before restore\"}",
                        ADMIN, PASSWORD), kind);
                expect(200, app.post("/api/admin/restore", "application/json", backup, ADMIN, PASSWORD), kind);
                yield () -> {
                    HttpResponse<String> entered = app.get(scratch + "/1900", ADMIN, PASSWORD);
                    assertEquals(404, entered.statusCode(), kind + " answered 200 and then undone by the kill: "
                            + entered.body());
                    assertEquals(200, app.get("/api/me", "user-" + trial, "password-of-user-" + trial).statusCode(),
                            "the backup's users are there");
                };
            }
        };
    }

    private static byte[] importFile(String code) {
        StringBuilder rows = new StringBuilder("indicator,period,value,form,source\r\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            rows.append(code).append(',').append(SyntheticSeed.FIRST_YEAR + i).append(',').append(1000 + i)
                    .append(",LEVEL,trial\r\n");
        }
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Polls the job (as another request would) and returns the moment it is shown SUCCEEDED. */
    private void pollUntilSucceeded(String id) throws Exception {
        while (true) {
            JsonNode job = JSON.readTree(app.get("/api/observations/imports/" + id, ADMIN, PASSWORD).body());
            String status = job.path("status").asText();
            if (status.equals("SUCCEEDED")) {
                return;
            }
            assertTrue(List.of("QUEUED", "VALIDATING", "WRITING").contains(status), "the import ended " + job);
            app.awaitProgress();
        }
    }

    private void assertValue(Kind kind, String url, double value, int version) throws Exception {
        HttpResponse<String> answer = app.get(url, ADMIN, PASSWORD);
        assertEquals(200, answer.statusCode(), kind + " lost: " + answer.body());
        JsonNode stored = JSON.readTree(answer.body());
        assertEquals(value, stored.path("value").asDouble(), kind + " lost: " + stored);
        assertEquals(version, stored.path("version").asInt(), kind + " lost: " + stored);
    }

    private static void expect(int status, HttpResponse<String> answer, Kind kind) {
        assertEquals(status, answer.statusCode(), kind + ": " + answer.body());
    }

    /** SIGKILL 0–10 ms (uniformly, in whole microseconds) after the answer has arrived. */
    private void killSoonAfterAnswer() throws Exception {
        long answered = System.nanoTime();
        long delayNanos = random.nextInt(10_001) * 1_000L;
        while (System.nanoTime() - answered < delayNanos) {
            Thread.onSpinWait();
        }
        long signalled = app.signalKill();
        delaysMicros.add((signalled - answered) / 1_000);
        app.kill();
    }

    private void start() throws Exception {
        long begin = System.nanoTime();
        app = AppProcess.start(appDir, work, env).awaitReady();
        restartMillis.add((System.nanoTime() - begin) / 1_000_000);
    }

    private String report(String database) throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Kill -9 after the answer, %s: %d trials per kind, seed %d%n", database, TRIALS, SEED));
        for (Kind kind : Kind.values()) {
            out.append(String.format(Locale.ROOT, "  %-14s %3d acknowledged, %3d found after the restart%n",
                    kind, TRIALS, survived.getOrDefault(kind, new int[1])[0]));
        }
        List<Long> delays = delaysMicros.stream().sorted().toList();
        List<Long> restarts = restartMillis.stream().sorted().toList();
        long within = delays.stream().filter(d -> d <= 10_000).count();
        out.append(String.format(Locale.ROOT,
                "  kills: %d, answer-to-kill delay (drawn from 0-10 ms) min %.2f ms, median %.2f ms, max %.2f ms; "
                        + "%d within 10 ms (later ones: the test's thread preempted on a loaded machine)%n",
                delays.size(), delays.get(0) / 1000.0, delays.get(delays.size() / 2) / 1000.0,
                delays.get(delays.size() - 1) / 1000.0, within));
        out.append(String.format(Locale.ROOT, "  start to ready: median %,d ms, max %,d ms%n",
                restarts.get(restarts.size() / 2), restarts.get(restarts.size() - 1)));
        out.append("  acknowledged writes lost: 0\n");
        Path file = Path.of("target", "reliability", "durability-" + database.toLowerCase(Locale.ROOT) + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        return out.toString();
    }
}
