package org.policytracker.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.policytracker.security.Credentials.Via;
import org.policytracker.security.TrackerAuthentication.SessionRequest;
import org.policytracker.security.TrackerAuthentication.TokenRequest;
import org.policytracker.system.Roles;

/**
 * The identities of {@link TrackerAuthentication}'s three credentials, each checked against the database on a
 * worker thread: a user name and password ({@link Credentials}), a session cookie ({@link Sessions}), an API token.
 * The identity's role is the user's current one (for a token, the lower of the token's and its owner's).
 */
final class Identities {

    /** How the request was authenticated: {@code password}, {@code session} or {@code token}. */
    static final String VIA_ATTRIBUTE = "tracker.via";
    /** The token's id, on a request authenticated by a token. */
    static final String TOKEN_ATTRIBUTE = "tracker.token";
    /** A token's use is recorded at most this often, so that requests do not each write. */
    private static final Duration TOKEN_USE_EVERY = Duration.ofMinutes(1);

    private Identities() {
    }

    static SecurityIdentity identity(String username, String role, String via, String key, Object value) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username)).addRole(role).addAttribute(VIA_ATTRIBUTE, via);
        if (key != null) {
            builder.addAttribute(key, value);
        }
        return builder.build();
    }

    @ApplicationScoped
    static class UserPasswords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        private final Credentials credentials;

        UserPasswords(Credentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> {
                AppUser user = credentials.verify(request.getUsername(), password,
                        TrackerAuthentication.client(http), Via.BASIC);
                if (user == null) {
                    throw new AuthenticationFailedException();
                }
                return identity(user.username, user.role, "password", null, null);
            });
        }
    }

    @ApplicationScoped
    static class SessionCookies implements IdentityProvider<SessionRequest> {

        private final Sessions sessions;

        SessionCookies(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            return context.runBlocking(() -> {
                Sessions.Check check = sessions.check(request.secret);
                if (check.user() == null) {
                    if (http != null) {
                        http.put(TrackerAuthentication.ENDED, check.ended());
                    }
                    throw new AuthenticationFailedException();
                }
                return identity(check.user().username, check.user().role, "session", Sessions.SESSION_ATTRIBUTE,
                        check.idHash());
            });
        }
    }

    @ApplicationScoped
    static class Tokens implements IdentityProvider<TokenRequest> {

        private final Credentials credentials;

        Tokens(Credentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            return context.runBlocking(() -> {
                SecurityIdentity identity = QuarkusTransaction.requiringNew().call(() -> check(request.secret));
                if (identity == null) {
                    credentials.badToken(TrackerAuthentication.client(http), "badToken");
                    throw new AuthenticationFailedException();
                }
                return identity;
            });
        }

        /** The identity of a live token of an enabled owner, or null; marks the token used. */
        private static SecurityIdentity check(String secret) {
            ApiToken token = ApiToken.find("tokenHash", Secrets.hash(secret)).firstResult();
            OffsetDateTime now = Sessions.now();
            if (token == null || token.revokedAt != null || !now.isBefore(token.expiresAt)) {
                return null;
            }
            AppUser owner = AppUser.findById(token.userId);
            if (owner == null || !owner.enabled) {
                return null;
            }
            if (token.lastUsedAt == null || token.lastUsedAt.plus(TOKEN_USE_EVERY).isBefore(now)) {
                token.lastUsedAt = now;
            }
            return identity(owner.username, Roles.lower(token.role, owner.role), "token", TOKEN_ATTRIBUTE,
                    token.id);
        }
    }
}
