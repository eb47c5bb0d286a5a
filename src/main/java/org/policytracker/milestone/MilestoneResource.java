package org.policytracker.milestone;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.observation.SampleDataset;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/** The state of milestone targets (达到峰值, 一年内完成), set by analysts with evidence. */
@Path("/api/targets/{id}/milestone")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "States of qualitative milestone targets")
public class MilestoneResource {

    @Schema(name = "MilestoneStateChange")
    public record Change(
            @Schema(required = true) MilestoneState state,
            @Schema(description = "What shows the state: a document, a notice, a link") String evidence,
            @Schema(description = "When the state took effect; for DONE, required") LocalDate date,
            @Schema(description = "The version you read (0 when no state was set yet); a stale one gives 409", required = true) Integer version) {
    }

    @Schema(name = "MilestoneStatus")
    public record StatusView(String target, MilestoneState state, String evidence, LocalDate date, String recordedBy,
            OffsetDateTime recordedAt, int version, List<StatusView> history) {

        static StatusView of(String target, MilestoneUpdate u, List<StatusView> history) {
            return new StatusView(target, u.state, u.evidence, u.date, u.recordedBy, u.recordedAt, u.seq, history);
        }
    }

    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final EntityManager em;

    MilestoneResource(SecurityIdentity identity, AuditLog audit, EntityManager em) {
        this.identity = identity;
        this.audit = audit;
        this.em = em;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "A milestone's state and its history", description = "version 0 and state null when "
            + "no state was set yet.")
    public StatusView get(@PathParam("id") String id) {
        Target target = milestone(id);
        List<StatusView> history = MilestoneUpdate.history(target.id).stream()
                .map(u -> StatusView.of(id, u, List.of())).toList();
        return history.isEmpty() ? new StatusView(id, null, null, null, null, null, 0, List.of())
                : new StatusView(id, history.get(0).state(), history.get(0).evidence(), history.get(0).date(),
                        history.get(0).recordedBy(), history.get(0).recordedAt(), history.get(0).version(),
                        history.subList(1, history.size()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Set a milestone's state", description = "Analysts and admins. NOT_STARTED, IN_PROGRESS "
            + "or DONE (DONE needs a date and evidence). Earlier states are kept.")
    @APIResponse(responseCode = "400", description = "Not a milestone, or a field is missing")
    @APIResponse(responseCode = "409", description = "Someone set the state since you read it")
    public StatusView set(@PathParam("id") String id, @NotNull Change change) {
        Target target = milestone(id);
        if (change.state() == null) {
            throw Problems.badRequest("state", "milestone.stateRequired");
        }
        if (change.version() == null) {
            throw Problems.badRequest("version", "milestone.versionRequired");
        }
        if (change.state() == MilestoneState.DONE && (change.date() == null || blank(change.evidence()))) {
            throw Problems.badRequest(change.date() == null ? "date" : "evidence", "milestone.doneNeeds");
        }
        if (change.evidence() != null && change.evidence().indexOf('\0') >= 0) {
            throw Problems.badRequest("evidence", "text.nul");
        }
        if (change.evidence() != null && change.evidence().length() > 4000) {
            throw Problems.badRequest("evidence", "text.length", "max", 4000, "length", change.evidence().length());
        }
        if (SampleDataset.current().isPresent()) {
            throw SampleDataset.sampleLoaded();
        }
        MilestoneUpdate previous = MilestoneUpdate.latest(target.id).orElse(null);
        int current = previous == null ? 0 : previous.seq;
        if (change.version() != current) {
            throw Problems.conflict("version", "milestone.stale", "target", id, "user",
                    previous == null ? "—" : previous.recordedBy, "version", current);
        }
        MilestoneUpdate update = new MilestoneUpdate();
        update.targetId = target.id;
        update.seq = current + 1;
        update.state = change.state();
        update.evidence = blank(change.evidence()) ? null : change.evidence();
        update.date = change.date();
        update.recordedBy = identity.getPrincipal().getName();
        update.recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            update.persist();
            em.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("version", "milestone.justSet", "target", id);
        }
        audit.record(AuditAction.MILESTONE_STATE_SET, update.recordedBy, update.recordedAt,
                target.indicator.code, id, null, previous == null ? null : state(previous), state(update));
        return get(id);
    }

    private static Target milestone(String id) {
        Target target = Target.findCurrentByCode(id)
                .orElseThrow(() -> Problems.notFound("target.unknown", "id", Problems.quote(id)));
        if (target.kind != TargetKind.MILESTONE) {
            throw Problems.badRequest("id", "milestone.notAMilestone", "target", id, "kind", target.kind, "indicator",
                    target.indicator.code);
        }
        return target;
    }

    private static Map<String, Object> state(MilestoneUpdate u) {
        return Map.of("state", u.state.name(), "evidence", u.evidence == null ? "" : u.evidence,
                "date", u.date == null ? "" : u.date.toString(), "version", u.seq);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
