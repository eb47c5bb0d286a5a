package org.policytracker.assessment;

import java.util.List;
import java.util.NavigableMap;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.PeriodValue;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.ValueType;

/**
 * RELATIVE targets (服务出口增速高于全球平均增速): the indicator's series against the related one,
 * both compared as published LEVEL values (for rate indicators: the rates themselves), over the years
 * both have after the baseline year (all years when the target has none) up to the target year.
 *
 * <p>"Ahead" means the arithmetic mean of the own values is above the related mean (below, for
 * direction DOWN); equal is not ahead. Target year observed in both: ACHIEVED when ahead on average,
 * else MISSED. Before: ON_TRACK when ahead on average and in the latest common year; AT_RISK when
 * ahead on only one of the two; OFF_TRACK when on neither. NO_DATA when there is no common year.
 */
final class RelativeAssessor {

    private RelativeAssessor() {
    }

    static Assessment assess(AssessmentInput input) {
        TargetSpec spec = input.spec();
        Integer from = spec.baselineYear() != null ? spec.baselineYear() : spec.baseYear();
        NavigableMap<Integer, Double> own = series(input.points(), input, from);
        NavigableMap<Integer, Double> related = series(input.relatedPoints(), input, from);
        List<Integer> common = own.keySet().stream().filter(related::containsKey).toList();
        Draft draft = Draft.of(spec, input.asOf());
        draft.basis = ValueBasis.LEVEL;
        if (spec.baselineYear() != null && spec.baselineValue() != null) {
            draft.baseline = PeriodValue.of(spec.baselineYear(), spec.baselineValue());
        }
        if (common.isEmpty()) {
            String after = from == null ? "" : from + "年之后";
            return draft.build(Status.NO_DATA, Wording.of("两个序列尚无" + after + "的共同年份数据。",
                    "The two series have no year in common" + (from == null ? "" : " after " + from) + " yet."));
        }
        double ownMean = common.stream().mapToDouble(own::get).average().orElseThrow();
        double relatedMean = common.stream().mapToDouble(related::get).average().orElseThrow();
        int last = common.get(common.size() - 1);
        int sign = Goal.orElse(spec.direction(), Direction.UP) == Direction.UP ? 1 : -1;
        boolean aheadOnAverage = sign * Goal.compare(ownMean, relatedMean) > 0;
        boolean aheadLast = sign * Goal.compare(own.get(last), related.get(last)) > 0;
        draft.latest = PeriodValue.of(last, own.get(last));
        draft.observedRate = ownMean;
        draft.requiredRate = relatedMean;
        Status status;
        if (last == spec.targetYear()) {
            status = aheadOnAverage ? Status.ACHIEVED : Status.MISSED;
        } else if (aheadOnAverage == aheadLast) {
            status = aheadOnAverage ? Status.ON_TRACK : Status.OFF_TRACK;
        } else {
            status = Status.AT_RISK;
        }
        return draft.build(status, explain(spec, common, ownMean, relatedMean, own.get(last), related.get(last)));
    }

    private static NavigableMap<Integer, Double> series(List<DataPoint> points, AssessmentInput input, Integer from) {
        NavigableMap<Integer, Double> levels = Observations.of(points, input.asOf(), input.spec().targetYear())
                .series(ObservationForm.LEVEL);
        return from == null ? levels : levels.tailMap(from, false);
    }

    private static Explanation explain(TargetSpec spec, List<Integer> years, double ownMean, double relatedMean,
            double ownLast, double relatedLast) {
        boolean percent = spec.valueType() == null || spec.valueType() == ValueType.RATE
                || spec.valueType() == ValueType.SHARE;
        String unit = percent ? "%" : "";
        String enUnit = percent ? " %" : "";
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        String period = first == last ? String.valueOf(first) : first + "–" + last;
        String zhCount = years.size() == last - first + 1 ? "" : "（" + years.size() + "个共同年份）";
        String enCount = years.size() == last - first + 1 ? "" : " (" + years.size() + " common years)";
        double gap = ownMean - relatedMean;
        boolean up = Goal.orElse(spec.direction(), Direction.UP) == Direction.UP;
        String zhGap = Goal.compare(ownMean, relatedMean) == 0 ? "持平"
                : (gap > 0 ? "高出" : "低于") + Wording.num(Math.abs(gap)) + (percent ? "个百分点" : "");
        String enGap = Goal.compare(ownMean, relatedMean) == 0 ? "level with it"
                : Wording.num(Math.abs(gap)) + (percent ? " points " : " ") + (gap > 0 ? "above" : "below");
        return Wording.of(
                period + "年" + zhCount + "平均" + Wording.num(ownMean) + unit + "，对比指标平均" + Wording.num(relatedMean)
                        + unit + "，" + zhGap + "；" + last + "年为" + Wording.num(ownLast) + unit + "对"
                        + Wording.num(relatedLast) + unit + "。目标为" + (up ? "高于" : "低于") + "对比指标。",
                "Averaging " + Wording.num(ownMean) + enUnit + " over " + period + enCount + " against "
                        + Wording.num(relatedMean) + enUnit + " for the compared series, " + enGap + "; in " + last
                        + ", " + Wording.num(ownLast) + enUnit + " against " + Wording.num(relatedLast) + enUnit
                        + ". The target is to be " + (up ? "above" : "below") + " it.");
    }
}
