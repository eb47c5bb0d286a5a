package org.policytracker.observation.imports;

import java.math.BigDecimal;

/** What an import does with one valid row, given what is stored for its indicator and period. */
enum RowDecision {

    /** Nothing stored: a new observation (version 0). */
    CREATE,
    /** A deleted value: entered again, as single entry does (same row, next version). */
    REVIVE,
    /** A current value that differs (upsert only): corrected, the earlier value kept as a vintage. */
    CORRECT,
    /** A current value identical to the row (upsert only): nothing to write. */
    UNCHANGED,
    /** A current value in create mode: an error. */
    CONFLICT;

    static RowDecision of(ParsedRow row, ExistingValue existing, ImportMode mode) {
        if (existing == null) {
            return CREATE;
        }
        if (existing.deleted()) {
            return REVIVE;
        }
        if (mode == ImportMode.CREATE) {
            return CONFLICT;
        }
        return existing.sameAs(row) ? UNCHANGED : CORRECT;
    }

    static ImportError conflict(ParsedRow row, ExistingValue existing) {
        return new ImportError(row.row(), ImportColumn.PERIOD.header(), row.indicator().code() + " "
                + row.period().iso() + " has a value already (" + plain(existing.value()) + ", version "
                + existing.version() + "); use mode=upsert to correct it");
    }

    private static String plain(Double value) {
        return value == null ? "none" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
