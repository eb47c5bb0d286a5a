package org.policytracker.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The one place where an API write becomes durable before it is acknowledged: every successful answer
 * to a POST, PUT, PATCH or DELETE waits for {@link DurableCommits#sync()} (the resource's transaction
 * has committed by then). When the disk refuses, the answer becomes a 503 "storage" problem instead of
 * the 2xx: the client is never told a write was saved that may not be.
 */
public class DurableAnswers {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DurableCommits commits;

    DurableAnswers(DurableCommits commits) {
        this.commits = commits;
    }

    @ServerResponseFilter
    public void syncBeforeAnswering(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        try {
            commits.sync();
        } catch (StorageUnavailableException e) {
            Response problem = storageProblem(request.getUriInfo(), request.getHeaders().getFirst(
                    HttpHeaders.ACCEPT_LANGUAGE));
            response.setStatus(problem.getStatus());
            response.getHeaders().clear();
            response.getHeaders().putAll(problem.getHeaders());
            response.setEntity(problem.getEntity());
        }
    }

    /** The 503 problem of a database that cannot write. */
    static Response storageProblem(UriInfo uri, String acceptLanguage) {
        return ProblemMappers.respond(503, null, null, uri,
                List.of(FieldMessage.of("(storage)", "storage.unavailable")),
                acceptLanguage);
    }
}
