package org.policytracker.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.system.TrackerConfig;

/**
 * Checks a user name and password, for the web app's sign-in and for HTTP Basic: throttled first ({@link Throttle},
 * so a locked-out flood costs no bcrypt work), then the password, for an enabled user only. Every refusal and every
 * form sign-in is audited (HTTP Basic, which signs in on every request, at most once an hour per user); never with
 * the password.
 */
@ApplicationScoped
public class Credentials {

    /** How a sign-in came: the web app's form, HTTP Basic, a token, or the current password of a password change. */
    enum Via {

        FORM,
        BASIC,
        TOKEN,
        PASSWORD_CHANGE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The actor of a refused sign-in in the audit trail: nobody is signed in. */
    static final String ANONYMOUS = "anonymous";
    private static final Duration BASIC_AUDIT_EVERY = Duration.ofHours(1);

    private final Throttle throttle;
    private final AuditLog audit;
    private final TrackerConfig config;
    /** A hash to check unknown user names against, so that they take as long as known ones. */
    private volatile String decoy;

    Credentials(Throttle throttle, AuditLog audit, TrackerConfig config) {
        this.throttle = throttle;
        this.audit = audit;
        this.config = config;
    }

    /**
     * The user these credentials sign in, or null (and the failure counted and audited). Throws the 429 problem
     * while the user name, the client or the pair is locked out.
     */
    AppUser verify(String username, String password, String client, Via via) {
        boolean hadFailures = throttle.check(username, client);
        AppUser user = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.findByUsername(username).orElse(null));
        String reason;
        if (user == null) {
            Passwords.matches(password, decoy());
            reason = "unknownUser";
        } else if (!Passwords.matches(password, user.passwordHash)) {
            reason = "wrongPassword";
        } else if (!user.enabled) {
            reason = "disabled";
        } else {
            reason = null;
        }
        if (reason != null) {
            Duration lock = throttle.fail(username, client);
            failed(username, client, via, reason, lock);
            return null;
        }
        if (hadFailures) {
            throttle.succeed(username, client);
        }
        signedIn(user, client, via);
        return user;
    }

    /**
     * Whether {@code password} is the signed-in user's current one (PUT /api/me/password). Throttled and counted as
     * a sign-in is, so that a stolen session cannot try passwords at bcrypt speed: throws the 429 problem while the
     * user name, the client or the pair is locked out; a wrong one is audited (SIGN_IN_FAILED, wrongCurrentPassword).
     */
    boolean isCurrentPassword(AppUser user, String password, String client) {
        boolean hadFailures = throttle.check(user.username, client);
        if (Passwords.matches(password, user.passwordHash)) {
            if (hadFailures) {
                throttle.succeed(user.username, client);
            }
            return true;
        }
        Duration lock = throttle.fail(user.username, client);
        failed(user.username, client, Via.PASSWORD_CHANGE, "wrongCurrentPassword", lock);
        return false;
    }

    /** A bad or dead token was presented: counted against the client, audited. Throws the 429 when locked. */
    void badToken(String client, String reason) {
        throttle.check(null, client);
        Duration lock = throttle.fail(null, client);
        failed(null, client, Via.TOKEN, reason, lock);
    }

    private void failed(String username, String client, Via via, String reason, Duration lock) {
        Map<String, Object> after = new LinkedHashMap<>();
        if (username != null) {
            after.put("username", username.length() > 64 ? username.substring(0, 64) + "…" : username);
        }
        after.put("via", via.code());
        after.put("client", client);
        after.put("reason", reason);
        if (lock != null) {
            after.put("lockedForSeconds", lock.toSeconds());
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditAction.SIGN_IN_FAILED, ANONYMOUS,
                Sessions.now(), null, null, null, null, after));
    }

    private void signedIn(AppUser user, String client, Via via) {
        OffsetDateTime now = Sessions.now();
        if (via == Via.BASIC && user.lastSignInAt != null && user.lastSignInAt.plus(BASIC_AUDIT_EVERY).isAfter(now)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser.update("lastSignInAt = ?1 where id = ?2", now, user.id);
            audit.record(AuditAction.SIGNED_IN, user.username, now, null, null, null, null,
                    Map.of("username", user.username, "via", via.code(), "client", client));
        });
    }

    private String decoy() {
        if (decoy == null) {
            decoy = Passwords.hash(Secrets.create(""), config.security().bcryptCost());
        }
        return decoy;
    }
}
