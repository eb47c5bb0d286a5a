package org.policytracker.report;

import java.time.OffsetDateTime;

/** One current value as exported: the indicator it belongs to, the value as entered, and who entered it when. */
public record ObservationExportRow(
        String indicator,
        String indicatorNameZh,
        String indicatorNameEn,
        String unit,
        String period,
        String periodType,
        Double value,
        String form,
        String source,
        String note,
        String seriesBreak,
        String enteredBy,
        OffsetDateTime enteredAt,
        String updatedBy,
        OffsetDateTime updatedAt) {

    /**
     * The column names, the same in CSV and XLSX. {@code indicator, period, value, form, source, note,
     * seriesBreak} are the names the bulk import reads, so an export can be edited and imported again.
     */
    public static final String[] HEADERS = {"indicator", "indicatorNameZh", "indicatorNameEn", "unit", "period",
            "periodType", "value", "form", "source", "note", "seriesBreak", "enteredBy", "enteredAt (UTC)",
            "updatedBy", "updatedAt (UTC)"};
}
