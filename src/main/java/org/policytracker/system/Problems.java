package org.policytracker.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Factories for the problems resources raise, each worded from the vocabulary ({@code problem.*}). */
public final class Problems {

    /** Longer input is cut when quoted back in a message, so one huge cell or field cannot bloat an answer. */
    public static final int QUOTE_LIMIT = 60;

    private Problems() {
    }

    /** Bad input as a message quotes it back: cut after {@value #QUOTE_LIMIT} characters. */
    public static String quote(String text) {
        return text == null ? "" : text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }

    /** A 400 about one field: {@code code} under problem. in the vocabulary, its placeholders in pairs. */
    public static ProblemException badRequest(String field, String code, Object... pairs) {
        return of(400, List.of(FieldMessage.of(field, code, pairs)));
    }

    /** A 409 about one field. */
    public static ProblemException conflict(String field, String code, Object... pairs) {
        return of(409, List.of(FieldMessage.of(field, code, pairs)));
    }

    /** A 404 saying what was not found. */
    public static ProblemException notFound(String code, Object... pairs) {
        return new ProblemException(404, null, Message.of(code, pairs), List.of());
    }

    /** A 429: too much at once; {@code retryAfter} becomes the Retry-After header. */
    public static ProblemException tooManyRequests(Message detail, Duration retryAfter) {
        return new ProblemException(429, null, detail, List.of(), retryAfter);
    }

    /** A problem about these fields; its detail lists them. */
    public static ProblemException of(int status, List<FieldMessage> errors) {
        return new ProblemException(status, null, null, errors);
    }

    /**
     * A query parameter that names one of {@code allowed} by {@code name} (case and surrounding spaces
     * ignored): null when absent or blank, a 400 naming the parameter and the allowed names when unknown.
     */
    public static <E> E choice(String field, String value, List<E> allowed, Function<E, String> name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return allowed.stream().filter(e -> name.apply(e).toLowerCase(Locale.ROOT).equals(v)).findFirst()
                .orElseThrow(() -> badRequest(field, "choice", "value", quote(value), "allowed",
                        allowed.stream().map(name).collect(Collectors.joining(", "))));
    }

    /** Like {@link #choice}, but absent is a 400 too. */
    public static <E> E requiredChoice(String field, String value, List<E> allowed, Function<E, String> name) {
        E chosen = choice(field, value, allowed, name);
        if (chosen == null) {
            throw badRequest(field, "choice.required", "allowed",
                    allowed.stream().map(name).collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    /** Parses an optional enum query parameter; null stays null, an unknown value is a 400 naming the allowed ones. */
    public static <E extends Enum<E>> E enumParam(String field, String value, Class<E> type) {
        return choice(field, value, List.of(type.getEnumConstants()), Enum::name);
    }
}
