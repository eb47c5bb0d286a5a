package org.policytracker.system;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * The one home of the security headers. Every answer of the server gets them: the API's JSON and problem
 * answers, the backup, the reports, the web app's files, health and metrics, and the answers Quarkus or a
 * guard makes itself (401, 403, 404, 413, 429). A route registered first ({@link Integer#MIN_VALUE}, before
 * Quarkus's own body handler) adds a headers-end handler to every request, which runs just before the
 * status line and headers are written, whoever ends the answer and whatever it set before.
 *
 * <ul>
 * <li>{@code Content-Security-Policy}: the web app loads everything from its own origin (scripts only from
 * 'self', Chart.js from the webjar under 'self', no inline script); an API answer (JSON, CSV, XLSX, PDF, the
 * backup) loads nothing; the inline HTML report has inline styles and inline SVG charts, no script
 * ({@link #REPORT_POLICY}); Swagger UI, Quarkus's own page, needs its inline script ({@link #SWAGGER_POLICY}).
 * Each says {@code frame-ancestors 'none'}: no other page may frame ours (clickjacking).</li>
 * <li>{@code X-Frame-Options: DENY} for browsers that predate frame-ancestors; {@code X-Content-Type-Options:
 * nosniff}, so an answer is never run as another type than it says.</li>
 * <li>{@code Referrer-Policy: same-origin}: the app's own requests keep their Referer, but no address of ours
 * (with its filters and target ids) goes to another site, e.g. when a user follows a source document's link.</li>
 * <li>{@code Cache-Control: no-store} on the API (/api/*, the reports and the backup) and the sign-in: what a
 * signed-in user was shown stays out of shared and browser caches. One exception, by one rule: an API answer that
 * carries an {@code ETag} and says {@link #REVALIDATE} itself keeps it (the dashboard, GET /api/dashboard): the
 * browser may keep it, must revalidate it on every use (a 304 is only answered to a signed-in caller), and no shared
 * cache may keep it (docs/RELIABILITY.md, part 5c).</li>
 * </ul>
 *
 * Not covered: what Vert.x refuses before any route runs (a malformed request line, headers too large), which it
 * answers with a bare status and no body.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The web app (ui/index.html and its files) and any other answer outside the API. */
    public static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** API answers: data, never a page; nothing in them may load anything. */
    public static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /** The inline HTML report (templates/reports/status.html): its own style element, inline SVG, no script. */
    public static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    /**
     * Swagger UI (/q/swagger-ui, signed in only): Quarkus generates its page with an inline script that
     * configures it, and it draws icons from data: URLs. Relaxed for that page only.
     */
    public static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "same-origin";
    /** The one Cache-Control an API answer may say other than no-store, with an ETag: kept privately, revalidated. */
    public static final String REVALIDATE = "private, no-cache";

    private static final String SWAGGER_PATH = "/q/swagger-ui";
    private static final boolean DEV_UI = LaunchMode.current() == LaunchMode.DEVELOPMENT;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> apply(context));
            context.next();
        });
    }

    private static void apply(RoutingContext context) {
        String path = context.normalizedPath() == null ? "/" : context.normalizedPath();
        if (DEV_UI && path.startsWith("/q/dev-ui")) {
            return; // quarkus:dev's own tool, with inline scripts and a web socket; absent from the packaged app
        }
        MultiMap headers = context.response().headers();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        headers.set("Content-Security-Policy", policy(path, api, headers.get(HttpHeaders.CONTENT_TYPE)));
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", REFERRER_POLICY);
        if (api || path.equals("/j_security_check")) {
            String cache = headers.get(HttpHeaders.CACHE_CONTROL);
            boolean revalidated = REVALIDATE.equals(cache) && headers.contains(HttpHeaders.ETAG);
            if (!revalidated && (cache == null || !cache.toLowerCase(Locale.ROOT).contains("no-store"))) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        }
    }

    static String policy(String path, boolean api, String contentType) {
        if (api) {
            boolean html = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
            return html ? REPORT_POLICY : API_POLICY;
        }
        if (path.equals(SWAGGER_PATH) || path.startsWith(SWAGGER_PATH + "/")) {
            return SWAGGER_POLICY;
        }
        if (path.startsWith("/q/") || path.equals("/j_security_check")) {
            return API_POLICY;
        }
        return APP_POLICY;
    }
}
