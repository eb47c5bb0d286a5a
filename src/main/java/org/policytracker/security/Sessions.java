package org.policytracker.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.policytracker.system.TrackerConfig;

/**
 * The server-side web sessions: started at sign-in, checked on every request, ended by sign-out, by time (idle
 * timeout and absolute lifetime), or by what an admin or the user does to the account ({@link #endAll},
 * {@link #endOthers}). Kept in the database, so every instance sees an end at once. The browser holds only a random
 * secret in an HttpOnly cookie; the database holds its SHA-256, so neither a log nor a backup nor a read of the
 * table gives anyone a session.
 */
@ApplicationScoped
public class Sessions {

    /** The session cookie's name. */
    public static final String COOKIE = "tracker_session";
    /** The identity attribute that holds the session's id hash (a request authenticated by its cookie). */
    static final String SESSION_ATTRIBUTE = "tracker.session";
    /** How long an ended or expired session is kept to tell its user why it ended. */
    private static final Duration KEEP_ENDED = Duration.ofDays(1);

    private final TrackerConfig config;
    private final Instance<SecurityIdentity> identity;
    private final Throttle throttle;

    Sessions(TrackerConfig config, Instance<SecurityIdentity> identity, Throttle throttle) {
        this.config = config;
        this.identity = identity;
        this.throttle = throttle;
    }

    /** What a cookie stands for now: a signed-in user, or why its session has ended. */
    record Check(AppUser user, String idHash, SessionEnd ended) {
    }

    /**
     * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over
     * HTTPS, for the whole app; no Max-Age (it ends with the browser too), or 0 to clear it.
     */
    static jakarta.ws.rs.core.NewCookie cookie(String secret, boolean secure, boolean clear) {
        jakarta.ws.rs.core.NewCookie.Builder cookie = new jakarta.ws.rs.core.NewCookie.Builder(COOKIE).value(secret)
                .path("/").httpOnly(true).secure(secure).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT);
        return (clear ? cookie.maxAge(0) : cookie).build();
    }

    /** Starts a session for the user; answers the cookie's secret (never stored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String start(AppUser user) {
        String secret = Secrets.create("");
        OffsetDateTime now = now();
        UserSession session = new UserSession();
        session.idHash = Secrets.hash(secret);
        session.userId = user.id;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.security().sessionLifetime());
        session.persist();
        return secret;
    }

    /**
     * The session a cookie names, checked for every end: ended, past its lifetime, idle too long, its user gone or
     * disabled. A session in use is marked seen at most once a minute (or a tenth of the idle timeout), so that
     * requests do not each write.
     */
    Check check(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String idHash = Secrets.hash(secret);
            UserSession session = UserSession.findById(idHash);
            if (session == null) {
                return new Check(null, idHash, SessionEnd.UNKNOWN);
            }
            if (session.endedAt != null) {
                return new Check(null, idHash, SessionEnd.valueOf(session.endedReason));
            }
            OffsetDateTime now = now();
            Duration idle = config.security().sessionIdle();
            SessionEnd end = !now.isBefore(session.expiresAt) ? SessionEnd.EXPIRED
                    : session.lastSeenAt.plus(idle).isBefore(now) ? SessionEnd.IDLE : null;
            AppUser user = end == null ? AppUser.findById(session.userId) : null;
            if (end == null && user == null) {
                end = SessionEnd.DELETED;
            } else if (end == null && !user.enabled) {
                end = SessionEnd.DISABLED;
            }
            if (end != null) {
                session.endedAt = now;
                session.endedReason = end.name();
                return new Check(null, idHash, end);
            }
            Duration touchEvery = idle.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? idle.dividedBy(10)
                    : Duration.ofMinutes(1);
            if (session.lastSeenAt.plus(touchEvery).isBefore(now)) {
                session.lastSeenAt = now;
            }
            return new Check(user, idHash, null);
        });
    }

    /** Ends the session of this cookie (sign-out); answers whether it was open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean end(String secret, SessionEnd reason) {
        return UserSession.update("endedAt = ?1, endedReason = ?2 where idHash = ?3 and endedAt is null", now(),
                reason.name(), Secrets.hash(secret)) > 0;
    }

    /**
     * Ends every open session of the user at once, with the reason their next request is told. Called by every
     * change that must sign a user out: a password reset, a role change, disabling, deleting.
     *
     * @return how many sessions were open
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAll(AppUser user, SessionEnd reason) {
        return UserSession.update("endedAt = ?1, endedReason = ?2 where userId = ?3 and endedAt is null",
                now(), reason.name(), user.id);
    }

    /**
     * Ends every open session of the user but the one making this request (a user who changes their own password
     * stays signed in where they did it, and is signed out everywhere else).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endOthers(AppUser user, SessionEnd reason) {
        String current = identity.isResolvable() ? identity.get().getAttribute(SESSION_ATTRIBUTE) : null;
        if (current == null) {
            return endAll(user, reason);
        }
        return UserSession.update(
                "endedAt = ?1, endedReason = ?2 where userId = ?3 and endedAt is null and idHash <> ?4", now(),
                reason.name(), user.id, current);
    }

    /** Forgets sessions a day after they ended or expired, and failed sign-ins past their window. */
    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void purge() {
        OffsetDateTime before = now().minus(KEEP_ENDED);
        QuarkusTransaction.requiringNew().run(() -> UserSession.delete("expiresAt < ?1 or endedAt < ?1", before));
        throttle.purge();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
