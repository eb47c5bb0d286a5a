package org.policytracker.assessment;

import org.policytracker.assessment.Assessment.Explanation;

/**
 * When a target was first met on its track, and whether a later value fell short again
 * (docs/ASSESSMENT.md, "Met, then slipped"): a share that reached 13.1 % against 13 % and fell to 12.9 % the
 * next year says both. The baseline counts: a target met at its baseline was first met then.
 *
 * @param firstMet  the first year whose value met the goal; null when none has
 * @param slippedIn the first year after {@code firstMet} whose value fell short; null when none has
 * @param metNow    whether the latest value meets the goal
 */
record TrackRecord(Integer firstMet, Integer slippedIn, boolean metNow) {

    static TrackRecord of(Track track, Goal goal) {
        Chain chain = track.chain();
        Integer first = null;
        Integer slipped = null;
        boolean met = false;
        for (int year = chain.startYear(); year <= chain.reachedYear(); year++) {
            if (!chain.has(year)) {
                continue;
            }
            met = goal.isMetBy(chain.value(year));
            if (met && first == null) {
                first = year;
            } else if (!met && first != null && slipped == null) {
                slipped = year;
            }
        }
        return new TrackRecord(first, slipped, met);
    }

    /** "2023年首次达到目标，2024年又回落到目标以下。"; null when the target has not slipped. */
    Explanation said(Goal goal, TargetSpec spec) {
        if (slippedIn == null) {
            return null;
        }
        return metNow
                ? Wording.of(firstMet + "年首次达到目标，" + slippedIn + "年曾回落到目标以下。",
                        "It was first met in " + firstMet + " and fell below it again in " + slippedIn + ".")
                : Wording.of(firstMet + "年首次达到目标，" + slippedIn + "年又回落到目标以下。",
                        "It was met in " + firstMet + ", and below it again in " + slippedIn + ".");
    }
}
