package org.policytracker.system;

/**
 * Text written into a CSV file that a spreadsheet could take for a formula: a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading apostrophe, as OWASP's
 * "CSV Injection" guidance advises (Excel shows the text and does not evaluate it), and the importer takes the
 * apostrophe off again, so an unedited export imports back unchanged. Numbers are written as numbers, never
 * guarded.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** The text as a CSV cell: with a leading apostrophe when a spreadsheet would read it as a formula. */
    public static String guard(String text) {
        return text != null && !text.isEmpty() && isTrigger(text.charAt(0)) ? "'" + text : text;
    }

    /** A cell as read from a CSV file: a guarding apostrophe (before a formula character) taken off. */
    public static String unguard(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && isTrigger(cell.charAt(1))
                ? cell.substring(1)
                : cell;
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
