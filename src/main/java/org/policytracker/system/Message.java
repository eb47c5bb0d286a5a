package org.policytracker.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the server tells a user, kept as a code and the values of its placeholders until it is
 * answered: then it is worded in the reader's language from the vocabulary ({@code problem.<code>} in
 * ui/i18n), Chinese unless the request asks for English. Import errors are stored this way too, so a job
 * reads in the language of whoever looks at it.
 *
 * @param code the key under {@code problem.} in the vocabulary, e.g. {@code value.share}
 * @param args the placeholders' values by name
 */
public record Message(String code, Map<String, Object> args) {

    public Message {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (args != null) {
            args.forEach((name, value) -> copy.put(name, revive(value)));
        }
        args = copy;
    }

    /**
     * A placeholder's value as it was before a JSON round trip (import errors are stored as JSON): a
     * word comes back as {"word": key}, a nested message as {"code": …, "args": …}.
     */
    @SuppressWarnings("unchecked")
    private static Object revive(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("word") instanceof String key) {
                return new Word(key);
            }
            if (map.get("code") instanceof String code && map.keySet().stream()
                    .allMatch(k -> k.equals("code") || k.equals("args"))) {
                return new Message(code, (Map<String, Object>) map.get("args"));
            }
        }
        return value;
    }

    /** A message with its placeholders' values given as name–value pairs. */
    public static Message of(String code, Object... pairs) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            args.put((String) pairs[i], pairs[i + 1]);
        }
        return new Message(code, args);
    }

    /** A word of the vocabulary as a placeholder's value: {@code Message.of("x", "form", new Word("form.LEVEL"))}. */
    public record Word(String word) {
    }

    /** The message in a language. */
    public String in(Lang lang) {
        Object[] pairs = new Object[args.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            pairs[i++] = arg.getKey();
            Object value = arg.getValue();
            // A message or a word inside a message is worded in the same language.
            pairs[i++] = value == null ? ""
                    : value instanceof Message nested ? nested.in(lang)
                            : value instanceof Word word ? Vocabulary.word(lang, word.word()) : value;
        }
        return Vocabulary.word(lang, "problem." + code, pairs);
    }
}
