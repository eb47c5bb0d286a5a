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
import java.time.ZoneOffset;
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
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Lang;
import org.policytracker.system.Problem;
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
            + "first). Row 1 names the columns: indicator, period, value; optional unit, form, qualifier, publication, confirm, source, note, seriesBreak, basis; "
            + "nameZh, nameEn, unit are ignored. Rows with a blank value are skipped. All or nothing: one bad row "
            + "and nothing is written; the job lists every bad row (row, column, reason).")
    @RequestBody(content = {@Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @APIResponse(responseCode = "200", description = "wait=true: the finished job (SUCCEEDED, REJECTED, FAILED or "
            + "CANCELLED). It waits its turn like any other import (tracker.import.max-parallel at once)")
    @APIResponse(responseCode = "202", description = "The job is queued; Location names it, poll it for progress")
    @APIResponse(responseCode = "400", description = "A query parameter is not allowed, or an XLSX file declares a "
            + "DTD (problem+json names it)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Viewers cannot import")
    @APIResponse(responseCode = "413", description = "The file exceeds a limit: the body is larger than "
            + "tracker.max-upload-size, or it has more rows (tracker.import.max-rows), columns "
            + "(max-columns) or characters in a cell (max-cell-chars) than allowed, or an XLSX file unpacks to "
            + "more than max-uncompressed-size or packs tighter than max-compression-ratio (a zip bomb). The "
            + "problem names file and the limit; no job is made and nothing is written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The Content-Type is neither text/csv nor XLSX")
    @APIResponse(responseCode = "429", description = "This user has tracker.import.max-per-user imports queued or "
            + "running already; Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Check every row and write nothing; default false") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "create (default): refuse periods that have a value; upsert: correct them", schema = @Schema(enumeration = {
                    "create", "upsert"})) @QueryParam("mode") String mode,
            @Parameter(description = "Answer when the job is finished (200) instead of at once (202); default false") @QueryParam("wait") String wait,
            @Parameter(description = "The file's name, kept with the job") @QueryParam("fileName") String fileName,
            @Parameter(description = "true: store values whose form differs from the form their indicator is "
                    + "published in (without it, such rows are errors); default false") @QueryParam("confirmForms") String confirmForms,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        ImportService.Request request = new ImportService.Request(fileName(fileName), format(contentType),
                flag("dryRun", dryRun), mode(mode), flag("confirmForms", confirmForms), flag("wait", wait),
                identity.getPrincipal().getName(),
                Lang.of(language));
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
    public ImportJobView get(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return imports.get(id, Lang.of(language));
    }

    @POST
    @Path("/imports/{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Cancel an import job", description = "A QUEUED job does not start; a VALIDATING or WRITING "
            + "one stops at its next progress checkpoint (every few thousand rows), and a write rolls back: all or "
            + "nothing, nothing of a cancelled job is written. Its owner or an admin may cancel it. The job stays "
            + "readable, CANCELLED.")
    @APIResponse(responseCode = "200", description = "The job, now CANCELLED")
    @APIResponse(responseCode = "403", description = "The job is another user's, and the caller is not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No job has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job has finished already (SUCCEEDED, REJECTED, FAILED or "
            + "CANCELLED); the problem names status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobView cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return imports.cancel(id, identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN), Lang.of(language));
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The XLSX template to fill in", description = "Sheet \"Observations\", a value file (the "
            + "export's columns): one row per indicator (milestones' excepted) and ended year from 2021 (or the "
            + "indicator's series start) that has no value yet, value blank, form the indicator's published form, "
            + "with a drop-down of the forms. Sheet \"Indicators\": each indicator's unit, value type, series start, "
            + "precision, published form, allowed forms and value rules, in the language of Accept-Language. "
            + "Uploaded unchanged, it imports nothing (blank values are skipped).")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment")
    public Response template(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<TemplateService.Line> lines = template.lines(today);
        Lang lang = Lang.of(language);
        StreamingOutput workbook = out -> TemplateWorkbook.write(out, lines, lang);
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"observation-template-" + today + ".xlsx\"")
                .build();
    }

    private static FileFormat format(String contentType) {
        return FileFormat.ofContentType(contentType).orElseThrow(() -> {
            String allowed = Arrays.stream(FileFormat.values()).map(FileFormat::mediaType)
                    .collect(Collectors.joining(", "));
            return Problems.of(415, List.of(contentType == null
                    ? FieldMessage.of(HttpHeaders.CONTENT_TYPE, "contentType.missing", "allowed", allowed)
                    : FieldMessage.of(HttpHeaders.CONTENT_TYPE, "contentType.notAccepted", "value",
                            Problems.quote(contentType), "allowed", allowed)));
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
            default -> throw Problems.badRequest(name, "flag", "value", Problems.quote(value));
        };
    }

    private static String fileName(String fileName) {
        if (fileName != null && fileName.indexOf('\0') >= 0) {
            throw Problems.badRequest("fileName", "text.nul");
        }
        if (fileName != null && fileName.length() > MAX_FILE_NAME) {
            throw Problems.badRequest("fileName", "text.length", "max", MAX_FILE_NAME, "length", fileName.length());
        }
        return fileName == null || fileName.isBlank() ? null : fileName.strip();
    }
}
