package org.policytracker.catalogue;

/** What kind of number an indicator's values are; drives validation of entered values. */
public enum ValueType {
    /** A percent share, 0–100. */
    SHARE,
    /** A percent rate per year; may be negative. */
    RATE,
    AMOUNT,
    COUNT,
    INDEX,
    SCORE,
    /** No numeric value: the indicator of a milestone. */
    STATE
}
