package org.policytracker.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile values for generated requests, as raw JSON tokens (so that tokens JSON does not allow,
 * like NaN, can be sent too) and as plain text for CSV cells, query parameters and path segments.
 */
final class Nasty {

    private Nasty() {
    }

    /** Strings as JSON string tokens, escapes included: lone surrogates, RTL, zero-width, NUL, payloads. */
    static final List<String> JSON_STRINGS = List.of(
            "\"\"", "\"   \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00abc\"", "\"x\\ud83d\"",
            "\"\\u202eevil\\u202c\"", "\"\\u200f\\u05e9\\u05dc\\u05d5\\u05dd\"", "\"a\\u200bb\\u200d\"", "\"\\ufeff\"",
            "\"😀🇨🇳👩‍👩‍👧\"", "\"\\uffff\\ufffe\"", "\"'; DROP TABLE observation;--\"",
            "\"<script>alert(1)</script>\"", "\"<img src=x onerror=alert(1)>\"", "\"${jndi:ldap://x/a}\"",
            "\"{{7*7}}\"", "\"2024\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e309\"", "\"-1\"",
            "\"0x10\"", "\"true\"", "\"2024-02-30\"", "\"2024-13-01\"", "\"DONE\"", "\"level\"", "\"LEVEL \"",
            "\"\\n\\r\\t\"", "\"\\\\\"", "\"\\\"\"", "\"%00\"", "\"../../etc/passwd\"", "\"单位GDP\"");

    /** Numbers, valid and not, as JSON tokens: huge, tiny, negative, non-finite, malformed. */
    static final List<String> JSON_NUMBERS = List.of(
            "0", "-0", "-1", "1.5", "2024", "1e308", "-1e308", "1e309", "-1e309", "4.9e-324", "1e-400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648",
            "123456789012345678901234567890", "1e1000000", "NaN", "Infinity", "-Infinity", "0x1F", "01", ".5",
            "1.", "+1", "1e", "--1", "1_000");

    /** Other JSON shapes, some malformed. */
    static final List<String> JSON_OTHER = List.of(
            "true", "false", "null", "[]", "[1,2]", "{}", "{\"a\":1}", "[\"LEVEL\"]", "{\"value\":1}", "nul",
            "tru", "undefined", "'single'", "\"unterminated");

    /** Whole bodies that are not a JSON object of the right shape. */
    static final List<byte[]> BAD_BODIES = List.of(
            b(""), b(" "), b("{"), b("}"), b("{\"period\":"), b("{\"period\":\"2024\",}"), b("{'period':'2024'}"),
            b("["), b("[]"), b("null"), b("42"), b("\"text\""), b("{} trailing"), b("{}{}"), b("{\"a\" 1}"),
            b("\ufeff{}"), bytes(0xff, 0xfe, 0x00, 0x7b), bytes(0xc3, 0x28), bytes(0x7b, 0x22, 0xed, 0xa0, 0x80,
                    0x22, 0x3a, 0x31, 0x7d),
            b("<xml/>"), b("period=2024&value=1"), b("{\"value\":1,\"value\":2}"), b("/* c */ {}"),
            b("[".repeat(5000) + "]".repeat(5000)), b("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
            b("{\"value\":" + "9".repeat(5000) + "}"), b("{\"note\":\"" + "x".repeat(300_000) + "\"}"));

    static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Any hostile JSON token. */
    static String anyToken(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, JSON_NUMBERS);
            case 1 -> pick(random, JSON_OTHER);
            case 2 -> longString(random);
            default -> pick(random, JSON_STRINGS);
        };
    }

    /** A long JSON string: past every length limit of the API (source 1000, note 4000, username 64). */
    static String longString(Random random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 1001;
            case 1 -> 4001;
            case 2 -> 20_000;
            default -> 150_000;
        };
        String unit = random.nextBoolean() ? "x" : "界";
        return "\"" + unit.repeat(length) + "\"";
    }

    /** Text for CSV cells, query parameters and path segments. */
    static final List<String> TEXT = List.of(
            "", " ", "\u0000", "a\u0000b", "\u202eevil\u202c", "\u05e9\u05dc\u05d5\u05dd", "a\u200bb", "\ufeff",
            "😀🇨🇳", "'; DROP TABLE observation;--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e308", "-1", "0x10", "1,5", "--1", "2024Q1",
            "202401", "1989", "2101", "99999", "-2024", "20 24", "２０２４", "true", "maybe", "%", "%ZZ", "../x",
            "x".repeat(5000), "单位GDP", "\"", "\"\"", "a\"b", "\r\n", ";", "\t");

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] randomBytes(Random random, int max) {
        byte[] out = new byte[1 + random.nextInt(max)];
        random.nextBytes(out);
        return out;
    }

    /** Percent-encodes a path segment or query value (UTF-8), leaving only unreserved characters. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
