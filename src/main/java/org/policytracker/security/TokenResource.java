package org.policytracker.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * Personal access tokens for scripts: {@code Authorization: Bearer <token>} on any endpoint, with the token's role
 * (never more than its owner's current one). The secret is shown once, when made; the database keeps its SHA-256,
 * which costs a lookup to check instead of bcrypt's work. Revoking it, its expiry, and disabling or deleting its
 * owner take effect at once on every instance.
 */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Users")
public class TokenResource {

    /** What a token's secret starts with, so that a leaked one is recognisable (secret scanners, logs). */
    static final String PREFIX = "ptt_";

    @Schema(name = "NewToken")
    public record NewToken(
            @NotNull @Size(min = 1, max = 100, message = "{token.name}") String name,
            @Schema(description = "viewer, analyst or admin, at most your own; your own when omitted") @Pattern(regexp = "viewer|analyst|admin", message = "{user.role}") String role,
            @Schema(description = "When the token stops working: in the future, at most tracker.security.token-max-lifetime (366 days) away") @NotNull OffsetDateTime expiresAt) {
    }

    @Schema(name = "Token")
    public record TokenView(long id, String name, String role, String owner, OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            @Schema(description = "When it last signed a request in (to the minute); null if never") OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt,
            @Schema(description = "The secret, for the Authorization: Bearer header: only in the answer that made the token") String token) {

        static TokenView of(ApiToken t, String owner, String secret) {
            return new TokenView(t.id, t.name, t.role, owner, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt,
                    secret);
        }
    }

    private final SecurityIdentity identity;
    private final TrackerConfig config;
    private final AuditLog audit;

    TokenResource(SecurityIdentity identity, TrackerConfig config, AuditLog audit) {
        this.identity = identity;
        this.config = config;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a personal access token", description = "For scripts: send it as Authorization: "
            + "Bearer <token>. The answer carries the secret (token) once; it cannot be shown again. The role is at "
            + "most your own. A request signed in with a token cannot make another token.")
    @APIResponse(responseCode = "201", description = "Created; the answer holds the secret")
    @APIResponse(responseCode = "400", description = "A field is missing or not allowed (problem+json names it)")
    @APIResponse(responseCode = "403", description = "Signed in with a token, or a role above your own")
    public Response create(@Valid @NotNull NewToken request) {
        if ("token".equals(identity.getAttribute(Identities.VIA_ATTRIBUTE))) {
            throw Problems.of(403, List.of(org.policytracker.system.FieldMessage.of("Authorization",
                    "token.fromToken")));
        }
        AppUser owner = me();
        String role = request.role() == null ? owner.role : request.role();
        if (!Roles.lower(role, owner.role).equals(role)) {
            throw Problems.of(403, List.of(org.policytracker.system.FieldMessage.of("role", "token.roleAbove",
                    "value", role, "allowed", String.join(", ", Roles.ALL.subList(0, Roles.ALL.indexOf(owner.role)
                            + 1)))));
        }
        OffsetDateTime now = Sessions.now();
        OffsetDateTime latest = now.plus(config.security().tokenMaxLifetime());
        if (!request.expiresAt().isAfter(now) || request.expiresAt().isAfter(latest)) {
            throw Problems.badRequest("expiresAt", "token.expiresAt", "value", request.expiresAt(), "latest",
                    latest.withNano(0));
        }
        String secret = Secrets.create(PREFIX);
        ApiToken token = new ApiToken();
        token.userId = owner.id;
        token.name = request.name().strip();
        token.role = role;
        token.tokenHash = Secrets.hash(secret);
        token.createdAt = now;
        token.expiresAt = request.expiresAt();
        token.persist();
        audit.record(AuditAction.TOKEN_CREATED, owner.username, now, null, null, null, null,
                Map.of("id", token.id, "name", token.name, "role", role, "owner", owner.username, "expiresAt",
                        token.expiresAt.toString()));
        return Response.created(UriBuilder.fromPath("/api/tokens/{id}").build(token.id))
                .entity(TokenView.of(token, owner.username, secret)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "Your tokens", description = "Your personal access tokens, newest first, without their "
            + "secrets; revoked and expired ones too.")
    public List<TokenView> list() {
        AppUser owner = me();
        return ApiToken.<ApiToken>list("userId = ?1 order by createdAt desc, id desc", owner.id).stream()
                .map(t -> TokenView.of(t, owner.username, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Revoke a token", description = "Your own; admins may revoke anyone's. It stops working at "
            + "once, on every instance.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked)")
    @APIResponse(responseCode = "404", description = "No such token of yours")
    public void revoke(@PathParam("id") long id) {
        AppUser me = me();
        ApiToken token = ApiToken.findById(id);
        if (token == null || (token.userId != me.id && !identity.hasRole(Roles.ADMIN))) {
            throw Problems.notFound("token.unknown", "id", id);
        }
        if (token.revokedAt != null) {
            return;
        }
        token.revokedAt = Sessions.now();
        AppUser owner = AppUser.findById(token.userId);
        audit.record(AuditAction.TOKEN_REVOKED, me.username, token.revokedAt, null, null, null, null,
                Map.of("id", token.id, "name", token.name, "owner", owner == null ? "—" : owner.username));
    }

    private AppUser me() {
        return AppUser.findByUsername(identity.getPrincipal().getName())
                .orElseThrow(() -> Problems.notFound("user.unknown", "username",
                        Problems.quote(identity.getPrincipal().getName())));
    }
}
