package org.policytracker.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Lang;
import org.policytracker.system.Message;
import org.policytracker.system.Problem;
import org.policytracker.system.Problems;

/**
 * Refuses a sign-in ({@code POST /j_security_check}) whose body is not form-encoded with a 415
 * problem naming Content-Type, before Quarkus's form mechanism reads it: that mechanism decodes
 * the body as a form or multipart request and, given no Content-Type or a malformed one, fails
 * with an IllegalStateException that became a 500 (found by the bad-input suite, issue #7).
 */
@ApplicationScoped
public class SignInGuard {

    static final String FORM = "application/x-www-form-urlencoded";

    void register(@Observes Router router) {
        // Before authentication (Quarkus runs its security handlers after the body and upload-limit handlers).
        router.route(HttpMethod.POST, "/j_security_check").order(-1000).handler(this::check);
    }

    private void check(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.equals(FORM)) {
            context.next();
            return;
        }
        Lang lang = Lang.of(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        FieldMessage error = FieldMessage.of("Content-Type", "signIn.contentType", "value",
                type == null ? "—" : Problems.quote(type), "form", FORM);
        String message = error.message().in(lang);
        JsonObject problem = new JsonObject().put("type", "about:blank")
                .put("title", Message.of("title.415").in(lang)).put("status", 415)
                .put("detail", "Content-Type: " + message).put("instance", "/j_security_check")
                .put("errors", new JsonArray().add(new JsonObject().put("field", "Content-Type")
                        .put("code", error.message().code()).put("message", message)));
        context.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, lang.code()).end(problem.encode());
    }
}
