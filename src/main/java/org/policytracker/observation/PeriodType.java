package org.policytracker.observation;

/** The length of a period, as in DHIS2's ISO period types. */
public enum PeriodType {
    /** "2024". */
    YEARLY,
    /** "2024Q1". */
    QUARTERLY,
    /** "202401". */
    MONTHLY
}
