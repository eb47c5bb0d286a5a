package org.policytracker.observation;

import org.policytracker.audit.AuditAction;

/**
 * What one change of a value does, as {@link Observation}'s rules decided it: the row as it is after the
 * change, the version it had before (a write whose row has moved on since is refused), and the states
 * the audit log records. {@link ObservationStore} writes it.
 *
 * @param row             the observation after the change
 * @param kind            what kind of change
 * @param versionRead     the row's version before the change; the write fails if the row's is no longer this
 * @param before          the audited state before; null for a new value
 * @param after           the audited state after; null for a deletion
 */
public record Revision(Observation row, Kind kind, long versionRead, AuditedState before, AuditedState after) {

    /** The kinds of change, and what each does to the row, the vintages and the audit log. */
    public enum Kind {

        /** A new value: a new row and its first vintage. */
        CREATE(AuditAction.OBSERVATION_CREATED, false, true),
        /** A deleted value entered again: the same row, its next vintage. */
        REVIVE(AuditAction.OBSERVATION_CREATED, false, true),
        /** A current value replaced: the vintage in force closed, the next one opened. */
        CORRECT(AuditAction.OBSERVATION_CORRECTED, true, true),
        /** A deleted value restored as it was: the same row, its figure as a new vintage. */
        RESTORE(AuditAction.OBSERVATION_RESTORED, false, true),
        /** A current value deleted: its vintage closed, the row kept as deleted. */
        DELETE(AuditAction.OBSERVATION_DELETED, true, false),
        /** A correction that changes nothing: nothing is written. */
        UNCHANGED(null, false, false);

        private final AuditAction action;
        private final boolean closesVintage;
        private final boolean opensVintage;

        Kind(AuditAction action, boolean closesVintage, boolean opensVintage) {
            this.action = action;
            this.closesVintage = closesVintage;
            this.opensVintage = opensVintage;
        }

        /** The audit log's word for it; null when nothing is written. */
        public AuditAction action() {
            return action;
        }

        public boolean closesVintage() {
            return closesVintage;
        }

        public boolean opensVintage() {
            return opensVintage;
        }
    }

    /** True when the change writes anything. */
    public boolean writes() {
        return kind != Kind.UNCHANGED;
    }
}
