package org.policytracker.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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

/**
 * User management (admins) and the signed-in user's own identity and password. Every change is audited (never a
 * password or hash) and ends the sessions it makes stale: a reset password, another role, a disabled or deleted
 * user sign that user out everywhere at once ({@link Sessions#endAll}). At least one enabled admin always remains.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Who may read (viewer), enter values (analyst) and manage users (admin)")
public class UserResource {

    static final String ROLE = "viewer|analyst|admin";

    @Schema(name = "NewUser")
    public record NewUser(
            @NotNull @Pattern(regexp = AppUser.USERNAME, message = "{user.username}") String username,
            @NotNull @AllowedPassword String password,
            @NotNull @Pattern(regexp = ROLE, message = "{user.role}") String role) {
    }

    @Schema(name = "UserUpdate", description = "What to change; a field left out stays as it is.")
    public record UserUpdate(
            @Schema(description = "viewer, analyst or admin") @Pattern(regexp = ROLE, message = "{user.role}") String role,
            @Schema(description = "false: the user cannot sign in and their sessions and tokens stop working; true: "
                    + "they can again") Boolean enabled,
            @Schema(description = "A new password (a reset): the user's sessions end") @AllowedPassword String password) {
    }

    @Schema(name = "PasswordChange")
    public record PasswordChange(@NotEmpty String currentPassword, @NotNull @AllowedPassword String newPassword) {
    }

    @Schema(name = "User")
    public record UserView(String username, String role, boolean enabled, OffsetDateTime createdAt, String createdBy,
            OffsetDateTime passwordChangedAt, OffsetDateTime lastSignInAt) {

        static UserView of(AppUser u) {
            return new UserView(u.username, u.role, u.enabled, u.createdAt, u.createdBy, u.passwordChangedAt,
                    u.lastSignInAt);
        }
    }

    @Schema(name = "Me")
    public record Me(String username, Set<String> roles) {
    }

    private final SecurityIdentity identity;
    private final TrackerConfig config;
    private final AuditLog audit;
    private final Sessions sessions;
    private final Credentials credentials;

    UserResource(SecurityIdentity identity, TrackerConfig config, AuditLog audit, Sessions sessions,
            Credentials credentials) {
        this.identity = identity;
        this.config = config;
        this.audit = audit;
        this.sessions = sessions;
        this.credentials = credentials;
    }

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Create a user", description = "Admins only. The password follows the password rule "
            + "(" + PasswordPolicy.MIN_LENGTH + "–" + PasswordPolicy.MAX_LENGTH + " characters, not a common or "
            + "breached password, not the user name; README, \"Users and "
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
    @Operation(summary = "List users", description = "Admins only: each user's role, whether enabled, when "
            + "created, when their password was last set and when they last signed in.")
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
        return AppUser.findByUsername(username).map(UserView::of).orElseThrow(() -> unknown(username));
    }

    @PUT
    @Path("/users/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Change a user", description = "Admins only. Any of: role (viewer, analyst, admin); "
            + "enabled (false: the user cannot sign in, and their sessions and tokens stop working); password (a "
            + "reset, following the password rule). Each change ends the user's sessions at once, except enabling "
            + "and a role left as it was; the last enabled admin cannot be given another role or disabled. Audited "
            + "(USER_UPDATED, without the password).")
    @APIResponse(responseCode = "200", description = "Changed (or already so); the user as now")
    @APIResponse(responseCode = "400", description = "No field given, or a field not allowed (problem+json names it "
            + "and says what is allowed)")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The change would leave no enabled admin (names role or enabled)")
    public UserView update(@PathParam("username") String username, @Valid @NotNull UserUpdate update) {
        if (update.role() == null && update.enabled() == null && update.password() == null) {
            throw Problems.badRequest("(body)", "user.update.empty");
        }
        AppUser user = lockForChange(username);
        if (update.password() != null) {
            PasswordPolicy.require("password", update.password(), user.username);
        }
        boolean newRole = update.role() != null && !update.role().equals(user.role);
        boolean disable = Boolean.FALSE.equals(update.enabled()) && user.enabled;
        boolean enable = Boolean.TRUE.equals(update.enabled()) && !user.enabled;
        if (newRole && !Roles.ADMIN.equals(update.role())) {
            requireAnotherEnabledAdmin(user, "role", "user.lastAdmin.role");
        }
        if (disable) {
            requireAnotherEnabledAdmin(user, "enabled", "user.lastAdmin.enabled");
        }
        if (!newRole && !disable && !enable && update.password() == null) {
            return UserView.of(user);
        }
        Map<String, Object> before = state(user);
        // The most telling reason first: a session ends once, and its user is told why.
        int ended = 0;
        if (disable) {
            user.enabled = false;
            ended += sessions.endAll(user, SessionEnd.DISABLED);
        }
        if (update.password() != null) {
            user.setPassword(update.password(), config.security().bcryptCost());
            ended += sessions.endAll(user, SessionEnd.PASSWORD_RESET);
        }
        if (newRole) {
            user.role = update.role();
            ended += sessions.endAll(user, SessionEnd.ROLE_CHANGED);
        }
        if (enable) {
            user.enabled = true;
        }
        Map<String, Object> after = state(user);
        after.put("passwordReset", update.password() != null);
        after.put("sessionsEnded", ended);
        audit.record(AuditAction.USER_UPDATED, actor(), now(), null, null, null, before, after);
        return UserView.of(user);
    }

    @DELETE
    @Path("/users/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Delete a user", description = "Admins only. The user's sessions end and their tokens are "
            + "deleted; the values and audit entries they made keep their name. The last enabled admin cannot be "
            + "deleted. Audited (USER_DELETED). A new user of the same name is another user: none of the old one's "
            + "sessions or tokens work for them.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The user is the last enabled admin (names username)")
    public void delete(@PathParam("username") String username) {
        AppUser user = lockForChange(username);
        requireAnotherEnabledAdmin(user, "username", "user.lastAdmin.delete");
        Map<String, Object> before = state(user);
        int ended = sessions.endAll(user, SessionEnd.DELETED);
        // No entity here for api_token (it belongs to the tokens' feature); history tables hold names, not ids.
        int tokens = AppUser.getEntityManager().createNativeQuery("DELETE FROM api_token WHERE user_id = ?1")
                .setParameter(1, user.id).executeUpdate();
        user.delete();
        audit.record(AuditAction.USER_DELETED, actor(), now(), null, null, null, before,
                Map.of("username", user.username, "sessionsEnded", ended, "tokensDeleted", tokens));
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The signed-in user", description = "Name and roles, for clients deciding what to offer.")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }

    @PUT
    @Path("/me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Change my password", description = "Any signed-in user with a password here (not one "
            + "signed in through single sign-on): the current password and a new one that follows the password rule "
            + "and differs from it. The user's other sessions end. Audited (PASSWORD_CHANGED, without either "
            + "password). A wrong current password counts as a failed sign-in (throttled, audited as SIGN_IN_FAILED).")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "currentPassword is not the current password, or newPassword "
            + "is not allowed (problem+json names the field and says what is allowed)")
    @APIResponse(responseCode = "409", description = "The user signs in through single sign-on and has no password "
            + "here")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords (current passwords count as sign-ins):"
            + " try again after Retry-After seconds")
    public void changeOwnPassword(@Valid @NotNull PasswordChange change, @Context RoutingContext context) {
        AppUser user = AppUser.findByUsername(actor())
                .orElseThrow(() -> Problems.conflict("currentPassword", "password.notLocal"));
        if (!credentials.isCurrentPassword(user, change.currentPassword(), TrackerAuthentication.client(context))) {
            throw Problems.badRequest("currentPassword", "password.current");
        }
        PasswordPolicy.require("newPassword", change.newPassword(), user.username);
        if (PasswordPolicy.normalize(change.newPassword()).equals(PasswordPolicy.normalize(change.currentPassword()))) {
            throw Problems.badRequest("newPassword", "password.unchanged");
        }
        user.setPassword(change.newPassword(), config.security().bcryptCost());
        // The session making this request stays signed in; every other one of the user's ends.
        int ended = sessions.endOthers(user, SessionEnd.PASSWORD_CHANGED);
        audit.record(AuditAction.PASSWORD_CHANGED, user.username, user.passwordChangedAt, null, null, null, null,
                Map.of("username", user.username, "sessionsEnded", ended));
    }

    /**
     * The user to change, locked, after every enabled admin: two admins changing users at once are serialised
     * here, so that the last-admin rule holds (each would otherwise see the other admin still enabled).
     */
    private static AppUser lockForChange(String username) {
        AppUser.find("role = ?1 and enabled = true order by id", Roles.ADMIN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        return AppUser.find("username", username).<AppUser>withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> unknown(username));
    }

    /** Refuses, with a 409 naming {@code field}, to take the last enabled admin away. */
    private static void requireAnotherEnabledAdmin(AppUser user, String field, String code) {
        if (user.isEnabledAdmin() && AppUser.count("role = ?1 and enabled = true and id <> ?2", Roles.ADMIN,
                user.id) == 0) {
            throw Problems.conflict(field, code, "username", Problems.quote(user.username));
        }
    }

    /** What the audit trail keeps of a user: never the password or its hash. */
    private static Map<String, Object> state(AppUser user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", user.username);
        state.put("role", user.role);
        state.put("enabled", user.enabled);
        return state;
    }

    private static RuntimeException unknown(String username) {
        return Problems.notFound("user.unknown", "username", Problems.quote(username));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
