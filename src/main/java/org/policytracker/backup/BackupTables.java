package org.policytracker.backup;

import java.util.List;

/**
 * The tables a backup holds, parents before children: restore inserts in this order and deletes in
 * the reverse. Flyway's history is not part of the state; a test checks that every other table of
 * the schema is listed here, so a new migration cannot silently fall out of backups.
 */
final class BackupTables {

    /** Tables whose {@code id} column is generated: after a restore their sequences start past the data. */
    static final List<String> WITH_IDENTITY = List.of("document", "indicator", "target", "tracker_user",
            "observation", "observation_vintage", "milestone_update", "target_judgement", "audit_event",
            "catalogue_revision", "catalogue_entry_revision");

    static final List<String> ALL = List.of("document", "indicator", "target", "tracker_user", "observation",
            "observation_vintage", "milestone_update", "target_judgement", "audit_event", "import_job", "seed_file",
            "catalogue_lock", "catalogue_revision", "catalogue_entry_revision",
            "sample_dataset");

    private BackupTables() {
    }
}
