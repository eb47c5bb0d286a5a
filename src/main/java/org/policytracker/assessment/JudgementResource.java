package org.policytracker.assessment;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.catalogue.Target;
import org.policytracker.observation.SampleDataset;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/**
 * The analyst's judgement of a target, beside the computed status (docs/ASSESSMENT.md, "The analyst's
 * judgement"). Recording one never changes the computed status; both are shown, marked.
 */
@Path("/api/targets/{id}/judgement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Judgements", description = "The analyst's own assessment of a target, beside the computed one")
public class JudgementResource {

    /** The longest reason or evidence, in characters. */
    static final int MAX_TEXT = 4000;

    @Schema(name = "JudgementChange", description = "An analyst's assessment of a target")
    public record Change(
            @Schema(description = "One of ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, MISSED, NO_DATA", required = true, examples = "ACHIEVED") String status,
            @Schema(description = "Why, in the analyst's words (e.g. 国务院新闻办公室发布会称该目标基本完成；大幅下降按规划口径理解为10%以上)", required = true) String reason,
            @Schema(description = "What shows it: a document, a statement, a link") String evidence) {
    }

    @Schema(name = "Judgement", description = "An analyst's assessment of a target, with who recorded it when")
    public record JudgementView(Status status, String reason, String evidence, String recordedBy,
            OffsetDateTime recordedAt) {

        public static JudgementView of(Judgement j) {
            return new JudgementView(j.status, j.reason, j.evidence, j.recordedBy, j.recordedAt);
        }
    }

    @Schema(name = "JudgementRecord", description = "The judgement in force (null when none) and every entry, newest first "
            + "(a withdrawal has no status)")
    public record RecordView(String target, JudgementView judgement, List<JudgementView> history) {
    }

    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final EntityManager em;

    JudgementResource(SecurityIdentity identity, AuditLog audit, EntityManager em) {
        this.identity = identity;
        this.audit = audit;
        this.em = em;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "A target's judgement and its history")
    @APIResponse(responseCode = "404", description = "No current target has this id")
    public RecordView get(@PathParam("id") String id) {
        Target target = target(id);
        List<JudgementView> history = Judgement.history(target.code).stream().map(JudgementView::of).toList();
        JudgementView current = history.isEmpty() || history.get(0).status() == null ? null : history.get(0);
        return new RecordView(id, current, history);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Record a judgement", description = "Analysts and admins. The computed status is not "
            + "changed: the assessment, the dashboard and the reports show both. Earlier judgements are kept, and an "
            + "assessment with knownAt shows the one in force then.")
    @APIResponse(responseCode = "400", description = "status is not one of the six, or reason is missing or too long "
            + "(problem+json names the field)")
    @APIResponse(responseCode = "404", description = "No current target has this id")
    @APIResponse(responseCode = "409", description = "Someone recorded a judgement of the target at the same moment")
    public RecordView record(@PathParam("id") String id, @NotNull Change change) {
        Target target = target(id);
        List<FieldMessage> errors = new ArrayList<>();
        Status status = status(change.status(), errors);
        String reason = text("reason", change.reason(), true, errors);
        String evidence = text("evidence", change.evidence(), false, errors);
        if (!errors.isEmpty()) {
            throw Problems.of(400, errors);
        }
        append(target, status, reason, evidence);
        return get(id);
    }

    @DELETE
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Withdraw the judgement", description = "Analysts and admins. The entry stays in the "
            + "history; the computed status alone is shown again.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No current target has this id, or it has no judgement")
    public void withdraw(@PathParam("id") String id) {
        Target target = target(id);
        Judgement latest = Judgement.latest(target.code).orElse(null);
        if (latest == null || latest.isWithdrawal()) {
            throw Problems.notFound("judgement.none", "target", id);
        }
        append(target, null, null, null);
    }

    private void append(Target target, Status status, String reason, String evidence) {
        if (SampleDataset.current().isPresent()) {
            throw SampleDataset.sampleLoaded();
        }
        Judgement previous = Judgement.latest(target.code).orElse(null);
        Judgement entry = new Judgement();
        entry.targetCode = target.code;
        entry.seq = previous == null ? 1 : previous.seq + 1;
        entry.status = status;
        entry.reason = reason;
        entry.evidence = evidence;
        entry.recordedBy = identity.getPrincipal().getName();
        entry.recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            entry.persist();
            em.flush();
        } catch (PersistenceException e) {
            // (target, seq) is unique: another writer appended the same entry number first.
            throw Problems.conflict("status", "judgement.justSet", "target", target.code);
        }
        audit.record(status == null ? AuditAction.JUDGEMENT_WITHDRAWN : AuditAction.JUDGEMENT_RECORDED,
                entry.recordedBy, entry.recordedAt, target.indicator.code, target.code, null,
                previous == null || previous.isWithdrawal() ? null : state(previous),
                status == null ? null : state(entry));
    }

    private static Target target(String id) {
        return Target.findCurrentByCode(id)
                .orElseThrow(() -> Problems.notFound("target.unknown", "id", Problems.quote(id)));
    }

    private static Status status(String text, List<FieldMessage> errors) {
        String allowed = Arrays.stream(Status.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            errors.add(FieldMessage.of("status", "judgement.statusRequired", "allowed", allowed));
            return null;
        }
        try {
            return Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldMessage.of("status", "choice", "value", Problems.quote(text), "allowed", allowed));
            return null;
        }
    }

    private static String text(String field, String text, boolean required, List<FieldMessage> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(FieldMessage.of(field, "judgement.reasonRequired"));
            }
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            errors.add(FieldMessage.of(field, "text.nul"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(FieldMessage.of(field, "text.length", "max", MAX_TEXT, "length", text.length()));
        }
        return text.strip();
    }

    private static Map<String, Object> state(Judgement j) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", j.status.name());
        state.put("reason", j.reason);
        state.put("evidence", j.evidence == null ? "" : j.evidence);
        return state;
    }
}
