package org.policytracker.observation.imports;

import org.policytracker.observation.Revision;

/** Running counts of an import pass; saved to the job as its progress. */
final class Tally {

    int read;
    int skipped;
    int valid;
    int created;
    int corrected;
    int unchanged;

    /** Counts a valid row by what it does. */
    void count(Revision revision) {
        valid++;
        switch (revision.kind()) {
            case CREATE, REVIVE -> created++;
            case CORRECT -> corrected++;
            case UNCHANGED -> unchanged++;
            case DELETE -> throw new IllegalArgumentException("an import deletes nothing");
        }
    }

    /** Rows that change the database: new values and corrections. */
    int written() {
        return created + corrected;
    }

    ImportSummary summary() {
        return new ImportSummary(created, corrected, unchanged, skipped);
    }
}
