package org.policytracker.audit;

/** What kind of change an audit event records. */
public enum AuditAction {
    OBSERVATION_CREATED,
    OBSERVATION_CORRECTED,
    OBSERVATION_DELETED,
    OBSERVATION_RESTORED,
    MILESTONE_STATE_SET,
    JUDGEMENT_RECORDED,
    JUDGEMENT_WITHDRAWN,
    USER_CREATED,
    BACKUP_RESTORED,
    /** TRACKER_ADMIN_PASSWORD made {@code admin} an admin with that password again, at start. */
    ADMIN_RECOVERED
}
