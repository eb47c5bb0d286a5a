package org.policytracker.observation.imports;

/** Small text helpers for cell values. */
final class Cells {

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

}
