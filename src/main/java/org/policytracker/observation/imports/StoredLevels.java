package org.policytracker.observation.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.ObservationStore;

/**
 * The stored levels of the indicators an import pass meets, read once per indicator (one query each), for
 * the plausibility rule that single entry applies too ({@link ObservationRules#implausible}).
 */
final class StoredLevels {

    private final Map<Long, List<ObservationRules.Reference>> byIndicator = new HashMap<>();

    List<ObservationRules.Reference> of(Connection connection, long indicatorId) throws SQLException {
        List<ObservationRules.Reference> levels = byIndicator.get(indicatorId);
        if (levels == null) {
            levels = ObservationStore.levels(connection, indicatorId);
            byIndicator.put(indicatorId, levels);
        }
        return levels;
    }
}
