package org.policytracker.system;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Factories for the problems resources raise. */
public final class Problems {

    private Problems() {
    }

    /** Longer input is cut when quoted back in a message, so one huge cell or field cannot bloat an answer. */
    public static final int QUOTE_LIMIT = 60;

    /** Bad input as a message quotes it back: cut after {@value #QUOTE_LIMIT} characters. */
    public static String quote(String text) {
        return text == null ? "" : text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(new Problem.FieldError(field, detail)));
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
                .orElseThrow(() -> badRequest(field, "'" + value + "' is not allowed; use one of: "
                        + allowed.stream().map(name).collect(Collectors.joining(", "))));
    }

    /** Like {@link #choice}, but absent is a 400 too. */
    public static <E> E requiredChoice(String field, String value, List<E> allowed, Function<E, String> name) {
        E chosen = choice(field, value, allowed, name);
        if (chosen == null) {
            throw badRequest(field, "is required; use one of: "
                    + allowed.stream().map(name).collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    /** Parses an optional enum query parameter; null stays null, an unknown value is a 400 naming the allowed ones. */
    public static <E extends Enum<E>> E enumParam(String field, String value, Class<E> type) {
        return choice(field, value, List.of(type.getEnumConstants()), Enum::name);
    }
}
