package org.policytracker.observation.imports;

import java.util.Objects;
import org.policytracker.observation.ObservationForm;
import org.policytracker.observation.ObservationViews.AuditedState;

/** The stored row of an (indicator, period), deleted or not, as an import needs it. */
record ExistingValue(long id, String period, Double value, ObservationForm form, String source, String note,
        String seriesBreak, long version, boolean deleted) {

    /** True when the row says exactly what the stored value says: an upsert leaves it alone. */
    boolean sameAs(ParsedRow row) {
        return value != null && Double.compare(value, row.value()) == 0 && form == row.form()
                && Objects.equals(source, row.source()) && Objects.equals(note, row.note())
                && Objects.equals(seriesBreak, row.seriesBreak());
    }

    /** The state the audit log records, as {@code AuditedState.of(observation)} would. */
    AuditedState audited() {
        return new AuditedState(period, value, form, source, note, seriesBreak, version);
    }
}
