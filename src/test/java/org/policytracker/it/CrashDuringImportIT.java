package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability suite, part 2 (issue #7): kill -9 the packaged server in the middle of a
 * 100,000-row CSV import, restart it on the same data directory, and check that the import is all
 * or nothing — every one of the 100k values is either the new one or the one before, never a mix —
 * and that values committed earlier are unchanged (a SHA-256 over them). Repeated
 * {@code reliability.crash.iterations} times (default 20), killing at a random point of the
 * validating or the writing pass (by the job's progress counters), with a fixed seed
 * ({@code reliability.crash.seed}).
 */
class CrashDuringImportIT {

    static final int INDICATORS = 1000;
    static final int YEARS = 100; // 1900–1999: 1000 × 100 = 100,000 rows
    static final int ROWS = INDICATORS * YEARS;
    static final int ITERATIONS = Integer.getInteger("reliability.crash.iterations", 20);
    static final long SEED = Long.getLong("reliability.crash.seed", 7L);
    static final Set<String> RUNNING = Set.of("QUEUED", "VALIDATING", "WRITING");
    static final String ADMIN = "crash-admin-password";
    static final String ANALYST = "analyst-password-1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void shouldImportAllOrNothingAcrossKillNine() throws Exception {
        Path seed = SyntheticSeed.write(work.resolve("seed"), INDICATORS,
                Path.of(System.getProperty("tracker.seed.source", "seed-data")));
        // A short heartbeat, so that the job of a killed server is seen to be dead seconds after the restart.
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(),
                "TRACKER_SEED_DIR", seed.toString(), "TRACKER_ADMIN_PASSWORD", ADMIN,
                "TRACKER_IMPORT_HEARTBEAT_EVERY", "1s", "TRACKER_IMPORT_STALE_AFTER", "3s");
        Random random = new Random(SEED);
        List<String> log = new ArrayList<>();
        String baseline;
        int committed; // the generation whose values the synthetic indicators hold
        long firstImportMillis;

        AppProcess app = AppProcess.start(work, env).awaitReady();
        try {
            assertEquals(201, app.postJson("/api/users",
                    "{\"username\":\"ana\",\"password\":\"" + ANALYST + "\",\"role\":\"analyst\"}", "admin", ADMIN)
                    .statusCode());
            // Values committed before any crash: single entries on real indicators…
            for (int year = 2001; year <= 2010; year++) {
                assertEquals(201, app.postJson("/api/indicators/FOREST_STOCK/observations",
                        "{\"period\":\"" + year + "\",\"value\":" + (100 + year % 7) + ".5,\"source\":\"before\"}",
                        "ana", ANALYST).statusCode());
            }
            // …and a complete first import (generation 1), which also times the write pass.
            long start = System.nanoTime();
            JsonNode first = JSON.readTree(app.post("/api/observations/imports?wait=true&mode=upsert", "text/csv",
                    csv(1), "ana", ANALYST).body());
            firstImportMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("SUCCEEDED", first.path("status").asText(), first.toString());
            assertEquals(ROWS, first.path("rowsWritten").asInt());
            committed = 1;
            Snapshot s = snapshot(app);
            s.assertGeneration(committed);
            baseline = s.others;
            log.add(String.format("first import of %,d rows (not killed): %,d ms", ROWS, firstImportMillis));
        } catch (Throwable t) {
            app.close();
            throw t;
        }

        int killedValidating = 0;
        int killedWriting = 0;
        int finishedFirst = 0;
        int rolledBack = 0;
        int committedAtKill = 0;
        int stuck = 0;
        int lostAfterSucceeded = 0;
        long restartMillis = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int generation = i + 2;
            // Where to kill: a quarter of the kills in the validating pass, one in ten right after the job
            // committed (committed values must survive kill -9), the rest in the write pass, after 0–60k rows.
            int where = random.nextInt(20);
            boolean duringValidation = where < 5;
            boolean afterCommit = where >= 18;
            int threshold = random.nextInt(duringValidation ? ROWS : ROWS * 6 / 10);
            HttpResponse<String> submitted = app.post("/api/observations/imports?mode=upsert&fileName=gen" + generation
                    + ".csv", "text/csv", csv(generation), "ana", ANALYST);
            assertEquals(202, submitted.statusCode(), submitted.body());
            String id = JSON.readTree(submitted.body()).path("id").asText();
            String seen = "?";
            while (true) {
                JsonNode job = JSON.readTree(app.get("/api/observations/imports/" + id, "ana", ANALYST).body());
                String status = job.path("status").asText();
                seen = status + " read " + job.path("rowsRead").asInt() + " written " + job.path("rowsWritten").asInt();
                if (!RUNNING.contains(status)) {
                    break;
                }
                if (afterCommit ? false
                        : duringValidation ? status.equals("VALIDATING")
                                && job.path("rowsRead").asInt() >= threshold
                                : status.equals("WRITING") && job.path("rowsWritten").asInt() >= threshold) {
                    break;
                }
                app.awaitProgress();
            }
            app.kill();
            if (seen.startsWith("VALIDATING")) {
                killedValidating++;
            } else if (seen.startsWith("WRITING")) {
                killedWriting++;
            } else {
                finishedFirst++;
            }

            long start = System.nanoTime();
            app = AppProcess.start(work, env).awaitReady();
            restartMillis += (System.nanoTime() - start) / 1_000_000;
            try {
                Snapshot s = snapshot(app);
                assertEquals(baseline, s.others, "iteration " + i + ": values committed earlier are unchanged");
                int now = s.generation();
                assertTrue(now == committed || now == generation, "iteration " + i + ": the values are generation "
                        + now + ", expected " + committed + " (rolled back) or " + generation + " (committed)");
                s.assertGeneration(now);
                if (now == generation) {
                    committedAtKill++;
                } else {
                    rolledBack++;
                }
                // The killed job does not stay QUEUED/VALIDATING/WRITING: the restarted server marks it FAILED
                // once its heartbeat is stale (ImportWatchdog), unless it had committed (SUCCEEDED).
                String status = awaitFinalStatus(app, id);
                if (seen.startsWith("SUCCEEDED") && now != generation) {
                    // An import the client was told SUCCEEDED must survive the kill (WRITE_DELAY=0 on H2).
                    lostAfterSucceeded++;
                    fail("iteration " + i + ": the import was answered SUCCEEDED, and after the kill its values are "
                            + "gone (generation " + now + ")");
                }
                if (RUNNING.contains(status)) {
                    stuck++;
                    fail("iteration " + i + ": job " + id + " still shows " + status + " after the restart");
                } else if (status.equals("SUCCEEDED") != (now == generation)) {
                    fail("iteration " + i + ": job " + status + " but the values are generation " + now);
                }
                log.add(String.format("kill %2d at %-34s -> restart %,6d ms -> %s; job left %s", i + 1, seen,
                        (System.nanoTime() - start) / 1_000_000,
                        now == generation ? "all 100,000 new values" : "none of the new values", status));
                System.out.println(log.get(log.size() - 1));
                committed = now;
            } catch (Throwable t) {
                System.out.println(app.output());
                app.close();
                throw t;
            }
        }
        app.close();

        log.add(String.format("%d kills: %d while validating, %d while writing, %d after the job had finished; "
                + "%d rolled back entirely, %d committed entirely, 0 partial; earlier values unchanged every time; "
                + "mean restart %,d ms; jobs left showing a running status: %d; imports answered SUCCEEDED and "
                + "lost to the kill: %d of %d", ITERATIONS, killedValidating,
                killedWriting, finishedFirst, rolledBack, committedAtKill, restartMillis / Math.max(1, ITERATIONS),
                stuck, lostAfterSucceeded, finishedFirst));
        String report = String.join("\n", log);
        System.out.println(report);
        Path out = Path.of("target", "reliability", "crash.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
        assertTrue(killedWriting > 0 || ITERATIONS < 4, "some kills landed in the write pass");
    }

    /**
     * The job's status once it is final; its last status if the server has gone quiet (no output, no work)
     * without the watchdog marking it.
     */
    private static String awaitFinalStatus(AppProcess app, String id) throws Exception {
        while (true) {
            String status = JSON.readTree(app.get("/api/observations/imports/" + id, "ana", ANALYST).body())
                    .path("status").asText();
            if (!RUNNING.contains(status)) {
                return status;
            }
            try {
                app.awaitProgress();
            } catch (AssertionError quiet) {
                return status;
            }
        }
    }

    /**
     * The CSV of one generation: every synthetic indicator × 100 years, values that say their generation
     * (twice the last generation's, say: confirmed against the plausibility rule).
     */
    static byte[] csv(int generation) {
        StringBuilder out = new StringBuilder(ROWS * 32).append("indicator,period,value,confirm\n");
        for (int i = 0; i < INDICATORS; i++) {
            String code = SyntheticSeed.code(i);
            for (int y = 0; y < YEARS; y++) {
                out.append(code).append(',').append(SyntheticSeed.FIRST_YEAR + y).append(',')
                        .append(value(generation, i, y)).append(",true\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long value(int generation, int indicator, int year) {
        return generation * 1_000_000L + indicator * 100L + year;
    }

    /** Every current value, from the CSV export: the synthetic ones, and a digest of all others. */
    record Snapshot(List<CSVRecord> synthetic, String others) {

        int generation() {
            Set<Long> generations = new TreeSet<>();
            for (CSVRecord r : synthetic) {
                generations.add((long) Double.parseDouble(r.get("value")) / 1_000_000L);
            }
            assertEquals(1, generations.size(), "one generation of values, never a mix: " + generations);
            return generations.iterator().next().intValue();
        }

        void assertGeneration(int generation) {
            assertEquals(ROWS, synthetic.size(), "all 100,000 synthetic values are present");
            for (CSVRecord r : synthetic) {
                int indicator = Integer.parseInt(r.get("indicator").substring(SyntheticSeed.PREFIX.length()));
                int year = Integer.parseInt(r.get("period")) - SyntheticSeed.FIRST_YEAR;
                assertEquals(value(generation, indicator, year), (long) Double.parseDouble(r.get("value")),
                        r.toString());
            }
        }
    }

    static Snapshot snapshot(AppProcess app) throws Exception {
        HttpResponse<String> export = app.get("/api/observations/export?format=csv", "ana", ANALYST);
        assertEquals(200, export.statusCode(), export.body());
        List<CSVRecord> synthetic = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String body = export.body().startsWith("\ufeff") ? export.body().substring(1) : export.body();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body))) {
            if (r.get("indicator").startsWith(SyntheticSeed.PREFIX)) {
                synthetic.add(r);
            } else {
                others.add(String.join("\u001f", r.values()));
            }
        }
        others.sort(null);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        others.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        // The ten FOREST_STOCK values this test enters before any crash.
        assertTrue(others.size() >= 10, "the values entered before are exported: " + others.size());
        return new Snapshot(synthetic, others.size() + " values, sha256 " + HexFormat.of().formatHex(sha.digest()));
    }
}
