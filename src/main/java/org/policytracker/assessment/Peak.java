package org.policytracker.assessment;

import java.util.Map;
import java.util.NavigableMap;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.PeriodValue;
import org.policytracker.catalogue.ObservationForm;

/**
 * A peak milestone decided by its indicator's annual levels (docs/ASSESSMENT.md, "Milestones that data
 * decide"): the peak is the highest level so far; it is <b>confirmed</b> once the values of at least
 * {@value #CONFIRMING_YEARS} later years all stay below it (稳中有降), <b>observed, not confirmed</b> while fewer
 * do, and <b>not yet observed</b> while the latest value is the highest. ACHIEVED when a confirmed peak is in
 * or before the target year; MISSED when the deadline has passed without one (or it came after the target
 * year); otherwise ON_TRACK while the peak is observed and AT_RISK while it is not. The analyst's state is
 * said beside the verdict, not used for it.
 */
final class Peak {

    /** Later years below the highest level that confirm it as the peak. */
    static final int CONFIRMING_YEARS = 2;

    private Peak() {
    }

    /** The verdict from the levels; null when there are none (the analyst's state decides then). */
    static Assessment assess(AssessmentInput input, Explanation analystState) {
        TargetSpec spec = input.spec();
        Observations obs = Observations.of(input.points(), input.asOf(), Integer.MAX_VALUE);
        NavigableMap<Integer, Double> levels = obs.series(ObservationForm.LEVEL);
        if (levels.isEmpty()) {
            return null;
        }
        Map.Entry<Integer, Double> peak = levels.firstEntry();
        for (Map.Entry<Integer, Double> e : levels.entrySet()) {
            if (e.getValue() > peak.getValue()) {
                peak = e;
            }
        }
        int peakYear = peak.getKey();
        int after = levels.tailMap(peakYear, false).size();
        boolean passed = input.asOf().isAfter(spec.deadline());
        Draft draft = Draft.of(spec, input.asOf());
        draft.basis = Assessment.ValueBasis.LEVEL;
        draft.latest = PeriodValue.of(levels.lastKey(), levels.lastEntry().getValue());
        String value = Wording.num(peak.getValue());
        Status status;
        Explanation why;
        if (after >= CONFIRMING_YEARS) {
            boolean inTime = peakYear <= spec.targetYear();
            status = inTime ? Status.ACHIEVED : Status.MISSED;
            why = Wording.of("数据显示峰值出现在" + peakYear + "年（" + value + "），其后" + after + "年均低于峰值，峰值得到确认"
                    + (inTime ? "。" : "，但晚于" + spec.targetYear() + "年。"),
                    "The data show the peak in " + peakYear + " (" + value + "), and the " + after
                            + " later years are all below it, which confirms it"
                            + (inTime ? "." : ", but after " + spec.targetYear() + "."));
        } else if (after > 0) {
            status = passed ? Status.MISSED : Status.ON_TRACK;
            why = Wording.of(peakYear + "年为目前最高值（" + value + "），其后仅" + after + "年低于该值，峰值尚待确认（需要其后至少"
                    + CONFIRMING_YEARS + "年低于峰值）。",
                    peakYear + " has the highest value so far (" + value + "), and only " + after
                            + " later year is below it: the peak is observed, not confirmed (at least "
                            + CONFIRMING_YEARS + " later years below it are needed).");
        } else {
            status = passed ? Status.MISSED : Status.AT_RISK;
            why = Wording.of("尚未观测到峰值：最新的" + peakYear + "年（" + value + "）为最高值。",
                    "No peak observed yet: the latest year, " + peakYear + " (" + value + "), has the highest value.");
        }
        return draft.build(status, why.then(analystState));
    }
}
