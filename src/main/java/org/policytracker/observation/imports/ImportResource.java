package org.policytracker.observation.imports;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.system.Problem.FieldError;
import org.policytracker.system.ProblemException;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/** Bulk import of observations from CSV or XLSX, and the XLSX template to fill in. */
@Path("/api/observations")
@Tag(name = "Observation import", description = "Many values at once from a CSV or XLSX file: all or nothing, "
        + "with a dry run, progress and every bad row listed")
public class ImportResource {

    static final String XLSX = FileFormat.XLSX_TYPE;
    static final int MAX_FILE_NAME = 300;

    private final ImportService imports;
    private final TemplateService template;
    private final SecurityIdentity identity;

    ImportResource(ImportService imports, TemplateService template, SecurityIdentity identity) {
        this.imports = imports;
        this.template = template;
        this.identity = identity;
    }

    @POST
    @Path("/imports")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Import observations from a file", description = "The body is the file itself: text/csv "
            + "(UTF-8, with or without BOM, RFC 4180 quoting) or an XLSX workbook (sheet \"Observations\", else the "
            + "first). Row 1 names the columns: indicator, period, value; optional form, source, note, seriesBreak; "
            + "nameZh, nameEn, unit are ignored. Rows with a blank value are skipped. All or nothing: one bad row "
            + "and nothing is written; the job lists every bad row (row, column, reason).")
    @RequestBody(content = {@Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @APIResponse(responseCode = "200", description = "wait=true: the finished job (SUCCEEDED, REJECTED or FAILED)")
    @APIResponse(responseCode = "202", description = "The job is queued; Location names it, poll it for progress")
    @APIResponse(responseCode = "400", description = "A query parameter is not allowed (problem+json names it)")
    @APIResponse(responseCode = "403", description = "Viewers cannot import")
    @APIResponse(responseCode = "415", description = "The Content-Type is neither text/csv nor XLSX")
    public Response submit(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Check every row and write nothing; default false") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "create (default): refuse periods that have a value; upsert: correct them", schema = @Schema(enumeration = {
                    "create", "upsert"})) @QueryParam("mode") String mode,
            @Parameter(description = "Answer when the job is finished (200) instead of at once (202); default false") @QueryParam("wait") String wait,
            @Parameter(description = "The file's name, kept with the job") @QueryParam("fileName") String fileName) {
        ImportService.Request request = new ImportService.Request(fileName(fileName), format(contentType),
                flag("dryRun", dryRun), mode(mode), flag("wait", wait), identity.getPrincipal().getName());
        ImportJobView job = imports.submit(body, request);
        if (request.waitForResult()) {
            return Response.ok(job).build();
        }
        return Response.accepted(job).location(UriBuilder.fromPath("/api/observations/imports/{id}").build(job.id()))
                .build();
    }

    @GET
    @Path("/imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "An import job: its progress, result and errors", description = "Counters advance every "
            + "few thousand rows while the job runs, on whichever instance runs it.")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No job has this id")
    public ImportJobView get(@PathParam("id") String id) {
        return imports.get(id);
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The XLSX template to fill in", description = "Sheet \"Observations\": one row per "
            + "indicator (milestones' excepted) and year from 2021 to this year that has no value yet, value blank, "
            + "form LEVEL. Sheet \"Indicators\": each indicator's unit, value type, allowed forms and value rules. "
            + "Uploaded unchanged, it imports nothing (blank values are skipped).")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment")
    public Response template() {
        LocalDate today = LocalDate.now();
        List<TemplateService.Line> lines = template.lines(today);
        StreamingOutput workbook = out -> TemplateWorkbook.write(out, lines);
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"observation-template-" + today + ".xlsx\"")
                .build();
    }

    private static FileFormat format(String contentType) {
        return FileFormat.ofContentType(contentType).orElseThrow(() -> {
            String allowed = Arrays.stream(FileFormat.values()).map(FileFormat::mediaType)
                    .collect(Collectors.joining(" or "));
            String message = (contentType == null ? "is missing" : "'" + contentType + "' is not accepted")
                    + "; send the file as " + allowed;
            return new ProblemException(415, "Unsupported Media Type", "Content-Type: " + message,
                    List.of(new FieldError(HttpHeaders.CONTENT_TYPE, message)));
        });
    }

    private static ImportMode mode(String mode) {
        ImportMode parsed = Problems.enumParam("mode", mode, ImportMode.class);
        return parsed == null ? ImportMode.CREATE : parsed;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.badRequest(name, "must be true or false, was '" + value + "'");
        };
    }

    private static String fileName(String fileName) {
        if (fileName != null && fileName.indexOf('\0') >= 0) {
            throw Problems.badRequest("fileName", "must not contain the NUL character (U+0000)");
        }
        if (fileName != null && fileName.length() > MAX_FILE_NAME) {
            throw Problems.badRequest("fileName", "must be at most " + MAX_FILE_NAME + " characters, was "
                    + fileName.length());
        }
        return fileName == null || fileName.isBlank() ? null : fileName.strip();
    }
}
