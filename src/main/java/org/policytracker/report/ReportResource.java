package org.policytracker.report;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.assessment.JudgementFilter;
import org.policytracker.assessment.Status;
import org.policytracker.catalogue.Document;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.Theme;
import org.policytracker.system.Lang;
import org.policytracker.system.PerUserLimit;
import org.policytracker.system.Problem;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;
import org.policytracker.system.Snapshot;

/** Status reports to send upward: CSV, Excel, PDF and printable HTML, as of any date, as known at any time. */
@Path("/api/reports")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Transactional(Transactional.TxType.SUPPORTS)
@Tag(name = "Reports", description = "Status reports in CSV, XLSX, PDF and HTML; exports of the values")
public class ReportResource {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final ReportService reports;
    private final SecurityIdentity identity;
    private final Map<ReportFormat, ReportWriter> writers = new EnumMap<>(ReportFormat.class);

    /** PDF reports in the making per user: a PDF costs about 1.7 s of CPU, the other formats a fraction of that. */
    private final PdfPlaces pdfPlaces;

    ReportResource(ReportService reports, SecurityIdentity identity, Instance<ReportWriter> writers,
            PdfPlaces pdfPlaces) {
        this.reports = reports;
        this.identity = identity;
        this.pdfPlaces = pdfPlaces;
        writers.forEach(w -> this.writers.put(w.format(), w));
    }

