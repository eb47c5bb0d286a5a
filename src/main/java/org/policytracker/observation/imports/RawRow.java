package org.policytracker.observation.imports;

/** One data row as text, by column; a blank or absent cell is null. */
record RawRow(int row, String indicator, String period, String value, String form, String source, String note,
        String seriesBreak) {

    /** A row whose value cell is blank is skipped: a template row nobody filled in. */
    boolean isUnfilled() {
        return value == null;
    }
}
