package org.policytracker.security;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web app's session. Sign-in with a password is {@code POST /j_security_check} with
 * {@code j_username} and {@code j_password} (form-encoded), which sets an encrypted, HttpOnly,
 * SameSite=Strict session cookie. Where single sign-on is configured, {@code GET /api/session/sso}
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

    SessionResource(SecurityIdentity identity, Instance<OidcSession> oidcSession,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean ssoEnabled) {
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.ssoEnabled = ssoEnabled;
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
    @Operation(summary = "Sign out", description = "Clears the web app's session cookie, whichever way one signed in.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void logout(@Context RoutingContext context) {
        if (identity.isAnonymous()) {
            return;
        }
        if (identity.getCredential(IdTokenCredential.class) != null) {
            oidcSession.get().logout().await().indefinitely();
        } else if (context.get("io.quarkus.vertx.http.runtime.security.form.cookie-name") != null) {
            FormAuthenticationMechanism.logout(context);
        }
    }
}
