package org.policytracker.system;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the database cannot write to its disk ({@link StorageHealth}). */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    private final StorageHealth storage;

    StorageReadiness(StorageHealth storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        return storage.check();
    }
}
