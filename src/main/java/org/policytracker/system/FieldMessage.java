package org.policytracker.system;

/** What is wrong with one field (a JSON field, a query parameter, a file's column), until it is worded. */
public record FieldMessage(String field, Message message) {

    public static FieldMessage of(String field, String code, Object... pairs) {
        return new FieldMessage(field, Message.of(code, pairs));
    }

    /** As the problem+json body says it, in a language. */
    public Problem.FieldError in(Lang lang) {
        return new Problem.FieldError(field, message.code(), message.in(lang));
    }
}
