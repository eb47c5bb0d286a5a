package org.policytracker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.policytracker.observation.ValueLocks;

/**
 * Every indicator's values held (as a restore holds them) in a transaction of its own until closed: an import
 * then stays in its write pass, waiting, for as long as a test needs it there, without timing guesses.
 */
public final class ValuesHeld implements AutoCloseable {

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> transaction;

    public ValuesHeld(ValueLocks locks) throws InterruptedException {
        transaction = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            locks.holdAll(Duration.ofSeconds(30));
            held.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(held.await(1, TimeUnit.MINUTES), "the values were not free");
    }

    @Override
    public void close() {
        release.countDown();
        transaction.join();
    }
}
