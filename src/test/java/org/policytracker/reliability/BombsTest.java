package org.policytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.observation.imports.UploadLimitsTest;

/**
 * Issue #16, "bounded cost per request": three users send bombs at once (three rounds of an XLSX whose cell
 * unpacks to 90 MB, an XLSX with 90 MB of zeros in one part, a CSV of 2,000,000 rows in 2 MB); each is a 413
 * problem, a viewer's dashboard keeps answering 200 meanwhile, and the heap after a GC is where it was (the
 * peak heap and old generation, sampled every 20 ms, are reported; it/BombsIT bounds memory with a small heap). Figures go to
 * target/reliability/bombs.txt.
 */
@QuarkusTest
class BombsTest {

    static final String IMPORTS = "/api/observations/imports";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int ROUNDS = 3;

    @Test
    void shouldRefuseBombsWithBoundedMemoryWhileOthersKeepBeingAnswered() throws Exception {
        TestData.reset();
        byte[] cellBomb = UploadLimitsTest.zipBomb(90L << 20);
        byte[] ratioBomb = UploadLimitsTest.workbook(out -> {
        }, 90L << 20);
        byte[] rowBomb = ("indicator,period,value\n" + "\n".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
        List<String> users = List.of("bomber-1", "bomber-2", "bomber-3");
        users.forEach(u -> TestUsers.as(u, "analyst").get("/api/dashboard").then().statusCode(200));
        asViewer().get("/api/dashboard").then().statusCode(200);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long rssBefore = rssKb();
        AtomicLong heapPeak = new AtomicLong(heapBefore);
        // The old generation: where a large array goes at once (G1's humongous objects, the size of an unpacked
        // cell), and what survives; the young generation's garbage, which G1 lets grow to what the heap allows,
        // is not there, so its growth bounds what the bombs kept or unpacked whole, independently of GC timing.
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old Gen")).findFirst()
                .orElseThrow(() -> new AssertionError("no old generation pool in "
                        + ManagementFactory.getMemoryPoolMXBeans().stream().map(MemoryPoolMXBean::getName).toList()));
        long oldBefore = old.getUsage().getUsed();
        AtomicLong oldPeak = new AtomicLong(oldBefore);
        AtomicBoolean bombing = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (bombing.get()) {
                heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                oldPeak.accumulateAndGet(old.getUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        AtomicInteger dashboards = new AtomicInteger();
        List<Integer> dashboardStatuses = new ArrayList<>();
        AtomicLong slowestDashboard = new AtomicLong();
        Thread viewer = new Thread(() -> {
            while (bombing.get()) {
                long t0 = System.nanoTime();
                int status = asViewer().get("/api/dashboard").statusCode();
                slowestDashboard.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                synchronized (dashboardStatuses) {
                    dashboardStatuses.add(status);
                }
                dashboards.incrementAndGet();
            }
        });
        viewer.start();

        long t0 = System.nanoTime();
        Map<String, Integer> answers = new TreeMap<>();
        ExecutorService bombers = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < users.size(); i++) {
                    String user = users.get(i);
                    int kind = (i + round) % 3;
                    sent.add(bombers.submit(() -> {
                        var request = TestUsers.as(user, "analyst");
                        var response = switch (kind) {
                            case 0 -> request.contentType(XLSX).body(cellBomb).post(IMPORTS + "?wait=true");
                            case 1 -> request.contentType(XLSX).body(ratioBomb).post(IMPORTS + "?wait=true");
                            default -> request.contentType("text/csv").body(rowBomb).post(IMPORTS + "?wait=true");
                        };
                        return response.statusCode() + " " + response.contentType().split(";")[0] + " "
                                + response.path("errors[0].code");
                    }));
                }
            }
            for (Future<String> answer : sent) {
                answers.merge(answer.get(), 1, Integer::sum);
            }
        } finally {
            bombers.shutdown();
        }
        long bombMillis = (System.nanoTime() - t0) / 1_000_000;
        // At least one dashboard answer after the bombs, so "keeps answering" is never vacuous.
        int seen = dashboards.get();
        while (dashboards.get() <= seen) {
            Thread.sleep(10);
        }
        bombing.set(false);
        viewer.join();
        sampler.join();
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        long rssAfter = rssKb();

        String figures = String.format("Bombs: %d rounds x %d users at once, %d ms%n"
                + "answers: %s%n"
                + "viewer's GET /api/dashboard meanwhile: %d answers, statuses %s, slowest %d ms%n"
                + "heap used: before %d MB, peak while bombing %d MB (+%d MB), after GC %d MB%n"
                + "old generation (%s): before %d MB, peak while bombing %d MB (+%d MB)%n"
                + "RSS: before %d MB, after %d MB%n",
                ROUNDS, users.size(), bombMillis, answers, dashboards.get(), statusCounts(dashboardStatuses),
                slowestDashboard.get(), heapBefore >> 20, heapPeak.get() >> 20, (heapPeak.get() - heapBefore) >> 20,
                heapAfter >> 20, old.getName(), oldBefore >> 20, oldPeak.get() >> 20, (oldPeak.get() - oldBefore) >> 20,
                rssBefore >> 10, rssAfter >> 10);
        System.out.print(figures);
        Path out = Path.of("target", "reliability", "bombs.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures);

        assertEquals(Map.of("413 application/problem+json file.limit.ratio", ROUNDS,
                "413 application/problem+json file.limit.rows", ROUNDS,
                "413 application/problem+json file.limit.text", ROUNDS), answers);
        assertTrue(dashboardStatuses.stream().allMatch(s -> s == 200), "dashboard: " + dashboardStatuses);
        // The heap's peak and the old generation are reported, not asserted: G1 lets garbage grow with the heap
        // it has, so here they depend on what else this JVM ran (+458 to +840 MB measured). That memory is bounded
        // is shown on the packaged jar with a small fixed heap (it/BombsIT); what is asserted here is that nothing
        // of the bombs is kept.
        assertTrue(heapAfter - heapBefore < 64L << 20, "heap kept " + ((heapAfter - heapBefore) >> 20) + " MB");
    }

    private static Map<Integer, Integer> statusCounts(List<Integer> statuses) {
        Map<Integer, Integer> counts = new TreeMap<>();
        synchronized (statuses) {
            statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        return counts;
    }

    /** This process's resident set (VmRSS), in kB; 0 where /proc is missing. */
    private static long rssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }
}
