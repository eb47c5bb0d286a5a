package org.policytracker.observation.imports;

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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.catalogue.Indicator;
import org.policytracker.observation.Period;
import org.policytracker.system.Problem;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/**
 * Every current value (or the filtered ones) as a {@link ValueFile} in CSV or XLSX, streamed from the
 * database: the file the import reads, beside it. Its own root path: JAX-RS picks a resource class by its
 * longest literal path, and /api/observations belongs to the import resource.
 */
@Path("/api/observations/export")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Observation import")
public class ValueExportResource {

    private final ValueExportQuery query;

    ValueExportResource(ValueExportQuery query) {
        this.query = query;
    }

    @GET
    @Produces({FileFormat.CSV_TYPE, FileFormat.XLSX_TYPE})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Export the values", description = "The current values of every indicator (or of one, "
            + "within a range of periods) as a value file: the columns of the import template, one row per value "
            + "(indicator, nameZh, nameEn, period, value, unit, form, qualifier, publication, confirm, source, note, seriesBreak, basis, createdBy, createdAt, "
            + "updatedBy, updatedAt). Values are exact, so the file, edited or not, imports back (POST "
            + "/api/observations/imports; an unedited one changes nothing). Streamed row by row from a database "
            + "cursor, so a million rows take no more memory than ten. CSV: UTF-8 with a byte order mark, RFC 4180. "
            + "XLSX: sheet Observations, typed numbers and times (UTC), header frozen and filterable.")
    @APIResponse(responseCode = "200", description = "The values", content = {
            @Content(mediaType = FileFormat.CSV_TYPE), @Content(mediaType = FileFormat.XLSX_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or not allowed; the problem names it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "csv or xlsx", required = true) @QueryParam("format") String format,
            @Parameter(description = "Indicator code, e.g. NON_FOSSIL_SHARE; default all") @QueryParam("indicator") String indicator,
            @Parameter(description = "First period: an ISO period (2021, 2021Q1, 202101) or date; periods starting "
                    + "before it are left out") @QueryParam("from") String from,
            @Parameter(description = "Last period: an ISO period or date; periods ending after it are left out") @QueryParam("to") String to) {
        FileFormat f = FileFormat.param(format);
        String code = null;
        if (indicator != null && !indicator.isBlank()) {
            code = Indicator.findByCode(indicator.trim()).map(i -> i.code)
                    .orElseThrow(() -> Problems.badRequest("indicator", "indicator.unknownParam", "value",
                            Problems.quote(indicator)));
        }
        LocalDate start = bound("from", from, true);
        LocalDate end = bound("to", to, false);
        if (start != null && end != null && start.isAfter(end)) {
            throw Problems.badRequest("to", "range.reversed", "from", Problems.quote(from), "to", Problems.quote(to));
        }
        ValueExportQuery.Filter filter = new ValueExportQuery.Filter(code, start, end);
        StreamingOutput body = out -> {
            try (ValueFileWriter writer = f == FileFormat.CSV ? ValueFileWriter.csv(out)
                    : ValueFileWriter.xlsx(out)) {
                query.stream(filter, writer::row);
            }
            out.flush();
        };
        String name = "observations"
                + (code == null ? "" : "-" + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                + "-" + LocalDate.now(ZoneOffset.UTC) + "." + f.extension();
        return Response.ok(body, f == FileFormat.CSV ? f.mediaType() + "; charset=UTF-8" : f.mediaType())
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
            throw Problems.badRequest(field, "periodOrDate", "value", Problems.quote(value));
        }
    }
}
