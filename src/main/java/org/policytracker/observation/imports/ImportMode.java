package org.policytracker.observation.imports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.policytracker.observation.Observation;
import org.policytracker.observation.Revision;

/** What an import does with a period that has a value already. */
public enum ImportMode {

    /** Refuse it: the file may only add values. */
    CREATE,
    /** Correct it when anything differs (the earlier value is kept as a vintage). */
    UPSERT;

    /**
     * What a row does to its stored value, by {@link Observation}'s rules as in single entry: entered when
     * the period has no current value (new, or deleted), corrected in upsert mode when it has one
     * (unchanged when the row says the same), and null, a conflict, in create mode.
     */
    Revision revise(Observation stored, ParsedRow row, String actor, OffsetDateTime now) {
        if (!stored.isCurrent()) {
            return stored.enter(row.figure(), actor, now);
        }
        return this == UPSERT ? stored.correct(row.figure(), actor, now) : null;
    }

    /** The error of a row whose period has a value in create mode. */
    static ImportError conflict(ParsedRow row, Observation stored) {
        Double value = stored.figure.value();
        return new ImportError(row.row(), ValueFile.PERIOD.header(), row.indicator().code() + " "
                + row.period().iso() + " has a value already ("
                + (value == null ? "none" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString())
                + ", version " + stored.version + "); use mode=upsert to correct it");
    }
}
