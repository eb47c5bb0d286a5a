package org.policytracker.assessment;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.PeriodValue;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.Measure;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.TargetKind;

/**
 * Monthly and quarterly values beside an annual target (docs/ASSESSMENT.md, "Months, quarters and year to
 * date"). Annual targets are assessed on annual values; the latest level of a month or a quarter after the
 * latest annual value is the <b>latest indication</b>, shown beside the verdict ({@code latestIndication})
 * and said in its explanation. It decides the status only where it proves the target met:
 * <ul>
 *   <li>a <b>stock</b> (a level at a point in time) whose level at the end of a month or quarter meets the
 *       goal, either way: it reached the target then, as a year-end level would have;</li>
 *   <li>a <b>flow</b> (a sum over the period) whose sum for part of the year, a year-to-date figure above
 *       all, meets an "at least" goal: the year's sum can only be larger (a flow is never negative).</li>
 * </ul>
 * A rate or share of part of a year says nothing certain about the year's, and nothing proves a ceiling
 * kept, a change against a base year or a level maintained, before the year is over.
 */
final class SubAnnual {

    /** The kinds a month can prove met: a level to reach. */
    private static final Set<TargetKind> PROVABLE = EnumSet.of(TargetKind.LEVEL_AT_LEAST, TargetKind.LEVEL_ABOUT,
            TargetKind.LEVEL_AT_MOST, TargetKind.COVERAGE, TargetKind.COUNT);

    private SubAnnual() {
    }

    /** The annual answer with the latest indication beside it; ACHIEVED where that proves the target met. */
    static Assessment apply(Assessment annual, AssessmentInput input) {
        TargetSpec spec = input.spec();
        if (spec.kind() == TargetKind.MILESTONE) {
            return annual;
        }
        Integer annualYear = annual.latest() == null ? null
                : Integer.valueOf(annual.latest().period().substring(0, 4));
        DataPoint latest = input.points().stream()
                .filter(p -> p.isSubAnnual() && p.form() == ObservationForm.LEVEL)
                .filter(p -> !p.periodEnd().isAfter(input.asOf()) && p.year() <= spec.targetYear())
                .filter(p -> annualYear == null || p.year() > annualYear)
                .max(Comparator.comparing(DataPoint::periodEnd))
                .orElse(null);
        if (latest == null) {
            return annual;
        }
        PeriodValue shown = PeriodValue.of(latest);
        if (annual.status() != Status.ACHIEVED && proves(spec, latest)) {
            Goal goal = goal(spec);
            Draft draft = Draft.of(spec, input.asOf());
            draft.basis = Assessment.ValueBasis.LEVEL;
            draft.baseline = annual.baseline();
            draft.latest = shown;
            return draft.build(Status.ACHIEVED, proven(spec, latest, Wording.goal(spec, goal, null)))
                    .withIndication(shown, null);
        }
        return annual.withIndication(shown, shownBeside(spec, latest));
    }

    /** Whether the part-year level proves the goal met (see the class comment). */
    static boolean proves(TargetSpec spec, DataPoint point) {
        if (!PROVABLE.contains(spec.kind()) || spec.targetValue() == null || spec.measure() == null) {
            return false;
        }
        Goal goal = goal(spec);
        boolean up = goal.better() == Direction.UP;
        double v = point.value();
        return switch (spec.measure()) {
            case STOCK -> up ? point.qualifier() != Qualifier.AT_MOST && Goal.atLeast(v, goal.edge())
                    : point.qualifier() != Qualifier.AT_LEAST && Goal.atLeast(-v, -goal.edge());
            case FLOW -> up && point.qualifier() != Qualifier.AT_MOST && v >= 0 && Goal.atLeast(v, goal.edge());
            case RATE -> false;
        };
    }

    private static Goal goal(TargetSpec spec) {
        return Goal.of(spec, spec.baselineValue() != null ? spec.baselineValue() : spec.targetValue());
    }

    // ------------------------------------------------------------------ words

    /** "截至2025年7月底为12.06，已达到目标（不低于12）；…" */
    private static Explanation proven(TargetSpec spec, DataPoint point, Explanation goal) {
        Explanation when = when(point, spec.measure());
        String value = value(point);
        if (spec.measure() == Measure.FLOW) {
            return Wording.of(when.zh() + "为" + value + "，全年合计不会低于此数，已达到目标（" + goal.zh()
                    + "）；全年数据公布后以全年数据为准。",
                    Wording.capitalise(when.en()) + " the sum was " + value + ", so the year's total is at least that, "
                            + "which meets the target (" + goal.en() + "); the year's own figure will replace it "
                            + "once published.");
        }
        return Wording.of(when.zh() + "为" + value + "，已达到目标（" + goal.zh() + "）；这是" + kind(point).zh()
                + "数据，全年数据公布后以全年数据为准。",
                Wording.capitalise(when.en()) + " the value was " + value + ", which meets the target (" + goal.en()
                        + "); a " + kind(point).en() + " figure, until the year's is published.");
    }

    /** "最新数据：2025年1–11月累计为9800（…不参与年度评估）。" */
    private static Explanation shownBeside(TargetSpec spec, DataPoint point) {
        Explanation when = when(point, spec.measure());
        String value = value(point);
        return Wording.of("最新" + kind(point).zh() + "数据：" + when.zh() + "为" + value + "（年内数据，不参与年度评估）。",
                "Latest " + kind(point).en() + " indication: " + when.en() + ", " + value
                        + " (part of a year, not used in the annual assessment).");
    }

    private static String value(DataPoint point) {
        String number = Wording.num(point.value());
        return switch (point.qualifier()) {
            case AT_LEAST -> number + "以上";
            case AT_MOST -> number + "以下";
            case ABOUT -> "约" + number;
            case EXACT -> number;
        };
    }

    /** 月度 / monthly, 季度 / quarterly. */
    private static Explanation kind(DataPoint point) {
        return quarter(point) > 0 ? Wording.of("季度", "quarterly") : Wording.of("月度", "monthly");
    }

    /**
     * When the value is for: "截至2025年7月底" / "at the end of July 2025" (a stock's level), "2025年1–11月累计" /
     * "from January to November 2025" (year to date), "2025年7月" / "in July 2025" (the part alone).
     */
    static Explanation when(DataPoint point, Measure measure) {
        int year = point.year();
        int q = quarter(point);
        boolean ytd = point.part().ytd();
        if (q > 0) {
            String[] zhNumber = {"", "一", "二", "三", "四"};
            if (ytd && q > 1) {
                return Wording.of(year + "年前" + zhNumber[q] + "季度累计", "in the first " + q + " quarters of " + year);
            }
            if (measure == Measure.STOCK) {
                return Wording.of("截至" + year + "年" + zhNumber[q] + "季度末", "at the end of Q" + q + " " + year);
            }
            return Wording.of(year + "年" + zhNumber[q] + "季度", "in Q" + q + " " + year);
        }
        int month = point.periodEnd().getMonthValue();
        String en = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (ytd && month > 1) {
            return Wording.of(year + "年1–" + month + "月累计", "from January to " + en + " " + year);
        }
        if (measure == Measure.STOCK) {
            return Wording.of("截至" + year + "年" + month + "月底", "at the end of " + en + " " + year);
        }
        return Wording.of(year + "年" + month + "月", "in " + en + " " + year);
    }

    /** The quarter (1–4) of a quarterly point, 0 for a month. */
    private static int quarter(DataPoint point) {
        String period = point.part().period();
        int q = period.indexOf('Q');
        return q < 0 ? 0 : Character.getNumericValue(period.charAt(q + 1));
    }
}
