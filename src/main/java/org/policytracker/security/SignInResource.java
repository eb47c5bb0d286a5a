package org.policytracker.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The longest user name (AppUser.USERNAME) and password (PasswordPolicy) anyone can have. */
    static final int MAX_USERNAME = 64;
    static final int MAX_PASSWORD = PasswordPolicy.MAX_LENGTH;

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
    public Response signIn(String body, @Context RoutingContext context) {
        // The body is read whole and decoded here, not by the form parser, so that a malformed or oversized one is
        // a 400 naming the field (the parser answered 500 or a 413 naming none; BadInputFuzzTest).
        Map<String, String> form = form(body == null ? "" : body);
        String username = form.get("j_username");
        String password = form.get("j_password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new ProblemException(400, null, null,
                    List.of(FieldMessage.of(username == null || username.isBlank() ? "j_username" : "j_password",
                            "signIn.missing")));
        }
        if (username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD) {
            boolean name = username.length() > MAX_USERNAME;
            throw new ProblemException(400, null, null, List.of(FieldMessage.of(name ? "j_username" : "j_password",
                    "signIn.tooLong", "max", name ? MAX_USERNAME : MAX_PASSWORD)));
        }
        AppUser user = credentials.verify(username, password, TrackerAuthentication.client(context), Via.FORM);
        if (user == null) {
            throw new ProblemException(401, null, Message.of("signIn.failed"), List.of());
        }
        String secret = QuarkusTransaction.requiringNew().call(() -> sessions.start(user));
        return Response.ok(new UserResource.Me(user.username, Set.of(user.role)))
                .cookie(Sessions.cookie(secret, "https".equals(context.request().scheme()), false)).build();
    }

    /** The fields of a form-encoded body; a malformed one is a 400 problem. */
    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException malformed) {
            throw new ProblemException(400, null, null, List.of(FieldMessage.of("body", "signIn.malformed")));
        }
        return fields;
    }
}
