package org.policytracker.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-out for the web app's session. Sign-in is {@code POST /j_security_check} with
 * {@code j_username} and {@code j_password} (form-encoded), which sets an encrypted, HttpOnly,
 * SameSite=Strict session cookie.
 */
@Path("/api/session")
@Tag(name = "Users")
public class SessionResource {

    private final SecurityIdentity identity;

    SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "Sign out", description = "Clears the web app's session cookie.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void logout(@Context RoutingContext context) {
        if (!identity.isAnonymous() && context.get("io.quarkus.vertx.http.runtime.security.form.cookie-name") != null) {
            FormAuthenticationMechanism.logout(context);
        }
    }
}
