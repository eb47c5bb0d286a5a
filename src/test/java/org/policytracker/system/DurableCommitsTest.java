package org.policytracker.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.policytracker.TestValues;

/**
 * An acknowledged write has been forced to the disk on embedded H2 (DurableCommits, DurableAnswers): each
 * 2xx answer to a write follows an fsync begun after its commit; reads and refused writes cost none; writers
 * that finish together may share one. (That the data survive a kill straight after the answer is
 * KillAfterAnswerIT's part.)
 */
@QuarkusTest
class DurableCommitsTest {

    @Inject
    DurableCommits durable;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    @Test
    void shouldForceEveryAcknowledgedWriteToTheDiskAndNoRead() {
        boolean h2 = databaseKind.equals("h2");
        asAnalyst(); // creates the test users first, if this is the first test (a write of its own)
        asViewer();
        long before = durable.syncCount();
        TestValues.post("FOREST_STOCK", "1981", 90.5);
        long afterWrite = durable.syncCount();
        assertEquals(h2 ? before + 1 : before, afterWrite, "one fsync before the 201 (none on PostgreSQL)");

        asViewer().get("/api/indicators/FOREST_STOCK/observations/1981").then().statusCode(200);
        asViewer().get("/api/dashboard").then().statusCode(200);
        asAnalyst().contentType("application/json").body("{\"value\":\"abc\",\"version\":0}")
                .put("/api/indicators/FOREST_STOCK/observations/1981").then().statusCode(400);
        assertEquals(afterWrite, durable.syncCount(), "reads and refused writes force nothing");

        asAnalyst().delete("/api/indicators/FOREST_STOCK/observations/1981?version=0").then().statusCode(204);
        assertEquals(h2 ? afterWrite + 1 : afterWrite, durable.syncCount(), "the delete is forced too");
    }

    @Test
    void shouldForceConcurrentWritesAtMostOnceEach() throws Exception {
        long before = durable.syncCount();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers * 4; i++) {
                String period = Integer.toString(1953 + i);
                done.add(pool.submit(() -> TestValues.post("OIL_CONSUMPTION", period, 100 + Integer.parseInt(period)
                        % 7)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long syncs = durable.syncCount() - before;
        System.out.printf("%d concurrent writes, %d fsyncs%n", writers * 4, syncs);
        assertTrue(syncs <= writers * 4, "never more than one fsync per write: " + syncs);
        assertTrue(!databaseKind.equals("h2") || syncs >= 1, "forced at least once: " + syncs);
        for (int i = 0; i < writers * 4; i++) {
            asAnalyst().delete("/api/indicators/OIL_CONSUMPTION/observations/" + (1953 + i) + "?version=0").then()
                    .statusCode(204);
        }
    }
}
