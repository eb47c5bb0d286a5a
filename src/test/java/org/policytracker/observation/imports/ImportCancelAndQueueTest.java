package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.IMPORTS;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.ValuesHeld;
import org.policytracker.observation.Observation;
import org.policytracker.observation.ValueLocks;

/**
 * Issue #16, "bounded cost per request": import jobs can be cancelled by their owner or an admin (a write
 * rolls back, nothing is written), wait=true waits its turn behind tracker.import.max-parallel (2), and a
 * user with tracker.import.max-per-user (2) imports queued or running gets a 429 with Retry-After.
 *
 * <p>
 * No timing guesses: the test holds every indicator's values (as a restore does, {@link ValueLocks#holdAll}),
 * so imports wait in WRITING, deterministically, until it lets go; every wait is on a job's status.
 */
@QuarkusTest
class ImportCancelAndQueueTest {

    @Inject
    ValueLocks locks;

    @Inject
    ImportWatchdog watchdog;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldCancelARunningWriteByItsOwnerAndWriteNothing() throws Exception {
        RequestSpecification owner = TestUsers.as("cancel-owner", "analyst");
        String id;
        try (ValuesHeld hold = new ValuesHeld(locks)) {
            id = submit(owner, csv(), "");
            awaitStatus(id, "WRITING");
            TestUsers.as("cancel-other", "analyst").post(IMPORTS + "/" + id + "/cancel").then().statusCode(403)
                    .contentType("application/problem+json").body("detail",
                            equalTo("This import was started by cancel-owner; only they or an admin can cancel it."));
            asViewer().post(IMPORTS + "/" + id + "/cancel").then().statusCode(403);
            owner.post(IMPORTS + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("errors[0].code", equalTo("job.cancelled"))
                    .body("errors[0].message", equalTo("Cancelled by cancel-owner; nothing was written."));
        }
        awaitRunnerEnded(id);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Observation.count()),
                "nothing was written");
        asViewer().get(IMPORTS + "/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("rowsWritten", equalTo(0));
        owner.post(IMPORTS + "/" + id + "/cancel").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status")).body("errors[0].code", equalTo("import.finished"));
        asAdmin().post(IMPORTS + "/00000000-0000-0000-0000-000000000000/cancel").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldQueueWaitTrueImportsLimitEachUserAndLetAnAdminCancelAQueuedJob() throws Exception {
        RequestSpecification busy = TestUsers.as("queue-busy", "analyst");
        RequestSpecification waiting = TestUsers.as("queue-waiting", "analyst");
        String csv = csv();
        String first;
        String second;
        String queued;
        CompletableFuture<Response> waited;
        try (ValuesHeld hold = new ValuesHeld(locks)) {
            // Both workers (max-parallel 2) are taken by busy's imports, which wait in WRITING.
            first = submit(busy, csv, "");
            second = submit(busy, csv, "mode=upsert");
            awaitStatus(first, "WRITING");
            awaitStatus(second, "WRITING");

            // A third of busy's: 429 with Retry-After (max-per-user 2), and no job.
            long jobs = jobCount();
            busy.contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORTS).then()
                    .statusCode(429).contentType("application/problem+json").header("Retry-After", "10")
                    .body("status", equalTo(429)).body("detail", equalTo("You have 2 imports queued or running, "
                            + "the most one user may have at once (tracker.import.max-per-user); send this file "
                            + "once one of them has finished."));
            assertEquals(jobs, jobCount());

            // Another user's wait=true import waits QUEUED for a worker; before, it ran at once on the request's thread.
            // A dry run in upsert mode: valid whether or not busy's second import has written the same rows when it
            // runs (in create mode it was REJECTED on PostgreSQL, where that import committed first).
            waited = CompletableFuture.supplyAsync(() -> waiting.contentType("text/csv")
                    .body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORTS + "?wait=true&dryRun=true&mode=upsert"));
            String waitedId = awaitJobOf("queue-waiting");
            assertEquals("QUEUED", status(waitedId));
            Thread.sleep(1000); // a negative claim: it does not start while both workers are busy
            assertEquals("QUEUED", status(waitedId));
            assertFalse(waited.isDone(), "wait=true answered before its turn");

            // An admin cancels busy's first job; busy has a place again, and a queued job of theirs is cancelled
            // by them before it starts.
            asAdmin().header("Accept-Language", "en").post(IMPORTS + "/" + first + "/cancel").then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("errors[0].message",
                            equalTo("Cancelled by admin; nothing was written."));
            queued = submit(busy, csv, "dryRun=true");
            assertEquals("QUEUED", status(queued));
            busy.post(IMPORTS + "/" + queued + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        }
        Response answer = waited.get(2, TimeUnit.MINUTES);
        answer.then().statusCode(200).body("status", equalTo("SUCCEEDED")).body("dryRun", equalTo(true));
        ImportApi.awaitFinished(IMPORTS + "/" + second).then().body("status", equalTo("SUCCEEDED"));
        awaitRunnerEnded(first);
        awaitRunnerEnded(queued);
        asViewer().get(IMPORTS + "/" + first).then().body("status", equalTo("CANCELLED"));
        asViewer().get(IMPORTS + "/" + queued).then().body("status", equalTo("CANCELLED")).body("rowsRead", equalTo(0));
        long rows = csv.lines().count() - 1;
        assertEquals(rows, (long) QuarkusTransaction.requiringNew().call(() -> Observation.count()),
                "only the second import's values");
    }

    private static String submit(RequestSpecification user, String csv, String query) {
        return user.contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + (query.isEmpty() ? "" : "?" + query)).then().statusCode(202).extract().path("id");
    }

    private static String status(String id) {
        return asViewer().get(IMPORTS + "/" + id).then().statusCode(200).extract().path("status");
    }

    private static void awaitStatus(String id, String wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String now = null;
        while (System.currentTimeMillis() < deadline) {
            now = status(id);
            if (now.equals(wanted)) {
                return;
            }
            assertFalse(ImportStatus.valueOf(now).isFinal(), "job " + id + " ended " + now + " before " + wanted);
            Thread.sleep(50);
        }
        fail("job " + id + " is " + now + ", not " + wanted + ", after a minute");
    }

    private static String awaitJobOf(String user) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> ids = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>list("createdBy", user)
                    .stream().map(j -> j.id).toList());
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(50);
        }
        return fail("no job of " + user + " within a minute");
    }

    private void awaitRunnerEnded(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (watchdog.holds(id)) {
            assertTrue(System.currentTimeMillis() < deadline, "the runner of " + id + " did not end");
            Thread.sleep(50);
        }
    }

    private static long jobCount() {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
    }

    /** Forty years of every indicator that takes values (more rows than a progress checkpoint, 500 in %test). */
    private static String csv() {
        List<Map<String, Object>> indicators = asViewer().get("/api/indicators").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.valueType != 'STATE' }");
        StringBuilder csv = new StringBuilder("indicator,period,value,form,confirm\r\n");
        int last = Year.now(ZoneOffset.UTC).getValue() - 1;
        for (Map<String, Object> indicator : indicators) {
            for (int year = Math.max((Integer) indicator.get("seriesStart"), last - 39); year <= last; year++) {
                csv.append(indicator.get("code")).append(',').append(year).append(',')
                        .append("SHARE".equals(indicator.get("valueType")) ? "50" : "1000").append(',')
                        .append(indicator.get("publishedForm")).append(",true\r\n");
            }
        }
        assertTrue(csv.toString().lines().count() > 501, "more rows than a progress checkpoint");
        return csv.toString();
    }
}
