package org.policytracker.observation.imports;

import org.policytracker.observation.Figure;
import org.policytracker.observation.ObservationStore;
import org.policytracker.observation.Period;

/** A row that passed every check of its own (the database checks come later, a batch at a time). */
record ParsedRow(int row, IndicatorRef indicator, Period period, Figure figure) {

    /** The key of the row among the stored values: indicator, period and series basis. */
    String key() {
        return ObservationStore.key(indicator.id(), period.iso(), figure.basis());
    }
}
