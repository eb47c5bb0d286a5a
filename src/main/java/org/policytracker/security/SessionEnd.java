package org.policytracker.security;

/**
 * Why a web app session ended. The web app shows the reason on its sign-in page (i18n key
 * {@code session.ended.<name>}); a request with an ended session's cookie gets 401 with the reason in the
 * {@value #HEADER} header.
 */
public enum SessionEnd {

    /** The user signed out. */
    SIGNED_OUT,
    /** Idle for longer than tracker.security.session-idle. */
    IDLE,
    /** Older than tracker.security.session-lifetime. */
    EXPIRED,
    /** The user changed their password (their other sessions end). */
    PASSWORD_CHANGED,
    /** An admin reset the user's password. */
    PASSWORD_RESET,
    /** An admin changed the user's role. */
    ROLE_CHANGED,
    /** An admin disabled the user. */
    DISABLED,
    /** An admin deleted the user. */
    DELETED,
    /** The cookie names no session this server knows (for instance, one from before a restore). */
    UNKNOWN;

    /** The response header of a 401 that says why the session presented has ended. */
    public static final String HEADER = "X-Session-Ended";

    /** The name the header and the web app use, in lower case: {@code signed-out}, {@code idle}… */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
