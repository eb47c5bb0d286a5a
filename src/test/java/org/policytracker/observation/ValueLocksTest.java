package org.policytracker.observation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.catalogue.Indicator;

/**
 * Writers of one indicator take turns for their whole transaction (ValueLocks): a second writer waits
 * until the first has committed or rolled back, and gives up, saying so, when it waited too long.
 */
@QuarkusTest
class ValueLocksTest {

    private static final String INDICATOR = "SERVICE_TRADE_SHARE_OF_FOREIGN_TRADE";
    private static final Duration SHORT = Duration.ofMillis(200);

    @Inject
    ValueLocks locks;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldMakeASecondWriterWaitUntilTheFirstTransactionEnds() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = inTransaction(() -> {
            locks.hold(List.of(1L, 2L), SHORT);
            holding.countDown();
            await(finish);
        });
        assertTrue(holding.await(1, TimeUnit.MINUTES));
        // Another indicator is free; one of the held ones is not, until the first transaction commits.
        QuarkusTransaction.requiringNew().run(() -> locks.hold(List.of(3L), SHORT));
        assertThrows(ValueLocks.Busy.class,
                () -> QuarkusTransaction.requiringNew().run(() -> locks.hold(List.of(3L, 2L), SHORT)));
        assertThrows(ValueLocks.Busy.class, () -> QuarkusTransaction.requiringNew().run(() -> locks.holdAll(SHORT)));
        CompletableFuture<Void> second = inTransaction(() -> locks.hold(List.of(2L), Duration.ofMinutes(5)));
        Thread.sleep(300);
        assertFalse(second.isDone(), "the second writer waits while the first transaction is open");
        finish.countDown();
        first.get(1, TimeUnit.MINUTES);
        second.get(1, TimeUnit.MINUTES);
        // Both ended, so everything is free again, including all values at once.
        QuarkusTransaction.requiringNew().run(() -> locks.holdAll(SHORT));
    }

    @Test
    void shouldReleaseWhatARolledBackTransactionHeld() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            locks.hold(List.of(5L), SHORT);
            throw new IllegalStateException("rolled back");
        }));
        QuarkusTransaction.requiringNew().run(() -> locks.hold(List.of(5L), SHORT));
    }

    @Test
    void shouldLetAValueWaitForAnotherWriterOfItsIndicatorAndThenSaveIt() throws Exception {
        long id = QuarkusTransaction.requiringNew().call(() -> Indicator.findByCode(INDICATOR).orElseThrow().id);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> other = inTransaction(() -> {
            locks.hold(List.of(id), SHORT);
            holding.countDown();
            await(finish);
        });
        assertTrue(holding.await(1, TimeUnit.MINUTES));
        CompletableFuture<Response> entry = CompletableFuture.supplyAsync(() -> asAnalyst()
                .contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 12.5))
                .post("/api/indicators/" + INDICATOR + "/observations"));
        Thread.sleep(500);
        assertFalse(entry.isDone(), "the entry waits while another transaction writes the indicator");
        finish.countDown();
        other.get(1, TimeUnit.MINUTES);
        Response saved = entry.get(1, TimeUnit.MINUTES);
        assertEquals(201, saved.statusCode(), saved.asString());
        asAnalyst().get("/api/indicators/" + INDICATOR + "/observations/2021").then().statusCode(200)
                .body("value", equalTo(12.5));
    }

    @Test
    void shouldRefuseAHoldOutsideATransaction() {
        assertThrows(IllegalStateException.class, () -> locks.hold(List.of(1L), SHORT));
    }

    private static CompletableFuture<Void> inTransaction(Runnable work) {
        return CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(work));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never let the transaction finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
