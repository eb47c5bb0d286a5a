package org.policytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.reliability.Http.Answer;

/**
 * Reliability suite, part 3 (issue #7): concurrent writers. Two writers holding the same version
 * race to correct one value: exactly one wins, the other gets a 409 problem naming the version.
 * Then 50 writers for a bounded time ({@code reliability.concurrency.seconds}, default 10) on
 * distinct values (every write must succeed) and on shared values (each write succeeds or is
 * refused as stale); afterwards every count is exact: each value's version, its prior vintages and
 * the audit entries equal the number of successful writes, and the stored value is the one the
 * last successful write sent (no lost update).
 */
@QuarkusTest
class ConcurrentWritersTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    static final String STALE = "PROVINCIAL_IP_PUBLIC_SERVICE_COVERAGE";
    static final String DISTINCT = "SERVICE_TRADE_SHARE_OF_FOREIGN_TRADE";
    static final String DISTINCT2 = "IP_CIVIL_FIRST_INSTANCE_ACCEPTANCE_RATE";
    static final String SHARED = "PROVINCIAL_IP_PUBLIC_SERVICE_COVERAGE";
    static final int WRITERS = 50;
    static final int SECONDS = Integer.getInteger("reliability.concurrency.seconds", 10);

    private String analyst;

    @BeforeEach
    void users() {
        TestUsers.asAnalyst().get("/api/me").then().statusCode(200);
        analyst = Http.basic("analyst1", TestUsers.PASSWORD);
    }

    @Test
    void shouldLetExactlyOneOfTwoStaleWritersWin() throws Exception {
        String url = "/api/indicators/" + STALE + "/observations";
        assertEquals(201, post(url, 2020, 10.0).status());
        ExecutorService two = Executors.newFixedThreadPool(2);
        int rounds = 25;
        try {
            for (int round = 0; round < rounds; round++) {
                long version = get(url + "/2020").path("version").asLong();
                assertEquals(round, version);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    double value = 20 + round + w / 10.0;
                    answers.add(two.submit(() -> {
                        go.await();
                        return put(url + "/2020", value, version);
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Answer> f : answers) {
                    Answer a = f.get();
                    statuses.add(a.status());
                    if (a.status() == 409) {
                        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
                        assertEquals("version", a.json().path("errors").path(0).path("field").asText(), a.text());
                    }
                }
                statuses.sort(null);
                assertEquals(List.of(200, 409), statuses, "round " + round + ": exactly one stale writer wins");
            }
        } finally {
            two.shutdownNow();
        }
        JsonNode value = get(url + "/2020");
        assertEquals(rounds, value.path("version").asInt());
        assertEquals(rounds, value.path("priorVintages").size());
    }

    @Test
    void shouldKeepExactCountsWithFiftyWritersOnDistinctValues() throws Exception {
        int auditBefore = auditCount(DISTINCT, null) + auditCount(DISTINCT2, null);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        int[] corrections = new int[WRITERS];
        double[] last = new double[WRITERS];
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        long start = System.nanoTime();
        runWriters(w -> {
            String url = "/api/indicators/" + (w % 2 == 0 ? DISTINCT : DISTINCT2) + "/observations";
            int year = 2001 + w / 2; // 2001–2025 on each of the two indicators
            double value = 1 + w;
            Answer created = post(url, year, value);
            if (created.status() != 201) {
                failures.add("POST " + year + ": " + created.status() + " " + created.text());
                return;
            }
            long version = created.json().path("version").asLong();
            last[w] = value;
            while (System.nanoTime() < deadline) {
                value = Math.round((value + 0.37) % 100 * 100) / 100.0;
                Answer a = put(url + "/" + year, value, version);
                if (a.status() != 200) {
                    failures.add("PUT " + year + " v" + version + ": " + a.status() + " " + a.text());
                    return;
                }
                version = a.json().path("version").asLong();
                corrections[w]++;
                last[w] = value;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(failures.isEmpty(), "every write on a value of its own succeeds: " + failures);
        int writes = WRITERS;
        for (int w = 0; w < WRITERS; w++) {
            JsonNode value = get("/api/indicators/" + (w % 2 == 0 ? DISTINCT : DISTINCT2) + "/observations/"
                    + (2001 + w / 2));
            assertEquals(corrections[w], value.path("version").asInt(), "writer " + w + ": version = corrections");
            assertEquals(corrections[w], value.path("priorVintages").size(), "writer " + w + ": one vintage each");
            assertEquals(last[w], value.path("value").asDouble(), 1e-9, "writer " + w + ": the last write stays");
            writes += corrections[w];
        }
        assertEquals(writes, auditCount(DISTINCT, null) + auditCount(DISTINCT2, null) - auditBefore,
                "one audit entry per successful write");
        record(String.format("distinct values: %d writers × %d s: %d successful writes (%.0f/s), 0 refused; "
                + "versions, vintages and audit entries exact", WRITERS, SECONDS, writes, writes / seconds));
    }

    @Test
    void shouldLoseNoUpdateWithFiftyWritersOnSharedValues() throws Exception {
        String url = "/api/indicators/" + SHARED + "/observations";
        int values = 5;
        for (int v = 0; v < values; v++) {
            assertEquals(201, post(url, 2016 + v, 50.0).status());
        }
        int auditBefore = auditCount(SHARED, "OBSERVATION_CORRECTED");
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, Map<Long, Double>> won = new ConcurrentHashMap<>(); // year -> version -> value written
        AtomicInteger refused = new AtomicInteger();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        long start = System.nanoTime();
        runWriters(w -> {
            int year = 2016 + w % values;
            int seq = 0;
            while (System.nanoTime() < deadline) {
                long version = get(url + "/" + year).path("version").asLong();
                double value = w + (seq++ % 1000) / 1000.0; // says who wrote it and when
                Answer a = put(url + "/" + year, value, version);
                if (a.status() == 200) {
                    long now = a.json().path("version").asLong();
                    Double twice = won.computeIfAbsent(year, k -> new ConcurrentHashMap<>()).put(now, value);
                    if (now != version + 1 || twice != null) {
                        failures.add("year " + year + ": version " + version + " -> " + now + (twice != null
                                ? " given to two writes"
                                : ""));
                    }
                } else if (a.status() == 409 && a.contentType().startsWith("application/problem+json")
                        && a.json().path("errors").path(0).path("field").asText().equals("version")) {
                    refused.incrementAndGet();
                } else {
                    failures.add("PUT " + year + ": " + a.status() + " " + a.text());
                    return;
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(failures.isEmpty(), failures.toString());
        int successes = 0;
        for (int v = 0; v < values; v++) {
            int year = 2016 + v;
            Map<Long, Double> versions = won.getOrDefault(year, Map.of());
            JsonNode value = get(url + "/" + year);
            assertEquals(versions.size(), value.path("version").asInt(), year + ": version = successful writes");
            assertEquals(versions.size(), value.path("priorVintages").size(), year + ": a vintage per write");
            assertEquals(new TreeSet<>(versions.keySet()).size() == 0 ? 0L : new TreeSet<>(versions.keySet()).last(),
                    value.path("version").asLong());
            if (!versions.isEmpty()) {
                assertEquals(versions.get(value.path("version").asLong()), value.path("value").asDouble(), 1e-9,
                        year + ": the stored value is the one the last successful write sent");
            }
            successes += versions.size();
        }
        assertEquals(successes, auditCount(SHARED, "OBSERVATION_CORRECTED") - auditBefore,
                "one audit entry per successful correction");
        assertTrue(successes > 0 && refused.get() > 0, "the writers did contend: " + successes + " won, "
                + refused + " refused");
        record(String.format("shared values: %d writers on %d values × %d s: %d successful corrections (%.0f/s), "
                + "%d refused as stale (409); versions, vintages, audit entries exact, no lost update",
                WRITERS, values, SECONDS, successes, successes / seconds, refused.get()));
    }

    // ---- helpers --------------------------------------------------------------------------------

    interface Writer {

        void run(int writer) throws Exception;
    }

    private static void runWriters(Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int id = w;
            done.add(pool.submit(() -> {
                go.await();
                writer.run(id);
                return null;
            }));
        }
        go.countDown();
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Random levels: confirmed against the plausibility rule, which is not what this test is about. */
    private Answer post(String url, int year, double value) {
        return Http.send("POST", url, analyst, "application/json",
                Nasty.b("{\"period\":\"" + year + "\",\"value\":" + value
                        + ",\"source\":\"concurrency test\",\"confirm\":true}"));
    }

    private Answer put(String url, double value, long version) {
        return Http.send("PUT", url, analyst, "application/json",
                Nasty.b("{\"value\":" + value + ",\"version\":" + version + ",\"confirm\":true}"));
    }

    private JsonNode get(String url) {
        Answer a = Http.send("GET", url, analyst, null, null);
        assertEquals(200, a.status(), a.text());
        return a.json();
    }

    /** Audit entries of an indicator (of one action, or all), counted by paging through them. */
    private int auditCount(String indicator, String action) {
        int count = 0;
        for (int page = 0;; page++) {
            JsonNode p = get("/api/audit?indicator=" + indicator + "&size=500&page=" + page);
            for (JsonNode item : p.path("items")) {
                if (action == null || action.equals(item.path("action").asText())) {
                    count++;
                }
            }
            if (p.path("items").size() < 500) {
                return count;
            }
        }
    }

    private static void record(String line) throws Exception {
        System.out.println("Concurrency: " + line);
        Path out = Path.of("target", "reliability", "concurrency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
