package org.policytracker.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Problems;

/**
 * Writers of values take turns per indicator, in this process, for the whole of their transaction.
 *
 * <p>
 * Why: H2's MVStore (2.4.240, the tracker's, and 2.3.232 and 2.5.252 alike) loses an update, rarely, when two
 * transactions write the same row at once: both see the same version, both {@code UPDATE ... WHERE
 * version = ?} succeed, and the later commit silently replaces the earlier one. It happens with
 * {@code SELECT ... FOR UPDATE} and without it, by primary key or by index (about 1 in 10<sup>5</sup>
 * contended commits; reliability/h2-lost-update/LostUpdate.java reproduces it, docs/RELIABILITY.md part
 * 3 has the figures). Row locks cannot be trusted for this, so no two transactions write values of one
 * indicator at the same time: the second starts only after the first has committed or rolled back. An
 * embedded H2 file is opened by one process only, so this is a complete guarantee there; on PostgreSQL,
 * whose row locks are sound, it is merely redundant within one instance.
 *
 * <p>
 * A transaction holds its indicators until it ends (released by a JTA synchronization, on whatever
 * thread ends it). Several are always taken in ascending id order, so two holders never wait for each
 * other in a cycle; a single value takes one, an import takes all of its file's indicators before it
 * writes anything. {@link #holdAll} (restore, removing the sample) waits for every writer and keeps new
 * ones out.
 */
@ApplicationScoped
public class ValueLocks {

    /** Thrown when the locks were not free within the wait: somebody else is writing those values. */
    public static final class Busy extends RuntimeException {

        private final transient long indicatorId;

        Busy(long indicatorId) {
            super("The values of indicator " + indicatorId + " are being written by another transaction");
            this.indicatorId = indicatorId;
        }

        /** The indicator that stayed busy, or -1 when every value was wanted. */
        public long indicatorId() {
            return indicatorId;
        }
    }

    private static final int ALL = Integer.MAX_VALUE;

    /** One permit per writer; {@link #holdAll} takes every permit. Fair: a waiting restore is not starved. */
    private final Semaphore gate = new Semaphore(ALL, true);
    private final ConcurrentHashMap<Long, Semaphore> indicators = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry registry;

    ValueLocks(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Holds the values of these indicators until the current transaction ends; indicators this
     * transaction holds already are skipped.
     *
     * @throws Busy when one was not free within {@code wait}
     */
    public void hold(Collection<Long> indicatorIds, Duration wait) {
        Held held = held();
        if (held.all) {
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        if (!held.gate) {
            acquire(gate, 1, deadline, -1);
            held.gate = true;
        }
        for (long id : new TreeSet<>(indicatorIds)) {
            if (!held.indicators.contains(id)) {
                Semaphore lock = indicators.computeIfAbsent(id, k -> new Semaphore(1, true));
                acquire(lock, 1, deadline, id);
                held.indicators.add(id);
            }
        }
    }

    /**
     * Holds every value until the current transaction ends: waits for the writers in progress, and keeps
     * new ones waiting. Must be the transaction's first hold.
     */
    public void holdAll(Duration wait) {
        Held held = held();
        if (held.gate) {
            throw new IllegalStateException("holdAll after hold in the same transaction would wait for itself");
        }
        acquire(gate, ALL, System.nanoTime() + wait.toNanos(), -1);
        held.all = true;
    }

    /**
     * {@link #holdAll}, or a 503 problem saying that values stayed busy for {@code wait} (restore, removing
     * the sample).
     */
    public void holdAllOrRefuse(Duration wait) {
        try {
            holdAll(wait);
        } catch (Busy e) {
            throw Problems.of(503, List.of(FieldMessage.of("(values)", "values.busy", "seconds", wait.toSeconds())));
        }
    }

    private static void acquire(Semaphore lock, int permits, long deadline, long indicatorId) {
        try {
            if (!lock.tryAcquire(permits, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new Busy(indicatorId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(indicatorId);
        }
    }

    /** What the current transaction holds, registered for release when it ends. */
    private Held held() {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Value locks are held by a transaction; none is active");
        }
        Held held = (Held) registry.getResource(Held.class);
        if (held == null) {
            held = new Held();
            registry.putResource(Held.class, held);
            registry.registerInterposedSynchronization(held);
        }
        return held;
    }

    /** The locks of one transaction. */
    private final class Held implements Synchronization {

        boolean all;
        boolean gate;
        final List<Long> indicators = new ArrayList<>();

        @Override
        public void beforeCompletion() {
            // held through the commit: released only once it is durable and visible
        }

        @Override
        public void afterCompletion(int status) {
            for (long id : this.indicators) {
                ValueLocks.this.indicators.get(id).release();
            }
            if (all) {
                ValueLocks.this.gate.release(ALL);
            } else if (gate) {
                ValueLocks.this.gate.release(1);
            }
        }
    }
}
