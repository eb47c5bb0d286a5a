package org.policytracker.observation;

/** The length of a period: a year, a quarter or a month. */
public enum PeriodType {
    /** "2024". */
    YEARLY,
    /** "2024Q1". */
    QUARTERLY,
    /** "2024-01". */
    MONTHLY
}
