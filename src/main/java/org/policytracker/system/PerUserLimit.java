package org.policytracker.system;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most so many of one kind of expensive work per user at once, counted in this instance's memory (a
 * restart forgets nothing that still runs; behind a load balancer each instance counts its own). One more is
 * refused with a 429 problem and a {@code Retry-After}.
 */
public final class PerUserLimit {

    private final int max;
    private final Duration retryAfter;
    private final String code;
    private final String setting;
    private final ConcurrentHashMap<String, Integer> inUse = new ConcurrentHashMap<>();

    /**
     * @param code the problem's detail under problem. in the vocabulary; it gets {@code max} and {@code setting}
     * @param setting the configuration key of {@code max}, named in the answer
     */
    public PerUserLimit(int max, Duration retryAfter, String code, String setting) {
        this.max = max;
        this.retryAfter = retryAfter;
        this.code = code;
        this.setting = setting;
    }

    /** Takes one of the user's places, or throws the 429. Close the permit when the work ends. */
    public Permit acquire(String user) {
        inUse.compute(user, (u, n) -> {
            int count = n == null ? 0 : n;
            if (count >= max) {
                throw Problems.tooManyRequests(Message.of(code, "max", max, "setting", setting), retryAfter);
            }
            return count + 1;
        });
        return new Permit(user);
    }

    /** How many places the user holds now. */
    public int inUse(String user) {
        return inUse.getOrDefault(user, 0);
    }

    /** One place; closing it again does nothing. */
    public final class Permit implements AutoCloseable {

        private final String user;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit(String user) {
            this.user = user;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                inUse.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
            }
        }
    }
}
