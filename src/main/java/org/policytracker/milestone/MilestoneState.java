package org.policytracker.milestone;

/** The state of a qualitative milestone, as set by an analyst. */
public enum MilestoneState {
    NOT_STARTED,
    IN_PROGRESS,
    DONE
}