    @GET
    @Path("/status")
    @Produces({ReportFormat.CSV_TYPE, ReportFormat.XLSX_TYPE, ReportFormat.PDF_TYPE, ReportFormat.HTML_TYPE})
    @Operation(summary = "The status report", description = "Every target (or the filtered ones) with its "
            + "status, as of a date: title, as-of date, when and by whom it was generated, counts per status, a "
            + "section per theme, and for each target the indicator, the target's wording, baseline, latest value "
            + "and period, progress, projected value at the deadline, status, explanation, binding or anticipatory, "
            + "and the source document and section. CSV: one row per target, UTF-8 with a byte order mark. XLSX: a "
            + "summary sheet, a sheet per theme and a sheet of the values used. PDF (A4, Chinese font embedded) and "
            + "HTML (self-contained, with a print stylesheet) add a chart per target. With knownAt, the content is "
            + "the same as a report made at that time. The file name (Content-Disposition) says what and when, e.g. "
            + "status-report-2026-11-27.xlsx.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = ReportFormat.CSV_TYPE), @Content(mediaType = ReportFormat.XLSX_TYPE),
            @Content(mediaType = ReportFormat.PDF_TYPE), @Content(mediaType = ReportFormat.HTML_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or not allowed; the problem names it "
            + "and the allowed values", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "format=pdf while this user has tracker.reports.max-pdf-per-user "
            + "PDF reports in the making already; Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response status(
            @Parameter(description = "csv, xlsx, pdf or html", required = true) @QueryParam("format") String format,
            @Parameter(description = "ISO date; values of periods ending by then count; default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "ISO date or date-time; only values recorded by then count (reproduces a past "
                    + "report); default now") @QueryParam("knownAt") String knownAt,
            @Parameter(description = "Document code, as in GET /api/documents") @QueryParam("document") String document,
            @Parameter(description = "CARBON_ENERGY, INTELLECTUAL_PROPERTY, SERVICE_TRADE or FTZ") @QueryParam("theme") String theme,
            @Parameter(description = "Only targets with these statuses, comma-separated: ACHIEVED, ON_TRACK, "
                    + "AT_RISK, OFF_TRACK, MISSED, NO_DATA") @QueryParam("status") String status,
            @Parameter(description = "Only these targets, comma-separated ids (the web app passes the targets its "
                    + "filters show)") @QueryParam("target") String target,
            @Parameter(description = "Language of the report's words: zh (default) or en") @QueryParam("lang") String lang,
            @Parameter(description = "true: leave out the targets without data (they are still counted, and the "
                    + "report says how many it left out); default false") @QueryParam("omitNoData") String omitNoData,
            @Parameter(description = "attachment (default for csv, xlsx, pdf) or inline (default for html)") @QueryParam("disposition") String disposition,
            @Parameter(description = "The words of the verdicts: standard (default, the app's statuses) or official (the "
                    + "planning commission's: 提前实现, 快于预期, 基本符合预期, 滞后; after the deadline 已完成, 未完成; "
                    + "docs/ASSESSMENT.md, \"Official vocabulary\"). The status codes stay as they are") @QueryParam("vocabulary") String vocabulary,
            @Parameter(description = "Only targets by the analyst's judgement: ANY (one is recorded), NONE (none is), "
                    + "NEEDED (the wording needs one and none is recorded), or a status (a judgement of that status); "
                    + "beside status, which filters the computed status") @QueryParam("judgement") String judgement) {
        ReportFormat f = ReportFormat.param(format, ReportFormat.values());
        Snapshot snapshot = Snapshot.of(asOf, knownAt);
        Document doc = document(document);
        Theme th = Problems.enumParam("theme", theme, Theme.class);
        Set<Status> statuses = statuses(status);
        Set<String> targets = targets(target);
        Lang l = Lang.param(lang);
        String dispositionType = disposition(disposition, f == ReportFormat.HTML ? "inline" : "attachment");

        ReportService.Request request = new ReportService.Request(snapshot, doc, th, statuses, targets,
                flag("omitNoData", omitNoData), l,
                identity.getPrincipal().getName(),
                vocabulary == null || vocabulary.isBlank() ? ReportVocabulary.STANDARD
                        : Problems.enumParam("vocabulary", vocabulary, ReportVocabulary.class),
                JudgementFilter.param(judgement));
        ReportWriter writer = writers.get(f);
        Object body;
        if (f == ReportFormat.PDF) {
            // Made whole while the user's place is held (so the place is given back however the answer ends);
            // a PDF is some 40 KB a page.
            try (PerUserLimit.Permit place = pdfPlaces.acquire(identity.getPrincipal().getName())) {
                StatusReport report = reports.build(request);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.write(report, out);
                body = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            StatusReport report = reports.build(request);
            body = (StreamingOutput) out -> writer.write(report, out);
        }
        return Response.ok(body, f.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, dispositionType + "; filename=\""
                        + fileName(snapshot, doc, th, l, f) + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    /** "status-report-2026-11-27.xlsx", with the document, theme, known-at time and language when given. */
    static String fileName(Snapshot snapshot, Document document, Theme theme, Lang lang, ReportFormat format) {
        StringBuilder name = new StringBuilder("status-report");
        if (document != null) {
            name.append('-').append(document.code);
        }
        if (theme != null) {
            name.append('-').append(theme.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        name.append('-').append(snapshot.asOf());
        if (snapshot.knownAtGiven()) {
            name.append("-known-").append(STAMP.format(snapshot.knownAt().withOffsetSameInstant(ZoneOffset.UTC)));
        }
        if (lang != Lang.ZH) {
            name.append('-').append(lang.code());
        }
        return name.append('.').append(format.extension()).toString();
    }

    /** Comma-separated target ids; each must name a current target (checked in one query). */
    private static Set<String> targets(String ids) {
        Set<String> targets = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    targets.add(id.trim());
                }
            }
        }
        if (!targets.isEmpty()) {
            Set<String> known = Target.<Target>list("code in ?1 and retired = false", targets).stream()
                    .map(t -> t.code).collect(Collectors.toSet());
            targets.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
                throw Problems.badRequest("target", "target.unknownParam", "value", Problems.quote(id));
            });
        }
        return targets;
    }

    private static Document document(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Document.findByCode(code.trim()).filter(d -> !d.retired)
                .orElseThrow(() -> Problems.badRequest("document", "choice", "value", Problems.quote(code), "allowed",
                        Document.listCurrent().stream().map(d -> d.code).collect(Collectors.joining(", "))));
    }

    /** A comma-separated list of status names; empty means all. */
    static Set<Status> statuses(String value) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        if (value == null || value.isBlank()) {
            return statuses;
        }
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                statuses.add(Problems.enumParam("status", part, Status.class));
            }
        }
        return statuses;
    }

    static boolean flag(String name, String value) {
        Boolean flag = Problems.choice(name, value, List.of(true, false), String::valueOf);
        return flag != null && flag;
    }

    static String disposition(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!Arrays.asList("inline", "attachment").contains(v)) {
            throw Problems.badRequest("disposition", "choice", "value", Problems.quote(value), "allowed",
                    "inline, attachment");
        }
        return v;
    }
}
