package org.policytracker.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.policytracker.system.TrackerConfig;

/**
 * The server-side web sessions: started at sign-in, checked on every request, ended by sign-out, by time, or by
 * what an admin or the user does to the account ({@link #endAll}). Kept in the database, so every instance sees an
 * end at once.
 */
@ApplicationScoped
public class Sessions {

    private final TrackerConfig config;

    Sessions(TrackerConfig config) {
        this.config = config;
    }

    /**
     * Ends every open session of the user at once, with the reason their next request is told. Called by every
     * change that must sign a user out: a password change or reset, a role change, disabling, deleting.
     *
     * @return how many sessions were open
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAll(AppUser user, SessionEnd reason) {
        return UserSession.update("endedAt = ?1, endedReason = ?2 where userId = ?3 and endedAt is null",
                now(), reason.name(), user.id);
    }

    TrackerConfig config() {
        return config;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
