package org.policytracker.observation.imports;

import java.util.Map;

/** One data row as text: which value it is, and the figure's fields by name (blank or absent cells left out). */
record RawRow(int row, String indicator, String period, Map<String, String> figure) {

    /** A row whose value cell is blank is skipped: a template row nobody filled in. */
    boolean isUnfilled() {
        return figure.get("value") == null;
    }
}
