package org.policytracker.observation.imports;

/** Small text helpers for cell values. */
final class Cells {

    /** Longer cell values are cut when quoted back in a message, so one huge cell cannot bloat the job. */
    static final int QUOTE_LIMIT = 60;

    private Cells() {
    }

    /** Strips spaces around a cell (spreadsheets are full of stray ones); blank becomes null. */
    static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String stripped = cell.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String shorten(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }
}
