package org.policytracker.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Lang;
import org.policytracker.system.Message;
import org.policytracker.system.Problem;
import org.policytracker.system.ProblemMappers;
import org.policytracker.system.Problems;

/**
 * Guards the sign-in ({@code POST /j_security_check}) before it is read, and the sign-out
 * ({@code POST /api/session/logout}).
 *
 * <p>
 * Login CSRF: a foreign page must not be able to sign a browser in (as the attacker, whose account would then
 * see what the victim enters). Both routes are refused with a 403 problem naming {@code Origin} unless the
 * browser says the request comes from this site: {@code Sec-Fetch-Site} is {@code same-origin} (or {@code none}:
 * the user's own action, not a page's), or {@code Origin} is this server's own scheme, host and port (as the
 * client sees them: behind a proxy, only when the proxy's forwarded headers are trusted, docs/DEPLOY.md). A
 * request with neither header is let through: browsers send at least one with every POST, and a client that sends
 * neither (curl, scripts) is not a browser a foreign page could drive.
 *
 * <p>
 * A sign-in whose body is not form-encoded is refused with a 415 problem naming Content-Type (a 500 once, found by
 * the bad-input suite, issue #7).
 */
@ApplicationScoped
public class SignInGuard {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String SIGN_IN = "/j_security_check";
    static final String SIGN_OUT = "/api/session/logout";
    static final String FETCH_SITE = "Sec-Fetch-Site";

    void register(@Observes Router router) {
        // Before authentication (Quarkus runs its security handlers after the body and upload-limit handlers).
        router.route(HttpMethod.POST, SIGN_IN).order(-1000).handler(this::check);
        router.route(HttpMethod.POST, SIGN_OUT).order(-1000).handler(this::checkOrigin);
    }

    private void checkOrigin(RoutingContext context) {
        if (fromThisSite(context.request())) {
            context.next();
            return;
        }
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        String site = context.request().getHeader(FETCH_SITE);
        String value = origin != null ? origin : FETCH_SITE + ": " + site;
        ProblemMappers.send(context, Problems.of(403, List.of(FieldMessage.of("Origin", "signIn.origin", "value",
                Problems.quote(value), "allowed", ownOrigin(context.request())))));
    }

    private void check(RoutingContext context) {
        if (!fromThisSite(context.request())) {
            checkOrigin(context);
            return;
        }
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
                .put("detail", "Content-Type: " + message).put("instance", SIGN_IN)
                .put("errors", new JsonArray().add(new JsonObject().put("field", "Content-Type")
                        .put("code", error.message().code()).put("message", message)));
        context.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, lang.code()).end(problem.encode());
    }

    /** Whether the request may come from a page of this site (or from no page at all); see the class comment. */
    static boolean fromThisSite(HttpServerRequest request) {
        String site = request.getHeader(FETCH_SITE);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (site == null && origin == null) {
            return true;
        }
        if (site != null && (site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none"))) {
            return true;
        }
        return origin != null && sameOrigin(origin, request);
    }

    /** Whether {@code origin} (scheme://host[:port]) is this server's own, default ports filled in. */
    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false; // "null" (an opaque origin) too
        }
        String scheme = request.scheme();
        HostAndPort authority = request.authority();
        if (uri.getScheme() == null || uri.getHost() == null || scheme == null || authority == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            return false;
        }
        return uri.getScheme().equalsIgnoreCase(scheme) && host(uri.getHost()).equalsIgnoreCase(host(authority.host()))
                && port(uri.getPort(), uri.getScheme()) == port(authority.port(), scheme);
    }

    private static String host(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(int port, String scheme) {
        return port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** This server's origin as the client sees it, for the problem's message. */
    static String ownOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return request.scheme() + "://(no Host)";
        }
        boolean defaultPort = authority.port() < 0 || authority.port() == port(-1, request.scheme());
        return request.scheme() + "://" + authority.host() + (defaultPort ? "" : ":" + authority.port());
    }
}
