package org.policytracker.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.assessment.Assessment;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.catalogue.CatalogueHistory;
import org.policytracker.catalogue.Target;
import org.policytracker.report.chart.ChartData;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;
import org.policytracker.system.Snapshot;

/** A target's chart in one request: what the reports draw of it, computed by the reports' own code. */
@Path("/api/targets/{id}/path")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Transactional(Transactional.TxType.SUPPORTS)
@Tag(name = "Assessment", description = "Status of every target by the UNSD/StatCan pace-ratio method")
public class TargetPathResource {

    @Schema(name = "TargetPath", description = "What a target's chart shows, as the status reports draw it: the "
            + "path of its values, the projection at the observed pace and its range, the target and its band.")
    public record TargetPath(
            @Schema(description = "The target id") String target,
            @Schema(description = "Values of periods ending on or before this date count") LocalDate asOf,
            @Schema(description = "Only values recorded by this time count") OffsetDateTime knownAt,
            @Schema(description = "The scale of the values: LEVEL, or CHANGE_PCT (cumulative % change from the base "
                    + "year); null when there is nothing to draw") ValueBasis valueBasis,
            @Schema(description = "The first year on the axis; null when there is nothing to draw") Integer fromYear,
            @Schema(description = "The last year on the axis (at least the target year)") Integer toYear,
            @Schema(description = "The deadline's year") int targetYear,
            @Schema(description = "The path: the baseline, then the latest value as the assessment saw it at the end "
                    + "of each later year (up to 12 years back from asOf), then the latest value; by year") List<ChartData.Point> observed,
            @Schema(description = "The value in the target year at the observed pace; null when none (or the latest "
                    + "value is of the target year)") ChartData.Point projected,
            @Schema(description = "The low end of the 80 % range around the projection; null when none") Double projectedLow,
            @Schema(description = "The high end of that range") Double projectedHigh,
            @Schema(description = "The target on the values' scale (for average growth, the level it would reach "
                    + "from the baseline); null for kinds without a number there") Double targetValue,
            @Schema(description = "For 左右 (about) targets: the lower edge of the accepted band") Double bandLow,
            @Schema(description = "The upper edge of that band") Double bandHigh,
            @Schema(description = "The latest month's or quarter's value after the path, at its place on the year "
                    + "axis (the end of July 2025 is 2024.58); null when none") ChartData.Mark indication) {
    }

    private final ReportService reports;
    private final CatalogueHistory catalogue;

    TargetPathResource(ReportService reports, CatalogueHistory catalogue) {
        this.reports = reports;
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "A target's chart in one call", description = "The path of its values (the latest value "
            + "as assessed at the end of each year), the projection at the observed pace and its 80 % range, the "
            + "target and its band: computed once on the server by the code that draws the charts of the status "
            + "reports, so the web app and a report made with the same asOf and knownAt draw the same line.")
    @APIResponse(responseCode = "200", description = "The chart's data; observed is empty when there is nothing to "
            + "draw (a milestone, or no value on the target's scale)")
    @APIResponse(responseCode = "404", description = "No current target has this id")
    @APIResponse(responseCode = "400", description = "asOf or knownAt is not a date")
    public TargetPath path(@PathParam("id") String id,
            @Parameter(description = "ISO date; default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "ISO date or date-time; default now: the values and the catalogue revision "
                    + "known then") @QueryParam("knownAt") String knownAt) {
        Snapshot snapshot = Snapshot.of(asOf, knownAt);
        Target target = catalogue.target(snapshot, id)
                .orElseThrow(() -> Problems.notFound("target.unknown", "id", Problems.quote(id)));
        ReportService.TargetChart drawn = reports.chart(target, snapshot);
        Assessment a = drawn.assessment();
        ChartData c = drawn.chart();
        if (c == null) {
            return new TargetPath(id, snapshot.asOf(), snapshot.knownAt(), null, null, null, target.targetYear,
                    List.of(), null, a.projectedLow(), a.projectedHigh(), null, null, null, null);
        }
        return new TargetPath(id, snapshot.asOf(), snapshot.knownAt(), a.valueBasis(), c.fromYear(), c.toYear(),
                c.targetYear(), c.observed(), c.projected(), a.projectedLow(), a.projectedHigh(), c.target(),
                c.bandLow(), c.bandHigh(), c.indication());
    }
}
