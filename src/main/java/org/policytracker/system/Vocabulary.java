package org.policytracker.system;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word users see, in Chinese and English, from one source shared by the web app and the server:
 * {@code ui/i18n/zh.json} and {@code ui/i18n/en.json} (served to the app at {@code /i18n/…}, read here
 * from the same files on the classpath), and the status colours in {@code ui/palette.json}. The reports,
 * the wording of targets and the app therefore say the same thing in the same words and colours.
 * A missing key is a bug, not a fallback: it fails loudly.
 */
public final class Vocabulary {

    /** Where the packaged app keeps the files of {@code ui/}. */
    static final String ROOT = "META-INF/resources/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    private static final Map<Lang, Map<String, String>> WORDS = loadWords();
    private static final JsonNode PALETTE = read("palette.json");

    private Vocabulary() {
    }

    /** The word of a key, e.g. {@code status.ON_TRACK}. */
    public static String word(Lang lang, String key) {
        String word = WORDS.get(lang).get(key);
        if (word == null) {
            throw new IllegalArgumentException("No " + lang.code() + " word for '" + key + "' in ui/i18n");
        }
        return word;
    }

    /** The word of a key with its {placeholders} filled in from {@code names} and {@code values}, in pairs. */
    public static String word(Lang lang, String key, Object... pairs) {
        String template = word(lang, key);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = null;
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].equals(m.group(1))) {
                    value = String.valueOf(pairs[i + 1]);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The label of an enum value under a prefix: {@code label(ZH, "status", ON_TRACK)} is 进展顺利. */
    public static String label(Lang lang, String prefix, Enum<?> value) {
        return word(lang, prefix + "." + value.name());
    }

    /** Whether a key has a word. */
    public static boolean has(Lang lang, String key) {
        return WORDS.get(lang).containsKey(key);
    }

    /** A status colour: {@code part} is fill (behind the words), text (on the fill) or accent (lines, icons). */
    public static String statusColour(Enum<?> status, String part) {
        JsonNode colour = PALETTE.path("status").path(status.name()).path(part);
        if (!colour.isTextual()) {
            throw new IllegalArgumentException("No " + part + " colour for " + status + " in ui/palette.json");
        }
        return colour.asText();
    }

    private static Map<Lang, Map<String, String>> loadWords() {
        Map<Lang, Map<String, String>> words = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            words.put(lang, new ObjectMapper().convertValue(read("i18n/" + lang.code() + ".json"),
                    new TypeReference<Map<String, String>>() {
                    }));
        }
        return words;
    }

    private static JsonNode read(String path) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("ui/" + path + " is not on the classpath at " + ROOT + path);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read ui/" + path, e);
        }
    }
}
