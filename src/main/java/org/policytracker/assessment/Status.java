package org.policytracker.assessment;

/** The verdict on a target, decided in the order of docs/ASSESSMENT.md (the first that applies wins). */
public enum Status {
    /** The condition is met (for deadline-bound kinds: met in the deadline year). */
    ACHIEVED,
    /** Moving fast enough: pace ratio R at or above {@link Thresholds#onTrack()}. */
    ON_TRACK,
    /** Moving towards the target, but too slowly: {@link Thresholds#atRisk()} ≤ R < {@link Thresholds#onTrack()}. */
    AT_RISK,
    /** Much too slow, standing still or moving away: R below {@link Thresholds#atRisk()}, including R < 0. */
    OFF_TRACK,
    /** The deadline has been observed (or, for milestones, has passed) and the condition is not met. */
    MISSED,
    /** Nothing to judge yet: no observation after the baseline, or no milestone state. */
    NO_DATA
}
