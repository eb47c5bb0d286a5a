package org.policytracker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/**
 * The audit log: every create, correction and deletion, newest first, a page at a time. Account events are for
 * admins only ({@link AuditAction#isAccountEvent()}).
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Transactional(Transactional.TxType.SUPPORTS)
@Tag(name = "Audit", description = "Who changed what, when, with the state before and after")
public class AuditResource {

    static final int MAX_PAGE_SIZE = 500;

    /** Where an entry comes from: recorded on this instance, or brought by a restore from a backup's trail. */
    public enum Origin {
        LIVE,
        RESTORED
    }

    /** An entry brought by a restore: the backup file's SHA-256 and the entry's id in that backup. */
    @Schema(name = "AuditRestoredFrom")
    public record RestoredFrom(String backupSha256, Long originalId) {
    }

    @Schema(name = "AuditEntry")
    public record Entry(long id, OffsetDateTime occurredAt, String actor, AuditAction action, String indicator,
            String target, String period, JsonNode before, JsonNode after,
            @Schema(description = "LIVE: recorded on this instance; RESTORED: from the audit trail of a restored "
                    + "backup (kept as history, never replacing live entries)") Origin origin,
            @Schema(description = "For a RESTORED entry, the backup it came from; null for a LIVE one") RestoredFrom restoredFrom) {
    }

    @Schema(name = "AuditPage")
    public record PageView(int page, int size, long total, List<Entry> items) {
    }

    /** The actions non-admins see: everything but account events ({@link AuditAction#isAccountEvent()}). */
    static final List<String> NOT_ACCOUNT_EVENTS = Arrays.stream(AuditAction.values())
            .filter(a -> !a.isAccountEvent()).map(Enum::name).toList();

    private final ObjectMapper json;
    private final SecurityIdentity identity;

    AuditResource(ObjectMapper json, SecurityIdentity identity) {
        this.json = json;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Page through the audit log", description = "Filter by indicator code or target id. Newest "
            + "recorded first. The trail is append-only: a restore deletes no entry and appends the backup's entries "
            + "as restored history (origin RESTORED, restoredFrom the backup's SHA-256 and the entry's id there), "
            + "after the entries that were live at the time and before the restore's own BACKUP_RESTORED entry. "
            + "Account events (users created, updated or deleted, password changes, sign-ins and failed sign-ins, "
            + "sign-outs, API tokens, the admin's recovery) are shown to admins only: for viewers and analysts they "
            + "are left out in the query, so total and the pages count only what they see.")
    public PageView list(@Parameter(description = "Indicator code") @QueryParam("indicator") String indicator,
            @Parameter(description = "Target id") @QueryParam("target") String target,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Entries per page, 1–500") @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw Problems.badRequest("page", "page.negative", "value", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.badRequest("size", "page.size", "max", MAX_PAGE_SIZE, "value", size);
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (indicator != null && !indicator.isBlank()) {
            where.add("indicatorCode = :indicator");
            params.and("indicator", indicator);
        }
        if (target != null && !target.isBlank()) {
            where.add("targetCode = :target");
            params.and("target", target);
        }
        if (!identity.hasRole(Roles.ADMIN)) {
            // Who has which account and role, and who signed in from where, is the admins' business.
            where.add("action in :shown");
            params.and("shown", NOT_ACCOUNT_EVENTS);
        }
        var query = AuditEvent.<AuditEvent>find(where.isEmpty() ? "" : String.join(" and ", where),
                Sort.descending("id"), params).page(Page.of(page, size));
        List<Entry> items = query.list().stream().map(this::entry).toList();
        return new PageView(page, size, query.count(), items);
    }

    private Entry entry(AuditEvent e) {
        boolean restored = e.restoredFrom != null;
        return new Entry(e.id, e.occurredAt, e.actor, AuditAction.valueOf(e.action), e.indicatorCode, e.targetCode,
                e.period, tree(e.before), tree(e.after), restored ? Origin.RESTORED : Origin.LIVE,
                restored ? new RestoredFrom(e.restoredFrom, e.originalId) : null);
    }

    private JsonNode tree(String state) {
        try {
            return state == null ? null : json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entry is not JSON", e);
        }
    }
}
