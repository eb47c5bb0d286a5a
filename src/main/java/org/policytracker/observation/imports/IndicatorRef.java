package org.policytracker.observation.imports;

import org.policytracker.observation.ObservationRules;

/**
 * What an import needs of an indicator: its id and code and what the rules know of it, not a managed
 * entity, so thousands of rows stay cheap.
 */
record IndicatorRef(long id, String code, ObservationRules.Context rules) {
}
