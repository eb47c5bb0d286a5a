package org.policytracker.security;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * How every request is authenticated: {@code Authorization: Bearer <token>} (API tokens for scripts),
 * {@code Authorization: Basic} (user name and password, throttled), or the web app's session cookie. Tokens and
 * sessions are looked up by the SHA-256 of their secret on every request, so a revocation, a sign-out or a
 * disabled user takes effect at once on every instance. A cookie whose session has ended makes the request
 * anonymous (public files still load) and its 401 says why in {@link SessionEnd#HEADER}.
 *
 * <p>
 * It also decides how an unauthenticated request is challenged: API clients get a Basic challenge (or a Bearer
 * one after a bad token), the web app (which marks its requests with {@code X-Requested-With}) a bare 401, so that
 * the browser shows the app's sign-in page instead of its own password dialog.
 */
@ApplicationScoped
public class TrackerAuthentication implements HttpAuthenticationMechanism {

    static final String APP_HEADER = "X-Requested-With";
    static final String BASIC_CHALLENGE = "Basic realm=\"Policy Target Tracker\", charset=\"UTF-8\"";
    static final String BEARER_CHALLENGE = "Bearer realm=\"Policy Target Tracker\", error=\"invalid_token\"";
    /** The routing-context key under which a dead session's {@link SessionEnd} waits for the challenge. */
    static final String ENDED = "tracker.session.ended";
    private static final String BEARER_TRIED = "tracker.bearer";

    /** A web app session cookie's secret. */
    static final class SessionRequest extends BaseAuthenticationRequest {

        final String secret;

        SessionRequest(String secret) {
            this.secret = secret;
        }
    }

    /** An API token's secret. */
    static final class TokenRequest extends BaseAuthenticationRequest {

        final String secret;

        TokenRequest(String secret) {
            this.secret = secret;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            int space = authorization.indexOf(' ');
            String scheme = space < 0 ? authorization : authorization.substring(0, space);
            String value = space < 0 ? "" : authorization.substring(space + 1).strip();
            if (scheme.equalsIgnoreCase("Bearer")) {
                context.put(BEARER_TRIED, true);
                return identities.authenticate(with(context, new TokenRequest(value)));
            }
            if (scheme.equalsIgnoreCase("Basic")) {
                UsernamePasswordAuthenticationRequest basic = basic(value);
                return basic == null ? Uni.createFrom().failure(new AuthenticationFailedException())
                        : identities.authenticate(with(context, basic));
            }
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        Cookie cookie = context.request().getCookie(Sessions.COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return identities.authenticate(with(context, new SessionRequest(cookie.getValue())))
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }
        return Uni.createFrom().nullItem();
    }

    private static <T extends AuthenticationRequest> T with(RoutingContext context, T request) {
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return request;
    }

    /** The user name and password of a Basic header's value, or null when it is not one. */
    private static UsernamePasswordAuthenticationRequest basic(String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
    }

    /** The client a request comes from, for throttling and the audit trail (the proxy's view when trusted). */
    static String client(RoutingContext context) {
        SocketAddress address = context == null ? null : context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        int unauthorized = HttpResponseStatus.UNAUTHORIZED.code();
        SessionEnd ended = context.get(ENDED);
        if (context.request().getHeader(APP_HEADER) != null) {
            return Uni.createFrom().item(ended == null ? new ChallengeData(unauthorized)
                    : new ChallengeData(unauthorized, SessionEnd.HEADER, ended.code()));
        }
        if (context.get(BEARER_TRIED) != null) {
            return Uni.createFrom().item(new ChallengeData(unauthorized, "WWW-Authenticate", BEARER_CHALLENGE));
        }
        return Uni.createFrom().item(new ChallengeData(unauthorized, "WWW-Authenticate", BASIC_CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionRequest.class, TokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
