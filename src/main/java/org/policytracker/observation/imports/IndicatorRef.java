package org.policytracker.observation.imports;

import org.policytracker.catalogue.ValueType;

/** What an import needs of an indicator: a few fields, not a managed entity, so thousands of rows stay cheap. */
record IndicatorRef(long id, String code, ValueType valueType) {
}
