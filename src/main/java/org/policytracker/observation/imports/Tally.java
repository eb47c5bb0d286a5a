package org.policytracker.observation.imports;

/** Running counts of an import pass; saved to the job as its progress. */
final class Tally {

    int read;
    int skipped;
    int valid;
    int created;
    int corrected;
    int unchanged;

    void count(RowDecision decision) {
        switch (decision) {
            case CREATE, REVIVE -> created++;
            case CORRECT -> corrected++;
            case UNCHANGED -> unchanged++;
            case CONFLICT -> {
                /* an error, counted with the errors */ }
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
