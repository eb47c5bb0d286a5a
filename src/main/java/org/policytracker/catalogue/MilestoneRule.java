package org.policytracker.catalogue;

/**
 * How a milestone's indicator values can decide it (docs/ASSESSMENT.md, "Milestones that data decide"),
 * curated on the target in seed-data ({@code decidedBy}); the analyst's state stays recorded beside.
 */
public enum MilestoneRule {
    /**
     * 达到峰值 (and 稳中有降, 峰值平台期): the highest annual level, confirmed once the values of at least
     * two later years all stay below it.
     */
    PEAK
}
