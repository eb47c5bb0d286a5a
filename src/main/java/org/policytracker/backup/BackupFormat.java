package org.policytracker.backup;

/** Names in the backup file: a JSON object with a header and then the rows of every table. */
final class BackupFormat {

    static final String FORMAT = "policy-target-tracker-backup";
    static final String FORMAT_FIELD = "format";
    static final String SCHEMA_VERSION = "schemaVersion";
    static final String CREATED_AT = "createdAt";
    static final String CREATED_BY = "createdBy";
    static final String TABLES = "tables";
    static final String COLUMNS = "columns";
    static final String ROWS = "rows";

    private BackupFormat() {
    }
}
