package org.policytracker.audit;

/** What kind of change an audit event records. */
public enum AuditAction {

    OBSERVATION_CREATED,
    OBSERVATION_CORRECTED,
    OBSERVATION_DELETED,
    OBSERVATION_RESTORED,
    /**
     * A bulk import wrote values: one event per import (job, file name, SHA-256, format, mode and counts); each
     * value's who and when is in its vintage.
     */
    OBSERVATIONS_IMPORTED,
    MILESTONE_STATE_SET,
    JUDGEMENT_RECORDED,
    JUDGEMENT_WITHDRAWN,
    USER_CREATED,
    /** An admin changed a user's role, enabled or disabled them, or reset their password. */
    USER_UPDATED,
    /** An admin deleted a user; their past entries keep their name. */
    USER_DELETED,
    /** A user changed their own password. */
    PASSWORD_CHANGED,
    /** A successful sign-in (the web app's form; HTTP Basic at most once an hour per user). Never the password. */
    SIGNED_IN,
    /** A refused sign-in: wrong password, unknown or disabled user, bad token, or throttled. Never the password. */
    SIGN_IN_FAILED,
    /** A web app session was ended by its user. */
    SIGNED_OUT,
    /** A personal access token was created (its secret is never recorded). */
    TOKEN_CREATED,
    /** A personal access token was revoked. */
    TOKEN_REVOKED,
    BACKUP_RESTORED,
    /** TRACKER_ADMIN_PASSWORD made {@code admin} an admin with that password again, at start. */
    ADMIN_RECOVERED;

    /** Account events (users, sign-ins, tokens): shown to admins only in the audit trail. */
    public boolean isAccountEvent() {
        return switch (this) {
            case USER_CREATED, USER_UPDATED, USER_DELETED, PASSWORD_CHANGED, SIGNED_IN, SIGN_IN_FAILED, SIGNED_OUT,
                    TOKEN_CREATED, TOKEN_REVOKED, ADMIN_RECOVERED ->
                true;
            default -> false;
        };
    }
}
