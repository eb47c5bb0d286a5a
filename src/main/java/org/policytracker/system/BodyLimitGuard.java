package org.policytracker.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is answered with a 413 problem naming
 * the body and the limit, before anything of it is read. Quarkus's own check (route order -2, before any
 * resource) answers such a request with an empty 413; this route runs before it. A body without a length
 * (chunked) that grows past the limit is stopped while it is read, and answered as a problem too
 * (ImportService).
 */
@ApplicationScoped
public class BodyLimitGuard {

    private final Optional<MemorySize> maxBodySize;

    BodyLimitGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void register(@Observes Router router) {
        if (maxBodySize.isPresent()) {
            router.route().order(-1000).handler(this::check);
        }
    }

    /** The limit, said as people say it ("200 MB"). */
    public static String shown(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MB" : bytes + " bytes";
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long max = maxBodySize.get().asLongValue();
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = -1; // Vert.x's HTTP codec refuses a malformed length itself
        }
        if (declared <= max) {
            context.next();
            return;
        }
        Lang lang = Lang.of(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        FieldMessage error = FieldMessage.of("(body)", "body.tooLarge", "max", shown(max));
        String message = error.message().in(lang);
        JsonObject problem = new JsonObject().put("type", "about:blank")
                .put("title", Message.of("title.413").in(lang)).put("status", 413)
                .put("detail", "(body): " + message).put("instance", context.request().path())
                .put("errors", new JsonArray().add(new JsonObject().put("field", "(body)")
                        .put("code", error.message().code()).put("message", message)));
        // The body is not read: the connection cannot be reused after it.
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, lang.code()).putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }
}
