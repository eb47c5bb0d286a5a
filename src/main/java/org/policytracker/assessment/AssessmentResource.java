package org.policytracker.assessment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.catalogue.CatalogueViews.TargetView;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.Theme;
import org.policytracker.security.Roles;
import org.policytracker.system.Problems;

/** Where each target stands: its status, projection and the reason, as of a date. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Transactional(Transactional.TxType.SUPPORTS)
@Tag(name = "Assessment", description = "Status of every target by the UNSD/StatCan pace-ratio method")
public class AssessmentResource {

    @Schema(name = "TargetAssessment", description = "An assessment (DESIGN.md §3) of one target.")
    public record AssessmentView(
            @Schema(description = "The target id") String target,
            @Schema(description = "Values of periods ending on or before this date count") LocalDate asOf,
            @Schema(description = "Only values recorded by this time count") OffsetDateTime knownAt,
            @JsonUnwrapped Assessment assessment) {
    }

    @Schema(name = "DashboardEntry", description = "A target (as in GET /api/targets) with its assessment.")
    public record DashboardEntry(@JsonUnwrapped TargetView target, AssessmentView assessment) {
    }

    private final AssessmentService service;

    AssessmentResource(AssessmentService service) {
        this.service = service;
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
            @Parameter(description = "ISO date or date-time; default now. Reproduces a past report exactly.") @QueryParam("knownAt") String knownAt) {
        Target target = Target.findCurrentByCode(id)
                .orElseThrow(() -> new NotFoundException("No target has the id '" + id + "'"));
        LocalDate day = asOf(asOf);
        OffsetDateTime known = knownAt(knownAt);
        AssessmentService.TargetAssessment result = service.assess(List.of(target), day, known).get(0);
        return new AssessmentView(id, day, known, result.assessment());
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "Every target with its assessment", description = "One call for the whole dashboard; "
            + "its cost grows with the number of targets, not of values. Filters as in GET /api/targets.")
    @APIResponse(responseCode = "400", description = "A parameter is not allowed (problem+json names it)")
    public List<DashboardEntry> dashboard(
            @Parameter(description = "ISO date; default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "ISO date or date-time; default now") @QueryParam("knownAt") String knownAt,
            @Parameter(description = "Document code") @QueryParam("document") String document,
            @Parameter(description = "Theme") @QueryParam("theme") String theme,
            @Parameter(description = "Kind of target") @QueryParam("kind") String kind) {
        LocalDate day = asOf(asOf);
        OffsetDateTime known = knownAt(knownAt);
        List<Target> targets = Target.listCurrent(document, Problems.enumParam("theme", theme, Theme.class),
                Problems.enumParam("kind", kind, TargetKind.class));
        return service.assess(targets, day, known).stream()
                .map(r -> new DashboardEntry(TargetView.of(r.target()),
                        new AssessmentView(r.target().code, day, known, r.assessment())))
                .toList();
    }

    public static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("asOf", "'" + value + "' is not an ISO date; use YYYY-MM-DD, e.g. 2024-12-31");
        }
    }

    /** A date means the end of that day (UTC); a date-time is taken as is; none means now. */
    public static OffsetDateTime knownAt(String value) {
        if (value == null || value.isBlank()) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)
                    .minusNanos(1000) : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("knownAt", "'" + value + "' is not an ISO date or date-time; use YYYY-MM-DD "
                    + "or e.g. 2024-12-31T18:00:00Z");
        }
    }
}
