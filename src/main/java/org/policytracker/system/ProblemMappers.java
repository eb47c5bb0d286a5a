package org.policytracker.system;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers: every error is an RFC 9457 problem that says
 * what was wrong and, for bad input, names the field and what is allowed. Internal details (class
 * names, stack traces) never reach the client.
 */
public class ProblemMappers {

    @Inject
    StorageHealth storage;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response response = respond(e.status(), e.title(), e.detail(), uri, e.errors(), headers);
        if (e.retryAfter() == null) {
            return response;
        }
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)).build();
    }

    /**
     * The same answer as {@link #problem(ProblemException, UriInfo, HttpHeaders)}, for what is refused before
     * JAX-RS sees the request (the Vert.x route handlers: authentication, sign-in throttling).
     */
    public static void send(RoutingContext context, ProblemException e) {
        String language = context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        Lang lang = Lang.of(language);
        Problem body = problem(e.status(), e.title(), e.detail(), context.request().path(), e.errors(), lang);
        String json;
        try {
            json = VERTX_JSON.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        var response = context.response().setStatusCode(e.status()).putHeader(HttpHeaders.CONTENT_TYPE,
                Problem.MEDIA_TYPE).putHeader(HttpHeaders.CONTENT_LANGUAGE, lang.code());
        if (e.retryAfter() != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        response.end(json);
    }

    private static final ObjectMapper VERTX_JSON = new ObjectMapper();

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<FieldMessage> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldMessage(fieldName(v), message(v)))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        return respond(400, null, null, uri, errors, headers);
    }

    // Quarkus maps MismatchedInputException itself (400 with an empty body): name the exact types so
    // that ours, which name the field, take precedence.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JacksonException e, UriInfo uri, HttpHeaders headers) {
        String field = e instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                ? jme.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "(body)";
        Message message;
        if (e instanceof UnrecognizedPropertyException upe) {
            message = Message.of("json.unknownField", "allowed", upe.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null
                && ife.getTargetType().isEnum()) {
            message = Message.of("choice", "value", Problems.quote(String.valueOf(ife.getValue())), "allowed",
                    Arrays.stream(ife.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", ")));
        } else if (e instanceof InvalidFormatException ife) {
            message = Message.of(isNumber(ife.getTargetType()) ? "json.notANumber" : "json.wrongType", "value",
                    Problems.quote(String.valueOf(ife.getValue())));
        } else if (e instanceof JsonMappingException && field.equals("(body)")) {
            message = Message.of("json.shape");
        } else if (e instanceof JsonMappingException) {
            message = Message.of("json.wrongShape");
        } else {
            message = Message.of("json.malformed");
        }
        return respond(400, null, null, uri, List.of(new FieldMessage(field, message)), headers);
    }

    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e, UriInfo uri, HttpHeaders headers) {
        storage.failed(e);
        return DurableAnswers.storageProblem(uri, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, null, Message.of("forbidden"), uri, List.of(), headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JacksonException jackson) {
            return unreadableJson(jackson, uri, headers);
        }
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (e.getResponse().getStatus() == 400 && contentType != null && !isMediaType(contentType)) {
            // JAX-RS refuses a Content-Type it cannot parse before any resource sees the request.
            return respond(400, null, null, uri, List.of(FieldMessage.of(HttpHeaders.CONTENT_TYPE,
                    "contentType.malformed", "value", Problems.quote(contentType))), headers);
        }
        int status = e.getResponse().getStatus();
        if (status == 415) {
            // A JSON endpoint sent another (or no, or a malformed) Content-Type: name the header at fault.
            return respond(status, null, null, uri, List.of(FieldMessage.of(HttpHeaders.CONTENT_TYPE,
                    "contentType.json")), headers);
        }
        return respond(status, null, Message.of("status." + (Vocabulary.has(Lang.ZH, "problem.status." + status)
                ? status
                : "other"), "status", status), uri, List.of(), headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (clientWentAway(e)) {
            // The client closed the connection while its request was read or answered (a load tool
            // stopping, a browser tab closed): nobody gets this answer, and nothing in the server failed.
            Log.debugf("Client closed the connection during %s", uri.getPath());
            return respond(400, null, null, uri, List.of(FieldMessage.of("(connection)", "connection.closed")),
                    headers);
        }
        if (textTheDatabaseRefuses(e)) {
            // PostgreSQL refuses U+0000 in text (SQLState 22021) wherever a value reaches a query, e.g. a
            // user name at sign-in. Nothing was written (the statement failed).
            return respond(400, null, null, uri, List.of(FieldMessage.of("(text)", "text.nul")), headers);
        }
        if (StorageHealth.isStorageFailure(e)) {
            // The database could not write to its disk (full, failing): nothing of the request was committed.
            storage.failed(e);
            return DurableAnswers.storageProblem(uri, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error, incident %s, at %s", incident, uri.getPath());
        return respond(500, null, Message.of("internal", "incident", incident), uri, List.of(), headers);
    }

    /**
     * An OutOfMemoryError is not an Exception, so {@link #unexpected} would not see it (and the answer was a
     * text/plain 500). The limits (tracker.import.max-*) are what keeps memory bounded; this is the answer if
     * something still runs out: a 503 problem, the request's transaction rolled back.
     */
    @ServerExceptionMapper
    public Response outOfMemory(OutOfMemoryError e, UriInfo uri, HttpHeaders headers) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Out of memory, incident %s, at %s", incident, uri.getPath());
        return respond(503, null, Message.of("memory", "incident", incident), uri, List.of(), headers);
    }

    private static boolean textTheDatabaseRefuses(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (textTheDatabaseRefuses(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The answer, worded in the request's language: the title by status unless given, the detail given or
     * made of the field errors ("value: …; period: …").
     */
    static Response respond(int status, Message title, Message detail, UriInfo uri, List<FieldMessage> errors,
            HttpHeaders headers) {
        return respond(status, title, detail, uri, errors,
                headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Response respond(int status, Message title, Message detail, UriInfo uri, List<FieldMessage> errors,
            String acceptLanguage) {
        Lang lang = Lang.of(acceptLanguage);
        Problem body = problem(status, title, detail, uri == null ? null : uri.getPath(), errors, lang);
        return Response.status(status).type(Problem.MEDIA_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, lang.code())
                .entity(body).build();
    }

    /** The problem body of every error answer, worded in {@code lang}. */
    static Problem problem(int status, Message title, Message detail, String path, List<FieldMessage> errors,
            Lang lang) {
        List<Problem.FieldError> fieldErrors = errors.stream().map(f -> f.in(lang)).toList();
        String titleText = (title != null ? title
                : Message.of("title." + (Vocabulary.has(lang, "problem.title." + status) ? status : "other")))
                .in(lang);
        String detailText = detail != null ? detail.in(lang)
                : fieldErrors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new Problem("about:blank", titleText, status, detailText, path, fieldErrors);
    }

    /**
     * A bean-validation message as a vocabulary message: our constraints name their code as the template
     * ({@code message = "{user.username}"}) or carry the message as their dynamic payload; the standard ones map to
     * codes of their own.
     */
    private static Message message(ConstraintViolation<?> violation) {
        // A constraint of ours that says more than one fixed sentence (one naming the rule a value broke, with
        // its limits) carries its message whole.
        if (violation instanceof HibernateConstraintViolation<?> hibernate
                && hibernate.getDynamicPayload(Message.class) != null) {
            return hibernate.getDynamicPayload(Message.class);
        }
        String template = violation.getMessageTemplate();
        if (template.startsWith("{jakarta.validation.constraints.")) {
            String constraint = template.substring("{jakarta.validation.constraints.".length(),
                    template.indexOf('.', "{jakarta.validation.constraints.".length()));
            return Message.of("constraint." + constraint);
        }
        return Message.of(template.replaceAll("^\\{|\\}$", ""));
    }

    /** "create.user.password" → "password"; a query parameter keeps its own name. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<String> names = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.PARAMETER)
                .map(Path.Node::getName).toList();
        if (names.isEmpty()) {
            return "(body)";
        }
        // A property path starts at the method parameter (the body): drop it when properties follow.
        return names.size() > 1 ? String.join(".", names.subList(1, names.size())) : names.get(0);
    }

    private static boolean isNumber(Class<?> type) {
        return type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive());
    }
}
