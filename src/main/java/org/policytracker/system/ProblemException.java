package org.policytracker.system;

import java.time.Duration;
import java.util.List;

/**
 * Thrown to answer with a problem+json body; see {@link Problems} for the usual ones. Its words are kept
 * as {@link Message}s and worded in the request's language when the answer is written.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final Message title;
    private final Message detail;
    private final List<FieldMessage> errors;
    private final Duration retryAfter;

    public ProblemException(int status, Message title, Message detail, List<FieldMessage> errors) {
        this(status, title, detail, errors, null);
    }

    /** With {@code retryAfter}, the answer says when to try again (the Retry-After header, in seconds). */
    public ProblemException(int status, Message title, Message detail, List<FieldMessage> errors,
            Duration retryAfter) {
        super(detail != null ? detail.code() : "problem." + status);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** When to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public Message title() {
        return title;
    }

    public Message detail() {
        return detail;
    }

    public List<FieldMessage> errors() {
        return errors;
    }

    /** The detail, or else the field errors, in English, for logs. */
    @Override
    public String getMessage() {
        if (detail != null) {
            return detail.in(Lang.EN);
        }
        return errors.stream().map(e -> e.field() + ": " + e.message().in(Lang.EN))
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
