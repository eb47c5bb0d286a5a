package org.policytracker.observation;

import java.util.Locale;
import java.util.regex.Pattern;

/** Numbers written as text, as import files hold them. */
public final class NumberText {

    /** A decimal number as people write it: 19.8, -3.4, .5, 1e3; no units, no thousands separators. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    private NumberText() {
    }

    /**
     * The number a text says; null for none. NaN and infinity come back as such, for the rules to refuse in
     * their words; anything else that is not a decimal number is a {@link NumberFormatException}.
     */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        if (NON_FINITE.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT).contains("nan") ? Double.NaN
                    : text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }
}
