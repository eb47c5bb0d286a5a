package org.policytracker.security;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.system.Lang;
import org.policytracker.system.Roles;
import org.policytracker.system.TrackerConfig;

/**
 * Creates the first admin when there are no users: with the password from TRACKER_ADMIN_PASSWORD,
 * or, when that is unset, a random one printed once in the log. There is no default password.
 *
 * <p>
 * It is also the way back in for an admin locked out by any path (a forgotten password, a restore, a demoted or
 * missing or disabled {@code admin}): while TRACKER_ADMIN_PASSWORD is set, each start makes {@code admin} an enabled
 * admin whose password is that one — created if missing, promoted if demoted, enabled if disabled, its password reset
 * if the stored hash does not match — and audits the change (ADMIN_RECOVERED). When {@code admin} already is an admin with that password,
 * nothing changes, so the variable can stay set; README, "Locked out?".
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String ADMIN_USERNAME = "admin";
    /** Who recovered the admin, in the audit trail: the server's operator, through its environment. */
    static final String RECOVERY_ACTOR = "system";
    private final TrackerConfig config;
    private final AuditLog audit;
    private final Sessions sessions;

    AdminBootstrap(TrackerConfig config, AuditLog audit, Sessions sessions) {
        this.config = config;
        this.audit = audit;
        this.sessions = sessions;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::createAdminIfNoUsers);
        } catch (RuntimeException e) {
            // Another instance created the admin at the same moment: the unique username refused ours.
            // A lambda, not AppUser::count: a method reference names PanacheEntityBase.count, which Panache does not
            // enhance and which throws; this path runs only when two instances start at once (TwoInstancesPgIT).
            if (QuarkusTransaction.requiringNew().call(() -> AppUser.count()) == 0) {
                throw e;
            }
            Log.info("The first admin was created by another instance");
        }
        // The recovery after the first admin: a no-op on the start that just created it with that password.
        QuarkusTransaction.requiringNew().call(this::recoverAdmin);
    }

    private void createAdminIfNoUsers() {
        if (AppUser.count() > 0) {
            return;
        }
        String configured = configuredPassword();
        String password = configured != null ? configured : randomPassword();
        AppUser.create(ADMIN_USERNAME, password, Roles.ADMIN, null, config.security().bcryptCost());
        AppUser.flush();
        if (configured != null) {
            Log.infof("Created the first user '%s' with the password from TRACKER_ADMIN_PASSWORD", ADMIN_USERNAME);
        } else {
            Log.warnf("Created the first user '%s' with the generated password: %s%n"
                    + "It is shown only this once. Sign in and create your own users, or set TRACKER_ADMIN_PASSWORD"
                    + " before the first start.", ADMIN_USERNAME, password);
        }
    }

    /** TRACKER_ADMIN_PASSWORD, checked by the rule every password follows; null when unset or blank. */
    private String configuredPassword() {
        String configured = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        if (configured != null) {
            requireAllowed(configured);
        }
        return configured;
    }

    /** The same rule as for every user (PasswordPolicy): a weak TRACKER_ADMIN_PASSWORD stops the start, saying why. */
    static void requireAllowed(String configured) {
        PasswordPolicy.problem(configured, ADMIN_USERNAME).ifPresent(problem -> {
            throw new IllegalStateException("TRACKER_ADMIN_PASSWORD " + problem.in(Lang.EN)
                    + "; choose another and start again");
        });
    }

    /**
     * With TRACKER_ADMIN_PASSWORD set, {@code admin} is an enabled admin with that password afterwards: created,
     * promoted, enabled or given it as needed, and audited (ADMIN_RECOVERED, by {@code system}); unchanged when it
     * already is. A reset password ends the sessions signed in with the old one. Answers whether anything changed.
     */
    boolean recoverAdmin() {
        String password = configuredPassword();
        if (password == null) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AppUser admin = AppUser.findByUsername(ADMIN_USERNAME).orElse(null);
        if (admin == null) {
            AppUser.create(ADMIN_USERNAME, password, Roles.ADMIN, RECOVERY_ACTOR, config.security().bcryptCost());
            AppUser.flush();
            audit.record(AuditAction.ADMIN_RECOVERED, RECOVERY_ACTOR, now, null, null, null, null,
                    Map.of("username", ADMIN_USERNAME, "role", Roles.ADMIN, "created", true));
            Log.warnf("Created the user '%s' with the password from TRACKER_ADMIN_PASSWORD (it was missing)",
                    ADMIN_USERNAME);
            return true;
        }
        boolean demoted = !Roles.ADMIN.equals(admin.role);
        boolean disabled = !admin.enabled;
        boolean otherPassword = !Passwords.matches(password, admin.passwordHash);
        if (!demoted && !disabled && !otherPassword) {
            return false;
        }
        Map<String, Object> before = Map.of("username", admin.username, "role", admin.role, "enabled", admin.enabled);
        admin.role = Roles.ADMIN;
        admin.enabled = true;
        if (otherPassword) {
            admin.setPassword(password, config.security().bcryptCost());
            sessions.endAll(admin, SessionEnd.PASSWORD_RESET);
        }
        AppUser.flush();
        audit.record(AuditAction.ADMIN_RECOVERED, RECOVERY_ACTOR, now, null, null, null, before,
                Map.of("username", admin.username, "role", admin.role, "enabled", true, "passwordReset",
                        otherPassword));
        Log.warnf("Recovered the user '%s' from TRACKER_ADMIN_PASSWORD:%s%s%s", ADMIN_USERNAME,
                demoted ? " given the admin role back (it was " + before.get("role") + ")" : "",
                disabled ? " enabled again" : "", otherPassword ? " password reset" : "");
        return true;
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
