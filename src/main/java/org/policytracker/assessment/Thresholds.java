package org.policytracker.assessment;

/**
 * The pace-ratio thresholds of the method (docs/ASSESSMENT.md), supplied by the caller from configuration (the usual
 * values are 0.95 and 0.6). {@code atRisk} must be positive so that standing still (R = 0) or moving
 * away from the target (R < 0) is always {@link Status#OFF_TRACK}.
 *
 * @param onTrack R at or above this is {@link Status#ON_TRACK}
 * @param atRisk  R at or above this (and below {@code onTrack}) is {@link Status#AT_RISK}; below it
 *                {@link Status#OFF_TRACK}
 */
public record Thresholds(double onTrack, double atRisk) {

    public Thresholds {
        if (!Double.isFinite(onTrack) || !Double.isFinite(atRisk) || atRisk <= 0 || atRisk > onTrack) {
            throw new IllegalArgumentException(
                    "thresholds need 0 < atRisk <= onTrack, got onTrack=" + onTrack + ", atRisk=" + atRisk);
        }
    }

    /**
     * The status for a pace ratio; a ratio that cannot be computed (null) counts as
     * {@link Status#OFF_TRACK}. A ratio equal to a threshold up to floating-point noise counts as
     * reaching it.
     */
    Status classify(Double ratio) {
        if (ratio == null || !Goal.atLeast(ratio, atRisk)) {
            return Status.OFF_TRACK;
        }
        return Goal.atLeast(ratio, onTrack) ? Status.ON_TRACK : Status.AT_RISK;
    }
}
