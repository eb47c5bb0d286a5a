package org.policytracker.catalogue;

/**
 * What an indicator's value measures over time, which decides what a monthly or quarterly figure says
 * about the year (docs/ASSESSMENT.md, "Months, quarters and year to date").
 */
public enum Measure {
    /** A level at a point in time (installed capacity, patents held, forest stock): a month's level is the level then. */
    STOCK,
    /** A sum over the period (trade, royalties, emissions): a year-to-date figure is part of the year's. */
    FLOW,
    /** A rate, share, ratio or score (energy intensity, a share of GDP): a part of the year is no part of the year's figure. */
    RATE
}
