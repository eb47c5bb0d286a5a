package org.policytracker.security;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Decides how an unauthenticated request is challenged; it authenticates nobody itself. Quarkus
 * asks the first mechanism by priority for the challenge, and with both form and Basic sign-in on,
 * that would be the form's (no WWW-Authenticate header, so API clients never learn to send Basic
 * credentials). This one answers API clients with a proper Basic challenge, and the web app (which
 * marks its requests with {@code X-Requested-With}) with a bare 401, so that the browser shows the
 * app's sign-in page instead of its own password dialog.
 */
@ApplicationScoped
public class ChallengeSelector implements HttpAuthenticationMechanism {

    static final String APP_HEADER = "X-Requested-With";
    static final String BASIC_CHALLENGE = "Basic realm=\"Policy Target Tracker\", charset=\"UTF-8\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        int unauthorized = HttpResponseStatus.UNAUTHORIZED.code();
        if (context.request().getHeader(APP_HEADER) != null) {
            return Uni.createFrom().item(new ChallengeData(unauthorized));
        }
        return Uni.createFrom().item(new ChallengeData(unauthorized, "WWW-Authenticate", BASIC_CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class);
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
