package org.policytracker.observation.imports;

/** What an import does with a period that has a value already. */
public enum ImportMode {
    /** Refuse it: the file may only add values. */
    CREATE,
    /** Correct it when anything differs (the earlier value is kept as a vintage). */
    UPSERT
}
