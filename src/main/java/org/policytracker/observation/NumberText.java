package org.policytracker.observation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.policytracker.system.Message;
import org.policytracker.system.Problems;

/**
 * A number as people type and paste it: read the way they meant it, or refused with a reason, never
 * silently mis-read. The one reader of typed numbers, for the entry form (which sends what was typed) and
 * for import files alike. The rules (docs/ASSESSMENT.md, "Entering values"):
 *
 * <ul>
 * <li>Full-width digits, signs and points (－３．８) are read as their ASCII forms, and the minus sign
 * U+2212 (−3.8, as the app prints negatives) as a minus.
 * <li>A point is the decimal point. A comma is a thousands separator when it separates groups of three
 * digits after a first group of one to three that does not start with 0 (1,234 and 12,345.6); any other
 * single comma is a decimal comma (−3,8 is −3.8; 0,125 is 0.125). Both a comma and a point with the comma
 * last (1.234,5), or commas in other places, are refused: which is meant cannot be told.
 * <li>A trailing % is allowed where the value is a percentage (the rules check that); spaces around the
 * number are ignored, spaces inside it are refused.
 * <li>NaN and infinity read as such, for the rules to refuse in their words.
 * </ul>
 */
public final class NumberText {

    /** What a text says: its number, and whether it ended in a percent sign. */
    public record Reading(double value, boolean percent) {
    }

    /** A text that is not a number as people write one; {@link #message()} says why. */
    public static final class Unreadable extends Exception {

        private final transient Message message;

        Unreadable(Message message) {
            super(message.code(), null, false, false);
            this.message = message;
        }

        public Message message() {
            return message;
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    private NumberText() {
    }

    /** Reads a typed number; null for none (null or blank). */
    public static Reading read(String typed) throws Unreadable {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replace('\u2212', '-');
        boolean percent = text.endsWith("%");
        if (percent) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (NON_FINITE.matcher(text).matches()) {
            double value = text.toLowerCase(Locale.ROOT).contains("nan") ? Double.NaN
                    : text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return new Reading(value, percent);
        }
        String plain;
        if (PLAIN.matcher(text).matches()) {
            plain = text;
        } else if (GROUPED.matcher(text).matches()) {
            plain = text.replace(",", "");
        } else if (DECIMAL_COMMA.matcher(text).matches()) {
            plain = text.replace(',', '.');
        } else if (text.indexOf(',') >= 0 && text.indexOf('.') >= 0 || text.indexOf(',') != text.lastIndexOf(',')) {
            throw new Unreadable(Message.of("value.ambiguous", "value", Problems.quote(typed)));
        } else {
            throw new Unreadable(Message.of("value.notANumber", "value", Problems.quote(typed)));
        }
        return new Reading(Double.parseDouble(plain), percent);
    }
}
