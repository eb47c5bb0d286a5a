package org.policytracker.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.security.Credentials.Via;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Message;
import org.policytracker.system.ProblemException;

/**
 * The web app's sign-in: {@code POST /j_security_check} with {@code j_username} and {@code j_password}
 * (form-encoded; security/SignInGuard refuses other bodies and foreign origins first). Checked and throttled by
 * {@link Credentials}; on success a server-side session starts ({@link Sessions}) and its secret is set as an
 * HttpOnly, SameSite=Strict cookie (Secure over HTTPS), with no Max-Age: it ends with the browser too.
 */
@Path("/j_security_check")
@Tag(name = "Users")
public class SignInResource {

    private final Credentials credentials;
    private final Sessions sessions;

    SignInResource(Credentials credentials, Sessions sessions) {
        this.credentials = credentials;
        this.sessions = sessions;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in (web app)", description = "Form fields j_username and j_password. Answers the user "
            + "and sets the session cookie; a wrong name or password is a 401 problem (the same for an unknown or "
            + "disabled user). Repeated failures for a user name or from a client are refused for a while with 429 "
            + "and Retry-After, before any password is checked (docs/RELIABILITY.md, part 5b).")
    @APIResponse(responseCode = "200", description = "Signed in: the session cookie is set")
    @APIResponse(responseCode = "401", description = "Wrong user name or password")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins: Retry-After says when to try again")
    public Response signIn(@FormParam("j_username") String username, @FormParam("j_password") String password,
            @Context RoutingContext context) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new ProblemException(400, null, null,
                    List.of(FieldMessage.of(username == null || username.isBlank() ? "j_username" : "j_password",
                            "signIn.missing")));
        }
        AppUser user = credentials.verify(username, password, TrackerAuthentication.client(context), Via.FORM);
        if (user == null) {
            throw new ProblemException(401, null, Message.of("signIn.failed"), List.of());
        }
        String secret = QuarkusTransaction.requiringNew().call(() -> sessions.start(user));
        NewCookie cookie = new NewCookie.Builder(Sessions.COOKIE).value(secret).path("/").httpOnly(true)
                .secure("https".equals(context.request().scheme())).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.ok(new UserResource.Me(user.username, Set.of(user.role))).cookie(cookie).build();
    }
}
