package org.policytracker.catalogue;

/** How a published value is stated. */
public enum ObservationForm {
    /** The level itself, in the indicator's unit (非化石能源消费比重 16.0%). */
    LEVEL,
    /** The percent change on the previous year (比上年下降3.4% is −3.4). */
    YOY_CHANGE_PCT,
    /** An index level; only ratios between index values are meaningful. */
    INDEX
}
