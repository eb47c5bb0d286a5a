package org.policytracker.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Factories for the problems resources raise. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(new Problem.FieldError(field, detail)));
    }

    /** Parses an optional enum query parameter; null stays null, an unknown value is a 400 naming the allowed ones. */
    public static <E extends Enum<E>> E enumParam(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest(field,
                    "'" + value + "' is not allowed; use one of: " + Arrays.stream(type.getEnumConstants())
                            .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
