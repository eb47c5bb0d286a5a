package org.policytracker.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.policytracker.system.Message;
import org.policytracker.system.ProblemException;
import org.policytracker.system.Problems;
import org.policytracker.system.TrackerConfig;

/**
 * Slows and then refuses repeated failed sign-ins (docs/RELIABILITY.md, part 5b). Failures are counted per user name
 * from one client (the pair), per user name from any client, and per client for any user names, in the database so
 * that every instance counts them together. A key that reaches its limit is locked out for a while, twice as long
 * for each further failure, up to a maximum; a locked key's sign-ins are refused with 429 and Retry-After before any
 * password is checked, so a flood costs no bcrypt work. A user name is locked for everyone only briefly (at most
 * tracker.security.sign-in.max-user-lock), so an attacker elsewhere cannot keep its real user out for long; the
 * attacker's own pair and client stay locked longer. A success forgets the pair's and the user name's failures,
 * not the client's (a client cannot wash its count with an account of its own). Failures are forgotten a window
 * after the last one.
 */
@ApplicationScoped
public class Throttle {

    /** More remembered lock-outs than this (a spray of user names or client addresses) and the memory starts over. */
    private static final int MAX_REMEMBERED = 100_000;

    private final TrackerConfig.SignIn settings;
    /**
     * Lock-outs this instance has read, by key, until they end: a locked-out flood is refused without a database
     * read, so it costs about what any refused request costs (bench/security). A lock-out cannot shrink while it
     * lasts (no sign-in is checked while it holds), so a remembered one is never longer than the database's; one
     * started by another instance is read from the database at its key's next attempt here.
     */
    private final Map<String, OffsetDateTime> lockedUntil = new ConcurrentHashMap<>();

    Throttle(TrackerConfig config) {
        this.settings = config.security().signIn();
    }

    /** The keys a sign-in counts against, with their limits; the user name is null for a bad token. */
    private List<Key> keys(String username, String client) {
        List<Key> keys = new ArrayList<>();
        if (username != null) {
            String user = username.toLowerCase(Locale.ROOT);
            keys.add(new Key("pair:" + user + "|" + client, settings.pairFailures(), settings.maxLock(), true));
            keys.add(new Key("user:" + user, settings.userFailures(), settings.maxUserLock(), true));
        }
        keys.add(new Key("client:" + client, settings.clientFailures(), settings.maxLock(), false));
        return keys;
    }

    private record Key(String key, int limit, Duration maxLock, boolean resetBySuccess) {
    }

    /**
     * Refuses (429 with Retry-After) while the user name, the client or the pair is locked out; otherwise answers
     * whether the user name or the pair has failures that a success should forget.
     */
    public boolean check(String username, String client) {
        OffsetDateTime now = Sessions.now();
        List<Key> keys = keys(username, client);
        OffsetDateTime remembered = keys.stream().map(k -> lockedUntil.get(k.key()))
                .filter(t -> t != null && t.isAfter(now)).max(OffsetDateTime::compareTo).orElse(null);
        if (remembered != null) {
            throw locked(Duration.between(now, remembered));
        }
        List<SignInThrottle> rows = QuarkusTransaction.requiringNew()
                .call(() -> SignInThrottle.list("key in ?1", keys.stream().map(Key::key).toList()));
        OffsetDateTime until = null;
        for (SignInThrottle row : rows) {
            if (row.lockedUntil != null && row.lockedUntil.isAfter(now)) {
                remember(row.key, row.lockedUntil);
                until = until == null || row.lockedUntil.isAfter(until) ? row.lockedUntil : until;
            }
        }
        if (until != null) {
            throw locked(Duration.between(now, until));
        }
        return rows.stream().anyMatch(r -> keys.stream().anyMatch(k -> k.resetBySuccess() && k.key().equals(r.key)));
    }

    static ProblemException locked(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Problems.tooManyRequests(Message.of("signIn.throttled", "seconds", seconds), retryAfter);
    }

    /**
     * Counts a failure against every key; answers the lock-out it started, or null when none started (the
     * sign-in that failed is answered 401 either way; the next is refused).
     */
    public Duration fail(String username, String client) {
        for (int attempt = 0;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> countFailure(username, client));
            } catch (PersistenceException twoInstancesAddedTheKeyAtOnce) {
                if (attempt == 2) {
                    throw twoInstancesAddedTheKeyAtOnce;
                }
            }
        }
    }

    private Duration countFailure(String username, String client) {
        OffsetDateTime now = Sessions.now();
        Duration started = null;
        for (Key key : keys(username, client)) {
            SignInThrottle row = SignInThrottle.getEntityManager().find(SignInThrottle.class, key.key(),
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            boolean isNew = row == null;
            if (isNew) {
                row = new SignInThrottle();
                row.key = key.key();
            }
            if (row.lastFailureAt == null || row.lastFailureAt.plus(settings.window()).isBefore(now)) {
                row.failures = 0;
                row.firstFailureAt = now;
                row.lockedUntil = null;
            }
            row.failures++;
            row.lastFailureAt = now;
            if (row.failures >= key.limit()) {
                Duration lock = lockFor(row.failures - key.limit(), key.maxLock());
                row.lockedUntil = now.plus(lock);
                if (row.failures == key.limit()) {
                    started = started == null || lock.compareTo(started) > 0 ? lock : started;
                }
            }
            if (isNew) {
                row.persist();
            }
        }
        SignInThrottle.flush();
        return started;
    }

    /** The first lock doubled for each failure past the limit, at most {@code max}. */
    private Duration lockFor(int pastLimit, Duration max) {
        Duration lock = settings.firstLock();
        for (int i = 0; i < pastLimit && lock.compareTo(max) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(max) > 0 ? max : lock;
    }

    /** A successful sign-in: forgets the pair's and the user name's failures. */
    public void succeed(String username, String client) {
        List<String> keys = keys(username, client).stream().filter(Key::resetBySuccess).map(Key::key).toList();
        QuarkusTransaction.requiringNew().run(() -> SignInThrottle.delete("key in ?1", keys));
    }

    private void remember(String key, OffsetDateTime until) {
        if (lockedUntil.size() >= MAX_REMEMBERED) {
            lockedUntil.clear();
        }
        lockedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Forgets failures older than the window whose lock-out is over, and the lock-outs remembered that are over. */
    public long purge() {
        OffsetDateTime now = Sessions.now();
        lockedUntil.values().removeIf(until -> !until.isAfter(now));
        return QuarkusTransaction.requiringNew().call(() -> SignInThrottle.delete(
                "lastFailureAt < ?1 and (lockedUntil is null or lockedUntil < ?2)", now.minus(settings.window()), now));
    }
}
