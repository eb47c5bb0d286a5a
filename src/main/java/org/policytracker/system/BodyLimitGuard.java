package org.policytracker.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Holds every body to {@code tracker.max-upload-size} with a 413 problem naming the body and the limit: a body
 * that declares a larger Content-Length before anything of it is read (a route before Quarkus's own check,
 * which would answer with an empty 413), and a body sent without a length (chunked) as soon as it passes the
 * limit while an upload is stored ({@link #limited}). Quarkus's {@code quarkus.http.limits.max-body-size} is set
 * above the limit, as a backstop.
 */
@ApplicationScoped
public class BodyLimitGuard {

    private final long max;
    private final ObjectMapper json;

    BodyLimitGuard(TrackerConfig config, ObjectMapper json) {
        this.max = config.maxUploadSize().asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::check);
    }

    /** The limit, said as people say it ("200 MB"). */
    public static String shown(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MB" : bytes + " bytes";
    }

    /**
     * {@code body}, which fails with the 413 problem once more than the limit has been read from it (an upload
     * sent chunked declares no length); the caller removes what it stored of it.
     */
    public InputStream limited(InputStream body) {
        return new FilterInputStream(body) {

            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > max) {
                    throw tooLarge();
                }
            }
        };
    }

    private ProblemException tooLarge() {
        return Problems.of(413, List.of(error()));
    }

    private FieldMessage error() {
        return FieldMessage.of("(body)", "body.tooLarge", "max", shown(max));
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
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
        String language = context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        Problem problem = ProblemMappers.problem(413, null, null, context.request().path(), List.of(error()),
                Lang.of(language));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read: the connection cannot be reused after it.
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, Lang.of(language).code())
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
