package org.policytracker.sample;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policytracker.system.Roles;

/** The sample dataset: whether it is loaded; loading it into an empty database and removing it (admins). */
@Path("/api/sample")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sample data", description = "A clearly marked sample dataset for a first look, never mixed with real values")
public class SampleResource {

    private final SampleService samples;
    private final SecurityIdentity identity;

    SampleResource(SampleService samples, SecurityIdentity identity) {
        this.samples = samples;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Whether the sample dataset is loaded, by whom and when")
    public SampleService.State state() {
        return samples.state();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Load the sample dataset", description = "Admins, into a database without values. While "
            + "it is loaded, real values are refused and every report says it shows sample data.")
    @APIResponse(responseCode = "200", description = "Loaded")
    @APIResponse(responseCode = "409", description = "The database has values already, or the sample is loaded")
    public SampleService.State load() {
        return samples.load(identity.getPrincipal().getName());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove the sample dataset", description = "Admins: deletes the sample values with their "
            + "history and audit entries; real values can be entered afterwards.")
    @APIResponse(responseCode = "200", description = "Removed")
    @APIResponse(responseCode = "409", description = "No sample is loaded")
    @APIResponse(responseCode = "503", description = "Values were being written for the whole of tracker.values.lock-wait; nothing changed")
    public SampleService.State remove() {
        return samples.remove();
    }
}
