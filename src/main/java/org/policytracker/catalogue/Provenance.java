package org.policytracker.catalogue;

import java.util.regex.Pattern;

/**
 * The provenance rule (docs/SEED-FORMAT.md, "Provenance"): a quote is verbatim when, after removing all white space
 * from both and the page-header lines from the source, it is a substring of the source text.
 */
public final class Provenance {

    /** Page headers of the compilation the sources were extracted from. */
    private static final Pattern PAGE_HEADER = Pattern.compile("^\\s*(商事法律汇编|山东信谊律师事务所\\d*)\\s*$");

    private Provenance() {
    }

    /** The source text with page-header lines and all white space removed. */
    public static String normaliseSource(String sourceText) {
        StringBuilder out = new StringBuilder(sourceText.length());
        for (String line : sourceText.split("\n", -1)) {
            if (!PAGE_HEADER.matcher(line).matches()) {
                out.append(line);
            }
        }
        return removeWhiteSpace(out);
    }

    public static String removeWhiteSpace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    public static boolean isVerbatim(String quote, String normalisedSource) {
        String q = removeWhiteSpace(quote);
        return !q.isEmpty() && normalisedSource.contains(q);
    }
}
