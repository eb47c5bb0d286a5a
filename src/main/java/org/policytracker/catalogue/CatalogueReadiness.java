package org.policytracker.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the catalogue has been loaded into the database (by this or another instance). */
@Readiness
@ApplicationScoped
public class CatalogueReadiness implements HealthCheck {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public HealthCheckResponse call() {
        OffsetDateTime loaded = CatalogueLock.lastLoaded();
        return HealthCheckResponse.named("catalogue")
                .status(loaded != null)
                .withData("loadedAt", loaded == null ? "never" : loaded.toString())
                .build();
    }
}
