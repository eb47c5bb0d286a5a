package org.policytracker.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OWASP CSV injection: a formula character at the start is guarded with an apostrophe, and read back without it. */
class SpreadsheetTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=HYPERLINK(\"x\")|'=HYPERLINK(\"x\")",
            "@SUM(1)|'@SUM(1)",
            "+1|'+1",
            "-1 是负数|'-1 是负数",
            "统计公报|统计公报",
            "'quoted|'quoted",
            "a=b|a=b"})
    void shouldGuardWhatASpreadsheetWouldEvaluateAndNothingElse(String text, String cell) {
        assertEquals(cell, SpreadsheetText.guard(text));
        assertEquals(text, SpreadsheetText.unguard(SpreadsheetText.guard(text)));
    }

    @org.junit.jupiter.api.Test
    void shouldGuardATabOrACarriageReturn() {
        for (String text : new String[]{"\tx", "\rx"}) {
            assertEquals("'" + text, SpreadsheetText.guard(text));
            assertEquals(text, SpreadsheetText.unguard("'" + text));
        }
    }
}
