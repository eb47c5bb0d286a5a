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
