package org.policytracker.system;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpClosedException;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers: every error is an RFC 9457 problem that says
 * what was wrong and, for bad input, names the field and what is allowed. Internal details (class
 * names, stack traces) never reach the client.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "Invalid request", detail, uri, errors);
    }

    // Quarkus maps MismatchedInputException itself (400 with an empty body): name the exact types so
    // that ours, which name the field, take precedence.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JacksonException e, UriInfo uri) {
        String field = e instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                ? jme.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "(body)";
        String message;
        if (e instanceof UnrecognizedPropertyException upe) {
            message = "is not a known field; allowed: " + upe.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null
                && ife.getTargetType().isEnum()) {
            message = "'" + ife.getValue() + "' is not allowed; use one of: " + Arrays.stream(
                    ife.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException ife) {
            message = "'" + ife.getValue() + "' is not a valid " + simpleType(ife.getTargetType());
        } else if (e instanceof JsonMappingException jme && field.equals("(body)")) {
            message = "must be a JSON object of the documented shape";
        } else if (e instanceof JsonMappingException) {
            message = "has the wrong type or shape";
        } else {
            message = "is not well-formed JSON";
        }
        return respond(400, "Invalid request", field + ": " + message, uri,
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role does not allow this; writing needs the analyst or admin role,"
                + " managing users the admin role.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JacksonException jackson) {
            return unreadableJson(jackson, uri);
        }
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (e.getResponse().getStatus() == 400 && contentType != null && !isMediaType(contentType)) {
            // JAX-RS refuses a Content-Type it cannot parse before any resource sees the request.
            String message = "'" + contentType + "' is not a media type (type/subtype)";
            return respond(400, "Invalid request", "Content-Type: " + message, uri,
                    List.of(new Problem.FieldError(HttpHeaders.CONTENT_TYPE, message)));
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (status == 415) {
            // A JSON endpoint sent another (or no, or a malformed) Content-Type: name the header at fault.
            String message = "is not accepted here; send the body as application/json";
            return respond(status, title, "Content-Type: " + message, uri,
                    List.of(new Problem.FieldError(HttpHeaders.CONTENT_TYPE, message)));
        }
        return respond(status, title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (clientWentAway(e)) {
            // The client closed the connection while its request was read or answered (a load tool
            // stopping, a browser tab closed): nobody gets this answer, and nothing in the server failed.
            Log.debugf("Client closed the connection during %s", uri.getPath());
            return respond(400, "Client closed request", "The connection was closed before the request was read "
                    + "or answered.", uri, List.of(new Problem.FieldError("(connection)", "was closed by the client")));
        }
        if (textTheDatabaseRefuses(e)) {
            // PostgreSQL refuses U+0000 in text (SQLState 22021) wherever a value reaches a query, e.g. a
            // user name at sign-in. Nothing was written (the statement failed).
            return respond(400, "Invalid request", "A text value holds a character the database cannot store "
                    + "(U+0000); nothing was changed.", uri,
                    List.of(new Problem.FieldError("(text)",
                            "must not contain the NUL character (U+0000)")));
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error, incident %s, at %s", incident, uri.getPath());
        return respond(500, "Internal error", "The server could not complete the request (incident " + incident
                + "). Nothing was changed by it; try again or report the incident.", uri, List.of());
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
            if (t instanceof ClosedChannelException
                    || t instanceof HttpClosedException) {
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

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** "create.user.password" → "password"; a query parameter keeps its own name. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<String> names = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY
                        || n.getKind() == ElementKind.PARAMETER)
                .map(Path.Node::getName).toList();
        if (names.isEmpty()) {
            return "(body)";
        }
        // A property path starts at the method parameter (the body): drop it when properties follow.
        return names.size() > 1 ? String.join(".", names.subList(1, names.size())) : names.get(0);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return type.getSimpleName();
    }
}
