package org.policytracker.security;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.Base64;
import org.policytracker.system.Roles;
import org.policytracker.system.TrackerConfig;

/**
 * Creates the first admin when there are no users: with the password from TRACKER_ADMIN_PASSWORD,
 * or, when that is unset, a random one printed once in the log. There is no default password.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String ADMIN_USERNAME = "admin";
    /** The length every password must have (UserResource checks the same). */
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private final TrackerConfig config;

    AdminBootstrap(TrackerConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::createAdminIfNoUsers);
        } catch (RuntimeException e) {
            // Another instance created the admin at the same moment: the unique username refused ours.
            if (QuarkusTransaction.requiringNew().call(AppUser::count) == 0) {
                throw e;
            }
            Log.info("The first admin was created by another instance");
        }
    }

    private void createAdminIfNoUsers() {
        if (AppUser.count() > 0) {
            return;
        }
        String configured = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        if (configured != null && (configured.length() < MIN_PASSWORD || configured.length() > MAX_PASSWORD)) {
            // The same rule as for every user (POST /api/users): a short first password is refused at start.
            throw new IllegalStateException("TRACKER_ADMIN_PASSWORD must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters long (it has " + configured.length() + "); choose a longer one and start again");
        }
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

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
