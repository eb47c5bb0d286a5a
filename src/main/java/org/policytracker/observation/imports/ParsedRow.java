package org.policytracker.observation.imports;

import org.policytracker.observation.ObservationForm;
import org.policytracker.observation.Period;

/** A row that passed every check of its own (the database checks come later, a batch at a time). */
record ParsedRow(int row, IndicatorRef indicator, Period period, double value, ObservationForm form, String source,
        String note, String seriesBreak) {

    /** The key of the row among the current values: indicator and period. */
    String key() {
        return key(indicator.id(), period.iso());
    }

    static String key(long indicatorId, String period) {
        return indicatorId + "|" + period;
    }
}
