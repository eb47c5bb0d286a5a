package org.policytracker.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;

/**
 * The web app's session. Sign-in with a password is {@code POST /j_security_check} ({@link SignInResource}), which
 * starts a server-side session and sets its HttpOnly, SameSite=Strict cookie. Where single sign-on is configured, {@code GET /api/session/sso}
 * signs in through the organisation's OpenID Connect provider instead.
 */
@Path("/api/session")
@Tag(name = "Users")
public class SessionResource {

    static final String SSO_PATH = "/api/session/sso";

    @Schema(name = "SessionOptions")
    public record Options(
            @Schema(description = "Whether sign-in through the organisation's OpenID Connect provider is offered") boolean sso,
            @Schema(description = "Where a browser goes to sign in that way; null without single sign-on") String ssoPath) {
    }

    private final SecurityIdentity identity;
    private final Instance<OidcSession> oidcSession;
    private final boolean ssoEnabled;
    private final Sessions sessions;
    private final AuditLog audit;

    SessionResource(SecurityIdentity identity, Instance<OidcSession> oidcSession,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean ssoEnabled,
            Sessions sessions, AuditLog audit) {
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.ssoEnabled = ssoEnabled;
        this.sessions = sessions;
        this.audit = audit;
    }

    @GET
    @Path("/options")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How one can sign in", description = "Open to all: the sign-in page asks it whether to offer "
            + "single sign-on.")
    public Options options() {
        return new Options(ssoEnabled, ssoEnabled ? SSO_PATH : null);
    }

    @GET
    @Path("/sso")
    @Authenticated
    @Operation(summary = "Sign in through single sign-on", description = "For browsers: redirects to the organisation's OpenID Connect provider and, once signed "
            + "in there, back to the web app with a session cookie. The provider's groups claim gives the "
            + "roles (viewer, analyst, admin). 401 when single sign-on is not configured.")
    @APIResponse(responseCode = "303", description = "Signed in: on to the web app")
    public Response sso() {
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "Sign out", description = "Ends the web app's session on the server at once (its cookie "
            + "no longer signs anyone in, on any instance) and clears the cookie, whichever way one signed in.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout(@Context RoutingContext context) {
        io.vertx.core.http.Cookie cookie = context.request().getCookie(Sessions.COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            String actor = identity.isAnonymous() ? null : identity.getPrincipal().getName();
            QuarkusTransaction.requiringNew().run(() -> {
                if (sessions.end(cookie.getValue(), SessionEnd.SIGNED_OUT) && actor != null) {
                    audit.record(AuditAction.SIGNED_OUT, actor, Sessions.now(), null, null, null, null,
                            Map.of("username", actor, "client", TrackerAuthentication.client(context)));
                }
            });
        } else if (!identity.isAnonymous() && identity.getCredential(IdTokenCredential.class) != null) {
            oidcSession.get().logout().await().indefinitely();
        }
        return Response.noContent()
                .cookie(Sessions.cookie("", "https".equals(context.request().scheme()), true)).build();
    }
}
