package org.policytracker.observation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.observation.ObservationViews.Correction;
import org.policytracker.observation.ObservationViews.NewObservation;
import org.policytracker.observation.ObservationViews.ObservationView;
import org.policytracker.system.Lang;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;

/** Values of an indicator, one per period, entered by analysts as they are published. */
@Path("/api/indicators/{code}/observations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Observations", description = "Values of indicators as published: levels, year-on-year changes, indexes")
public class ObservationResource {

    /** The answer of a write that waited too long for another writer of the indicator (ValueLocks). */
    private static final String BUSY = "Another writer of this indicator (an import, say) kept it busy for "
            + "tracker.values.lock-wait (30 s); nothing was written, try again";

    private static final String BASIS = "The series basis of the value (a code of the indicator's bases): a period may "
            + "hold one value per basis. Omitted: the period's only value, else the one on the basis in force for it";

    private final ObservationService service;
    private final SecurityIdentity identity;

    ObservationResource(ObservationService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "List an indicator's values", description = "Current values by period, each with its "
            + "earlier vintages and who entered it when.")
    @APIResponse(responseCode = "404", description = "Unknown indicator")
    public List<ObservationView> list(@PathParam("code") String code) {
        return service.list(code);
    }

    @GET
    @Path("/deleted")
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "List an indicator's deleted values", description = "Each as it was when deleted, with "
            + "who deleted it when (updatedBy, deletedAt) and its version, to restore it.")
    @APIResponse(responseCode = "404", description = "Unknown indicator")
    public List<ObservationView> deleted(@PathParam("code") String code) {
        return service.deleted(code);
    }

    @POST
    @Path("/{period}/restore")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Restore a deleted value", description = "Analysts and admins: undoes a deletion; the "
            + "value comes back as it was, audited as restored.")
    @APIResponse(responseCode = "200", description = "Restored")
    @APIResponse(responseCode = "404", description = "No deleted value for the period")
    @APIResponse(responseCode = "409", description = "Stale version")
    @APIResponse(responseCode = "503", description = BUSY)
    public ObservationView restore(@PathParam("code") String code, @PathParam("period") String period,
            @Parameter(description = "The version of the deleted value", required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("version") String version,
            @Parameter(description = BASIS) @QueryParam("basis") String basis,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service.restore(code, period, basis, version(version), identity.getPrincipal().getName(),
                Lang.of(language));
    }

    @GET
    @Path("/{period}")
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Get one value with its vintages")
    @APIResponse(responseCode = "404", description = "Unknown indicator, or no value for the period")
    public ObservationView get(@PathParam("code") String code, @PathParam("period") String period,
            @Parameter(description = BASIS) @QueryParam("basis") String basis,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service.get(code, period, basis, Lang.of(language));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Enter a value", description = "Analysts and admins. One value per indicator, period and "
            + "series basis (an indicator with one definition: one per period). "
            + "An implausible value against the series is stored with a warning in the answer.")
    @APIResponse(responseCode = "201", description = "Stored; Location names it")
    @APIResponse(responseCode = "400", description = "A field is missing or out of range, or a unit not of the "
            + "indicator's unit family (problem+json names it and the units allowed)")
    @APIResponse(responseCode = "404", description = "Unknown indicator")
    @APIResponse(responseCode = "409", description = "The period has a value already (correct it with PUT), or the "
            + "value's form differs from the indicator's published form and confirmForm is not true, or the level is "
            + "implausible (value.implausible, value.implausibleUnit: about 10 times or a tenth of the nearest value or "
            + "baseline, a likely unit slip) and confirm is not true")
    @APIResponse(responseCode = "503", description = BUSY)
    public Response create(
            @Parameter(description = "Indicator code, e.g. CO2_INTENSITY") @PathParam("code") String code,
            @NotNull NewObservation request, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        ObservationView created = service.create(code, request, identity.getPrincipal().getName(), Lang.of(language));
        UriBuilder location = UriBuilder.fromPath("/api/indicators/{code}/observations/{period}");
        if (created.figure().basis() != null) {
            location.queryParam("basis", created.figure().basis());
        }
        return Response.created(location.build(code, created.period())).entity(created).build();
    }

    @PUT
    @Path("/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Correct a value", description = "The earlier value is kept as a prior vintage. The body "
            + "names the version it corrects; if someone changed the value since, the answer is 409.")
    @APIResponse(responseCode = "400", description = "A field is missing or out of range, or a unit of another family "
            + "(problem+json names it)")
    @APIResponse(responseCode = "409", description = "Stale version; or, as for a new value, a form to confirm "
            + "(confirmForm) or an implausible level to confirm (confirm)")
    @APIResponse(responseCode = "503", description = BUSY)
    public ObservationView correct(@PathParam("code") String code, @PathParam("period") String period,
            @Parameter(description = BASIS) @QueryParam("basis") String basis, @NotNull Correction request,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service.correct(code, period, basis, request, identity.getPrincipal().getName(),
                Lang.of(language));
    }

    @DELETE
    @Path("/{period}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Delete a value", description = "The value's history stays (and in the audit log); an "
            + "assessment known-at an earlier time still sees it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Stale version")
    @APIResponse(responseCode = "503", description = BUSY)
    public void delete(@PathParam("code") String code, @PathParam("period") String period,
            @Parameter(description = "The version being deleted", required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("version") String version,
            @Parameter(description = BASIS) @QueryParam("basis") String basis) {
        service.delete(code, period, basis, version(version), identity.getPrincipal().getName());
    }

    /**
     * The version query parameter, read here rather than by JAX-RS: a value that is not a number
     * would otherwise be a bare 404 (the JAX-RS rule for unconvertible query parameters) instead of
     * a 400 naming the parameter.
     */
    private static Long version(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(version.strip());
        } catch (NumberFormatException e) {
            throw Problems.badRequest("version", "version.notANumber", "value", Problems.quote(version));
        }
    }
}
