package org.policytracker.observation.imports;

/** Where an import job is. The first three are unfinished, the others final. */
public enum ImportStatus {

    /** Stored, waiting for a worker. */
    QUEUED,
    /** Pass 1: reading and checking every row; nothing is written. */
    VALIDATING,
    /** Pass 2: writing every row in one transaction. */
    WRITING,
    /** Written (or, for a dry run, every row is valid and the summary says what would happen). */
    SUCCEEDED,
    /** At least one bad row; nothing was written. The errors say which. */
    REJECTED,
    /** An unexpected error; nothing was written. */
    FAILED,
    /** Cancelled by its owner or an admin while queued or running; nothing was written. */
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == REJECTED || this == FAILED || this == CANCELLED;
    }
}
