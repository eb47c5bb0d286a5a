package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policytracker.observation.imports.UploadLimitsTest;

/**
 * Memory stays bounded under bombs (issue #16, point 3), on the packaged jar started with a heap of
 * {@value #HEAP}: three users send three rounds of bombs at once (an XLSX whose one cell unpacks to 90 MB, an
 * XLSX with 90 MB of zeros in one part, a CSV of 2,000,000 rows in 2 MB). Unpacked whole, three at once would
 * need far more than that heap (a 90 MB cell is 90-180 MB as a Java string); refused before they are
 * expanded, each is a 413 problem, a viewer's dashboard keeps answering 200 meanwhile, and the process's
 * peak resident set (VmHWM) is printed to target/reliability/bombs-packaged.txt. An OutOfMemoryError would be a
 * 503, and fail the test.
 */
class BombsIT {

    static final String HEAP = "384m";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bombs-admin-password";

    @TempDir
    Path work;

    @Test
    void shouldRefuseBombsWithinASmallHeapWhileAViewerIsAnswered() throws Exception {
        byte[] cellBomb = UploadLimitsTest.zipBomb(90L << 20);
        byte[] ratioBomb = UploadLimitsTest.workbook(out -> {
        }, 90L << 20);
        byte[] rowBomb = ("indicator,period,value\n" + "\n".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(),
                "TRACKER_ADMIN_PASSWORD", PASSWORD, "JAVA_TOOL_OPTIONS", "-Xmx" + HEAP);
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            List<String> users = List.of("bomber-1", "bomber-2", "bomber-3");
            for (String user : users) {
                assertEquals(201, app.postJson("/api/users", "{\"username\":\"" + user + "\",\"password\":\""
                        + PASSWORD + "\",\"role\":\"analyst\"}", "admin", PASSWORD).statusCode());
            }
            assertEquals(201, app.postJson("/api/users", "{\"username\":\"viewer\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"viewer\"}", "admin", PASSWORD).statusCode());
            String cookie = app.signIn("viewer", PASSWORD);
            assertEquals(200, app.getWithCookie("/api/dashboard", cookie).statusCode());

            AtomicBoolean bombing = new AtomicBoolean(true);
            List<Integer> dashboards = new ArrayList<>();
            Thread viewer = new Thread(() -> {
                try {
                    while (bombing.get()) {
                        int status = app.getWithCookie("/api/dashboard", cookie).statusCode();
                        synchronized (dashboards) {
                            dashboards.add(status);
                        }
                    }
                } catch (Exception e) {
                    synchronized (dashboards) {
                        dashboards.add(-1);
                    }
                }
            });
            viewer.start();
            Map<String, Integer> answers = new TreeMap<>();
            long t0 = System.nanoTime();
            ExecutorService bombers = Executors.newFixedThreadPool(users.size());
            try {
                List<Future<String>> sent = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < users.size(); i++) {
                        String user = users.get(i);
                        int kind = (i + round) % 3;
                        sent.add(bombers.submit(() -> {
                            HttpResponse<String> answer = kind == 2
                                    ? app.post("/api/observations/imports?wait=true", "text/csv", rowBomb, user,
                                            PASSWORD)
                                    : app.post("/api/observations/imports?wait=true", XLSX,
                                            kind == 0 ? cellBomb : ratioBomb, user, PASSWORD);
                            return answer.statusCode() + " "
                                    + answer.headers().firstValue("Content-Type").orElse("").split(";")[0] + " "
                                    + JSON.readTree(answer.body()).path("errors").path(0).path("code").asText();
                        }));
                    }
                }
                for (Future<String> answer : sent) {
                    answers.merge(answer.get(), 1, Integer::sum);
                }
            } finally {
                bombers.shutdown();
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            int seen;
            synchronized (dashboards) {
                seen = dashboards.size();
            }
            while (true) { // at least one dashboard answer after the bombs, so "keeps answering" is never vacuous
                synchronized (dashboards) {
                    if (dashboards.size() > seen) {
                        break;
                    }
                }
                app.awaitProgress();
            }
            bombing.set(false);
            viewer.join();
            long peakKb = peakRssKb(app);
            String figures = String.format("Bombs on the packaged jar, -Xmx%s: 3 rounds x 3 users at once, %d ms%n"
                    + "answers: %s%nviewer's dashboard meanwhile: %s%npeak resident set (VmHWM): %d MB%n", HEAP,
                    millis, answers, dashboards, peakKb >> 10);
            System.out.print(figures);
            Path out = Path.of("target", "reliability", "bombs-packaged.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, figures);
            assertEquals(Map.of("413 application/problem+json file.limit.ratio", 3,
                    "413 application/problem+json file.limit.rows", 3,
                    "413 application/problem+json file.limit.text", 3), answers, app.output());
            assertTrue(dashboards.stream().allMatch(s -> s == 200), "dashboard: " + dashboards);
            assertTrue(app.output().lines().noneMatch(l -> l.contains("OutOfMemoryError")), app.output());
        }
    }

    private static long peakRssKb(AppProcess app) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst()
                .orElse(0L);
    }
}
