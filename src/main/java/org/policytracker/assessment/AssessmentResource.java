package org.policytracker.assessment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.catalogue.CatalogueHistory;
import org.policytracker.catalogue.CatalogueViews.TargetView;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.Theme;
import org.policytracker.system.ChangeStamp;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;
import org.policytracker.system.SecurityHeaders;
import org.policytracker.system.Snapshot;

/** Where each target stands: its status, projection and the reason, as of a date. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Transactional(Transactional.TxType.SUPPORTS)
@Tag(name = "Assessment", description = "Status of every target by the UNSD/StatCan pace-ratio method")
public class AssessmentResource {

    @Schema(name = "TargetAssessment", description = "An assessment of one target (the method: docs/ASSESSMENT.md).")
    public record AssessmentView(
            @Schema(description = "The target id") String target,
            @Schema(description = "Values of periods ending on or before this date count") LocalDate asOf,
            @Schema(description = "Only values recorded by this time count") OffsetDateTime knownAt,
            @JsonUnwrapped Assessment assessment,
            @Schema(description = "The analyst's own judgement in force (PUT /api/targets/{id}/judgement), beside the "
                    + "computed status and never instead of it; null when none") JudgementResource.JudgementView judgement) {
    }

    @Schema(name = "DashboardEntry", description = "A target (as in GET /api/targets) with its assessment.")
    public record DashboardEntry(@JsonUnwrapped TargetView target, AssessmentView assessment) {
    }

    private final AssessmentService service;
    private final CatalogueHistory catalogue;
    private final ChangeStamp stamp;
    private final DashboardCache cache;
    private final ObjectMapper json;

    AssessmentResource(AssessmentService service, CatalogueHistory catalogue, ChangeStamp stamp,
            DashboardCache cache, ObjectMapper json) {
        this.service = service;
        this.catalogue = catalogue;
        this.stamp = stamp;
        this.cache = cache;
        this.json = json;
    }

    @GET
    @Path("/targets/{id}/assessment")
    @Operation(summary = "Assess one target", description = "Status, latest value, baseline, progress, elapsed "
            + "time, projection to the deadline, observed and required annual rates, their ratio, and the reason "
            + "in Chinese and English.")
    @APIResponse(responseCode = "404", description = "No current target has this id")
    @APIResponse(responseCode = "400", description = "asOf or knownAt is not a date")
    public AssessmentView assessment(@PathParam("id") String id,
            @Parameter(description = "ISO date; default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "ISO date or date-time; default now. Reproduces a past report exactly: the values "
                    + "and the catalogue revision known then") @QueryParam("knownAt") String knownAt) {
        Snapshot snapshot = Snapshot.of(asOf, knownAt);
        Target target = catalogue.target(snapshot, id)
                .orElseThrow(() -> Problems.notFound("target.unknown", "id", Problems.quote(id)));
        AssessmentService.TargetAssessment result = service.assess(List.of(target), snapshot).get(0);
        return new AssessmentView(id, snapshot.asOf(), snapshot.knownAt(), result.assessment(), result.judgement());
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "Every target with its assessment", description = "One call for the whole dashboard; "
            + "its cost grows with the number of targets, not of values. Filters as in GET /api/targets, and on the "
            + "computed status and the analyst's judgement, each on its own. An unchanged answer is served from a "
            + "cache kept by the database's change stamp (every write of values, milestone states, judgements, the "
            + "catalogue or a restore changes it, on any instance), with an ETag: send it back in If-None-Match and "
            + "an unchanged answer is 304 Not Modified with no body. Cache-Control: private, no-cache (a browser may "
            + "keep it, revalidating every time; a shared cache never).")
    @APIResponse(responseCode = "200", description = "Every target (after the filters) with its assessment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DashboardEntry.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current answer: unchanged, no body")
    @APIResponse(responseCode = "400", description = "A parameter is not allowed (problem+json names it)")
    public Response dashboard(
            @Parameter(description = "ISO date; default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "ISO date or date-time; default now: the values and the catalogue revision "
                    + "known then") @QueryParam("knownAt") String knownAt,
            @Parameter(description = "Document code") @QueryParam("document") String document,
            @Parameter(description = "Theme") @QueryParam("theme") String theme,
            @Parameter(description = "Kind of target") @QueryParam("kind") String kind,
            @Parameter(description = "Only targets with this computed status: ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, "
                    + "MISSED, NO_DATA") @QueryParam("status") String status,
            @Parameter(description = "Only targets by the analyst's judgement: ANY (one is recorded), NONE (none is), "
                    + "NEEDED (the wording needs one and none is recorded), or a status (a judgement of that status)") @QueryParam("judgement") String judgement,
            @Parameter(description = "The ETag of an answer kept: 304 when it is still the answer") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Snapshot snapshot = Snapshot.of(asOf, knownAt);
        Theme byTheme = Problems.enumParam("theme", theme, Theme.class);
        TargetKind byKind = Problems.enumParam("kind", kind, TargetKind.class);
        Status computed = Problems.enumParam("status", status, Status.class);
        JudgementFilter byJudgement = JudgementFilter.param(judgement);
        // The stamp first: an answer computed after it can only be newer than it (DashboardCache).
        DashboardCache.Key key = new DashboardCache.Key(stamp.current(), snapshot.asOf(),
                snapshot.knownAtGiven() ? snapshot.knownAt() : null, document, byTheme == null ? null : byTheme.name(),
                byKind == null ? null : byKind.name(), computed == null ? null : computed.name(),
                byJudgement == null ? null : byJudgement.name());
        DashboardCache.Answer answer = cache.answer(key, () -> json(service.assess(
                catalogue.targets(snapshot, document, byTheme, byKind), snapshot).stream()
                .filter(r -> computed == null || r.assessment().status() == computed)
                .filter(r -> JudgementFilter.keeps(byJudgement, r))
                .map(r -> new DashboardEntry(TargetView.of(r.target()),
                        new AssessmentView(r.target().code, snapshot.asOf(), snapshot.knownAt(), r.assessment(),
                                r.judgement())))
                .toList()));
        EntityTag tag = new EntityTag(answer.etag());
        Response.ResponseBuilder response = answer.matches(ifNoneMatch) ? Response.notModified(tag)
                : Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE).tag(tag);
        return response.header(HttpHeaders.CACHE_CONTROL, SecurityHeaders.REVALIDATE).build();
    }

    private byte[] json(List<DashboardEntry> entries) {
        try {
            return json.writeValueAsBytes(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The dashboard could not be written as JSON", e);
        }
    }
}
