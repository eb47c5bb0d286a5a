package org.policytracker.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.policytracker.system.ProblemException;
import org.policytracker.system.ProblemMappers;

/**
 * Answers a problem raised while a request is authenticated (a throttled sign-in's 429) as problem+json: Quarkus
 * authenticates before JAX-RS, so its exception mappers never see it, and Quarkus would answer it with a 500.
 */
@ApplicationScoped
public class AuthenticationProblems {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof ProblemException problem && !context.response().headWritten()) {
                ProblemMappers.send(context, problem);
            } else {
                context.next();
            }
        });
    }
}
