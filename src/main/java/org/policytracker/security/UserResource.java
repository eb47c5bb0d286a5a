package org.policytracker.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;
import org.policytracker.system.TrackerConfig;

/** User management (admins) and the signed-in user's own identity. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Who may read (viewer), enter values (analyst) and manage users (admin)")
public class UserResource {

    @Schema(name = "NewUser")
    public record NewUser(
            @NotNull @Pattern(regexp = AppUser.USERNAME, message = "{user.username}") String username,
            @NotNull @AllowedPassword String password,
            @NotNull @Pattern(regexp = "viewer|analyst|admin", message = "{user.role}") String role) {
    }

    @Schema(name = "User")
    public record UserView(String username, String role, OffsetDateTime createdAt, String createdBy) {

        static UserView of(AppUser u) {
            return new UserView(u.username, u.role, u.createdAt, u.createdBy);
        }
    }

    @Schema(name = "Me")
    public record Me(String username, Set<String> roles) {
    }

    private final SecurityIdentity identity;
    private final TrackerConfig config;
    private final AuditLog audit;

    UserResource(SecurityIdentity identity, TrackerConfig config, AuditLog audit) {
        this.identity = identity;
        this.config = config;
        this.audit = audit;
    }

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Create a user", description = "Admins only. The password follows the password rule "
            + "(12–128 characters, not a common or breached password, not the user name; README, \"Users and "
            + "passwords\") and is stored as a bcrypt hash.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new user")
    @APIResponse(responseCode = "400", description = "A field is missing or not allowed (problem+json names it)")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(@Valid @NotNull NewUser user) {
        PasswordPolicy.require("password", user.password(), user.username());
        if (AppUser.findByUsername(user.username()).isPresent()) {
            throw Problems.conflict("username", "user.taken", "username", Problems.quote(user.username()));
        }
        AppUser created = AppUser.create(user.username(), user.password(), user.role(),
                identity.getPrincipal().getName(), config.security().bcryptCost());
        audit.record(AuditAction.USER_CREATED, created.createdBy, created.createdAt, null, null, null, null,
                Map.of("username", created.username, "role", created.role));
        return Response.created(UriBuilder.fromPath("/api/users/{username}").build(created.username))
                .entity(UserView.of(created)).build();
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List users", description = "Admins only.")
    public List<UserView> list() {
        return AppUser.<AppUser>listAll().stream().map(UserView::of)
                .sorted((a, b) -> a.username().compareTo(b.username())).toList();
    }

    @GET
    @Path("/users/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Get a user", description = "Admins only.")
    @APIResponse(responseCode = "404", description = "No such user")
    public UserView get(@PathParam("username") String username) {
        return AppUser.findByUsername(username).map(UserView::of)
                .orElseThrow(() -> Problems.notFound("user.unknown", "username", Problems.quote(username)));
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The signed-in user", description = "Name and roles, for clients deciding what to offer.")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }
}
