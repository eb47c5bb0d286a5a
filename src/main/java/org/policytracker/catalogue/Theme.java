package org.policytracker.catalogue;

/** The policy areas the dashboard groups targets by. */
public enum Theme {
    CARBON_ENERGY,
    INTELLECTUAL_PROPERTY,
    SERVICE_TRADE,
    FTZ
}
