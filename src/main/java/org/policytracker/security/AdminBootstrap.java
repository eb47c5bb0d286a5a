package org.policytracker.security;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * or, when that is unset, a random one written to {@code <tracker.data-dir>/initial-admin-password} (readable by
 * its owner only; the log says only where it is), as Jenkins does. That file is deleted at the first start after
 * the password has been changed. There is no default password, and no password is ever logged.
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
    /** Where a generated first password is kept, in the data directory, until it is changed. */
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    private final TrackerConfig config;
    private final AuditLog audit;
    private final Sessions sessions;

    AdminBootstrap(TrackerConfig config, AuditLog audit, Sessions sessions) {
        this.config = config;
        this.audit = audit;
        this.sessions = sessions;
    }

    void onStart(@Observes StartupEvent event) {
        boolean created = false;
        try {
            created = QuarkusTransaction.requiringNew().call(this::createAdminIfNoUsers);
        } catch (RuntimeException e) {
            // Another instance created the admin at the same moment: the unique username refused ours.
            // A lambda, not AppUser::count: a method reference names PanacheEntityBase.count, which Panache does not
            // enhance and which throws; this path runs only when two instances start at once (TwoInstancesPgIT).
            if (QuarkusTransaction.requiringNew().call(() -> AppUser.count()) == 0) {
                throw e;
            }
            Log.info("The first admin was created by another instance");
        }
        if (created) {
            // Just created, with TRACKER_ADMIN_PASSWORD or with the password in the file: recovery and the file's check
            // would only verify that same password, a bcrypt hash each (issue #18: no hashing at start beyond need).
            return;
        }
        QuarkusTransaction.requiringNew().call(this::recoverAdmin);
        QuarkusTransaction.requiringNew().run(this::deleteChangedInitialPassword);
    }

    /** Creates {@code admin} when there are no users; answers whether it did. */
    private boolean createAdminIfNoUsers() {
        if (AppUser.count() > 0) {
            return false;
        }
        String configured = configuredPassword();
        String password = configured != null ? configured : randomPassword();
        AppUser.create(ADMIN_USERNAME, password, Roles.ADMIN, null, config.security().bcryptCost());
        AppUser.flush();
        if (configured != null) {
            Log.infof("Created the first user '%s' with the password from TRACKER_ADMIN_PASSWORD", ADMIN_USERNAME);
        } else {
            // Written before the admin is committed: if it cannot be written, there is no admin nobody can sign in as.
            Path file = initialPasswordFile();
            try {
                OwnerOnlyFile.write(file, password);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the first admin's generated password to " + file
                        + "; set TRACKER_ADMIN_PASSWORD instead", e);
            }
            Log.warnf("Created the first user '%s' with a generated password, written to %s (readable by its owner"
                    + " only). Sign in with it and change it; the file is deleted at the next start after the change."
                    + " Or set TRACKER_ADMIN_PASSWORD before the first start.", ADMIN_USERNAME, file);
        }
        return true;
    }

    private Path initialPasswordFile() {
        return Path.of(config.dataDir()).resolve(INITIAL_PASSWORD_FILE).toAbsolutePath().normalize();
    }

    /**
     * Deletes the generated password's file once it no longer signs {@code admin} in: the password was changed
     * (by the admin, another admin or TRACKER_ADMIN_PASSWORD), or {@code admin} is gone.
     */
    void deleteChangedInitialPassword() {
        Path file = initialPasswordFile();
        if (!Files.exists(file)) {
            return;
        }
        try {
            String generated = Files.readString(file, StandardCharsets.UTF_8).strip();
            AppUser admin = AppUser.findByUsername(ADMIN_USERNAME).orElse(null);
            if (admin != null && !generated.isEmpty() && Passwords.matches(generated, admin.passwordHash)) {
                return;
            }
            Files.delete(file);
            Log.infof("Deleted %s: the generated password of '%s' has been changed", file, ADMIN_USERNAME);
        } catch (IOException e) {
            Log.warnf("Could not check or delete %s (%s); delete it by hand once the password in it has been"
                    + " changed", file, e.toString());
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
