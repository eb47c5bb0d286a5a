package org.policytracker.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.catalogue.CatalogueViews.DocumentView;
import org.policytracker.catalogue.CatalogueViews.IndicatorDetailView;
import org.policytracker.catalogue.CatalogueViews.IndicatorView;
import org.policytracker.catalogue.CatalogueViews.TargetView;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;
import org.policytracker.system.Snapshot;

/** Read access to the curated catalogue: documents, indicators and targets with their provenance. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Transactional(Transactional.TxType.SUPPORTS)
@Tag(name = "Catalogue", description = "The targets of the source documents, each traceable to its clause")
public class CatalogueResource {

    private final CatalogueHistory history;

    CatalogueResource(CatalogueHistory history) {
        this.history = history;
    }

    @GET
    @Path("/targets")
    @Operation(summary = "List targets", description = "Every current target in document order, with its indicator, baseline, deadline and "
            + "verbatim source clause. Filters combine; an unknown filter value gives an empty list.")
    public List<TargetView> targets(
            @Parameter(description = "Document code, e.g. carbon-peak-neutrality") @QueryParam("document") String document,
            @Parameter(description = "Theme of the target's indicator: CARBON_ENERGY, INTELLECTUAL_PROPERTY, "
                    + "SERVICE_TRADE or FTZ") @QueryParam("theme") String theme,
            @Parameter(description = "Kind of target, e.g. LEVEL_ABOUT or CHANGE_VS_BASE") @QueryParam("kind") String kind) {
        return Target.listCurrent(document, Problems.enumParam("theme", theme, Theme.class),
                Problems.enumParam("kind", kind, TargetKind.class)).stream().map(TargetView::of).toList();
    }

    @GET
    @Path("/targets/{id}")
    @Operation(summary = "Get one target")
    @APIResponse(responseCode = "404", description = "No current target has this id")
    public TargetView target(
            @Parameter(description = "Target id, e.g. CARBON-2025-CO2-INTENSITY") @PathParam("id") String id,
            @Parameter(description = "ISO date or date-time: the target as the catalogue revision in force then had it "
                    + "(a target retired since is found); default now") @QueryParam("knownAt") String knownAt) {
        return history.target(Snapshot.of(null, knownAt), id).map(TargetView::of)
                .orElseThrow(() -> Problems.notFound("target.unknown", "id", Problems.quote(id)));
    }

    @GET
    @Path("/targets/{id}/revisions")
    @Operation(summary = "A target's revisions", description = "Every revision of the catalogue that added, changed, "
            + "retired or restored the target or changed its indicator, oldest first: when, why (the seed's changeNote) "
            + "and the fields that changed. A report or assessment with knownAt uses the revision in force then. "
            + "Retired targets keep their history.")
    @APIResponse(responseCode = "404", description = "No target, current or retired, has this id")
    public List<CatalogueViews.RevisionView> revisions(
            @Parameter(description = "Target id, e.g. CARBON-2025-CO2-INTENSITY") @PathParam("id") String id) {
        Target target = Target.<Target>find("code", id).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("target.unknown", "id", Problems.quote(id)));
        return history.revisions(target);
    }

    @GET
    @Path("/documents")
    @Operation(summary = "List the source documents", description = "With the number of current targets each states "
            + "(a target stated in two documents counts in both; the dashboard counts it once).")
    public List<DocumentView> documents() {
        List<Target> current = Target.listCurrent(null, null, null);
        return Document.listCurrent().stream()
                .map(d -> new DocumentView(d.code, d.titleZh, d.titleEn, d.number, d.issuer, d.issuedOn,
                        current.stream().filter(t -> t.statedIn(d.code)).count()))
                .toList();
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "List indicators")
    public List<IndicatorView> indicators() {
        return Indicator.listCurrent().stream().map(IndicatorView::of).toList();
    }

    @GET
    @Path("/indicators/{code}")
    @Operation(summary = "Get one indicator with its targets")
    @APIResponse(responseCode = "404", description = "No current indicator has this code")
    public IndicatorDetailView indicator(
            @Parameter(description = "Indicator code, e.g. NON_FOSSIL_SHARE") @PathParam("code") String code) {
        Indicator indicator = Indicator.findByCode(code)
                .orElseThrow(() -> Problems.notFound("indicator.unknown", "code", Problems.quote(code)));
        List<TargetView> targets = Target.listCurrent(null, null, null).stream()
                .filter(t -> t.indicator.id.equals(indicator.id) || (t.relatedIndicator != null
                        && t.relatedIndicator.id.equals(indicator.id)))
                .map(TargetView::of).toList();
        return IndicatorDetailView.of(indicator, targets);
    }
}
