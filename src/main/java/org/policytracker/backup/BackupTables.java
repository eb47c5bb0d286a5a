package org.policytracker.backup;

import java.util.List;
import java.util.Set;

/**
 * The tables a backup holds, parents before children: restore inserts in this order and deletes in
 * the reverse. Flyway's history is not part of the state; a test checks that every other table of
 * the schema is listed here, so a new migration cannot silently fall out of backups.
 */
final class BackupTables {

    /** Tables whose {@code id} column is generated: after a restore their sequences start past the data. */
    static final List<String> WITH_IDENTITY = List.of("document", "indicator", "target", "tracker_user",
            "observation", "observation_vintage", "milestone_update", "target_judgement", "audit_event",
            "catalogue_revision", "catalogue_entry_revision", "api_token");

    static final List<String> ALL = List.of("document", "indicator", "target", "tracker_user", "observation",
            "observation_vintage", "milestone_update", "target_judgement", "audit_event", "import_job", "seed_file",
            "catalogue_lock", "catalogue_revision", "catalogue_entry_revision",
            "sample_dataset", "api_token");

    /** Tables added after backups were first written: a backup from before them may lack them (and restores none). */
    static final Set<String> OPTIONAL = Set.of("api_token");

    /**
     * State that is never backed up and that a restore empties: web sessions and sign-in throttling refer to the
     * users being replaced, so a restore signs everyone out and forgets failed sign-ins.
     */
    static final List<String> NOT_BACKED_UP = List.of("user_session", "sign_in_throttle");

    /**
     * Neither backed up nor emptied by a restore: the change stamp (system/ChangeStamp) only ever increases, and a
     * restore increases it like every other write, so that no instance keeps an answer from before it.
     */
    static final List<String> NOT_STATE = List.of("change_stamp");

    private BackupTables() {
    }
}
