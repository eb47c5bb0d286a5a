package org.policytracker.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.catalogue.Indicator;
import org.policytracker.observation.Period;
import org.policytracker.security.Roles;
import org.policytracker.system.Problem;
import org.policytracker.system.Problems;

/**
 * Every current value (or the filtered ones) as CSV or XLSX, streamed from the database. Its own
 * root path: JAX-RS picks a resource class by its longest literal path, and /api/observations
 * belongs to the import resource.
 */
@Path("/api/observations/export")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Reports")
public class ObservationExportResource {

    private final ObservationExportQuery query;

    ObservationExportResource(ObservationExportQuery query) {
        this.query = query;
    }

    @GET
    @Produces({ReportFormat.CSV_TYPE, ReportFormat.XLSX_TYPE})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Export the values", description = "The current values of every indicator (or of one, "
            + "within a range of periods), one row each: indicator code and names, unit, period, value, form, source, "
            + "note, series break, who entered it and when, who last changed it and when. Streamed row by row from a "
            + "database cursor, so a million rows take no more memory than ten. CSV: UTF-8 with a byte order mark, "
            + "RFC 4180. XLSX: typed numbers and times (UTC), header frozen and filterable. The columns indicator, "
            + "period, value, form, source, note and seriesBreak are those the bulk import reads.")
    @APIResponse(responseCode = "200", description = "The values", content = {
            @Content(mediaType = ReportFormat.CSV_TYPE), @Content(mediaType = ReportFormat.XLSX_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or not allowed; the problem names it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "csv or xlsx", required = true) @QueryParam("format") String format,
            @Parameter(description = "Indicator code, e.g. NON_FOSSIL_SHARE; default all") @QueryParam("indicator") String indicator,
            @Parameter(description = "First period: an ISO period (2021, 2021Q1, 202101) or date; periods starting "
                    + "before it are left out") @QueryParam("from") String from,
            @Parameter(description = "Last period: an ISO period or date; periods ending after it are left out") @QueryParam("to") String to) {
        ReportFormat f = ReportFormat.param(format, ReportFormat.CSV, ReportFormat.XLSX);
        String code = null;
        if (indicator != null && !indicator.isBlank()) {
            code = Indicator.findByCode(indicator.trim()).map(i -> i.code)
                    .orElseThrow(() -> Problems.badRequest("indicator", "'" + indicator + "' is not an indicator; "
                            + "GET /api/indicators lists them"));
        }
        LocalDate start = bound("from", from, true);
        LocalDate end = bound("to", to, false);
        if (start != null && end != null && start.isAfter(end)) {
            throw Problems.badRequest("to", "'" + to + "' ends before from '" + from + "' begins");
        }
        ObservationExportQuery.Filter filter = new ObservationExportQuery.Filter(code, start, end);
        StreamingOutput body = out -> {
            try (ObservationExportWriter writer = f == ReportFormat.CSV ? ObservationExportWriter.csv(out)
                    : ObservationExportWriter.xlsx(out)) {
                query.stream(filter, writer::row);
            }
            out.flush();
        };
        String name = "observations"
                + (code == null ? "" : "-" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                + "-" + LocalDate.now(ZoneOffset.UTC) + "." + f.extension();
        return Response.ok(body, f.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    /** An ISO period (its first or last day) or an ISO date; null when not given. */
    static LocalDate bound(String field, String value, boolean start) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Period period = Period.parse(v).orElse(null);
        if (period != null) {
            return start ? period.start() : period.end();
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(field, "'" + value + "' is not an ISO period or date; use e.g. 2021, 2021Q1, "
                    + "202101 or 2021-06-30");
        }
    }
}
