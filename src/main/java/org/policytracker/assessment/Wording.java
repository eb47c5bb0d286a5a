package org.policytracker.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.WordReading;
import org.policytracker.system.Numbers;

/**
 * The sentences of the explanations, in Chinese and English. Rates are written with two decimals
 * (3.89 %), projected changes with one (11.0 %), observed and projected levels with the decimals their
 * indicator is published with (as the app and the reports show them), target values as the document
 * states them (up to two decimals, four below 1).
 */
final class Wording {

    private Wording() {
    }

    static Explanation of(String zh, String en) {
        return new Explanation(zh, en);
    }

    // ------------------------------------------------------------------ numbers

    /** A level, written as the app and the reports write numbers ({@link Numbers}). */
    static String num(double value) {
        return Numbers.format(value);
    }

    /** A level of the track: with the indicator's published decimals when known. */
    static String level(Track track, double value) {
        return track.decimals() == null ? num(value) : Numbers.format(value, track.decimals());
    }

    /** The size of a percentage, with the given decimals. */
    static String pct(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value));
    }

    /** A pace ratio: up to three decimals, so that 0.949 and 0.951 read differently. */
    static String ratio(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String years(List<Integer> years, String separator) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(separator));
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ------------------------------------------------------------------ pieces

    /** A value: "为19.8" / "19.8"; on the change scale "比2020年下降4.57%" / "4.57 % below 2020". */
    static Explanation phrase(Track track, double value) {
        if (track.basis() == ValueBasis.LEVEL) {
            return of("为" + level(track, value), level(track, value));
        }
        double change = track.report(value);
        return of("比" + track.originYear() + "年" + (change < 0 ? "下降" : "增长") + pct(change, 2) + "%",
                pct(change, 2) + " % " + (change < 0 ? "below " : "above ") + track.originYear());
    }

    /** A published bound: "25以上" / "at least 25", "25以下" / "at most 25". */
    static Explanation bound(DataPoint bound) {
        boolean least = bound.qualifier() == Qualifier.AT_LEAST;
        return of(num(bound.value()) + (least ? "以上" : "以下"), (least ? "at least " : "at most ") + num(bound.value()));
    }

    /** "2024年公布为25以上，已达到目标（不低于24.1）；该数值为界限值，不用于计算速度和预测。" */
    static Explanation achievedByBound(DataPoint bound, Explanation goal) {
        Explanation b = bound(bound);
        return of(bound.year() + "年公布为" + b.zh() + "，已达到目标（" + goal.zh() + "）；该数值为界限值，不用于计算速度和预测。",
                "In " + bound.year() + " the value was published as " + b.en() + ", which meets the target ("
                        + goal.en() + "); a bound is not used for rates or projections.");
    }

    /** Said when the latest figure is a bound that proves nothing, so the verdict rests on earlier values. */
    static Explanation boundNotUsed(DataPoint bound) {
        Explanation b = bound(bound);
        return of(bound.year() + "年公布为" + b.zh() + "（界限值），不足以判断目标，也不用于计算速度和预测。",
                "The " + bound.year() + " figure was published as " + b.en()
                        + " (a bound): it does not settle the target and is not used for rates or projections.");
    }

    /** "2024年为19.8" / "in 2024 the value was 19.8". */
    static Explanation valueAt(Track track, int year, double value) {
        Explanation phrase = phrase(track, value);
        return of(year + "年" + phrase.zh(), "in " + year + " the value was " + phrase.en());
    }

    /** The condition: "不低于12" / "at least 12", "20左右，不低于19.5", "比2020年下降18%". */
    static Explanation goal(TargetSpec spec, Goal goal, Track track) {
        boolean up = goal.better() == Direction.UP;
        boolean about = spec.toleranceOrZero() > 0;
        double target = spec.targetValue();
        if (spec.kind() == TargetKind.CHANGE_VS_BASE) {
            double edge = up ? target - spec.toleranceOrZero() : target + spec.toleranceOrZero();
            String zh = "比" + track.originYear() + "年" + (target < 0 ? "下降" : "增长") + num(Math.abs(target)) + "%";
            String en = num(Math.abs(target)) + " % " + (target < 0 ? "below " : "above ") + track.originYear();
            return about
                    ? of(zh + "左右，至少" + (up ? "增长" : "下降") + num(Math.abs(edge)) + "%",
                            "about " + en + ", at least " + num(Math.abs(edge)) + " % " + (up ? "above" : "below"))
                    : of(zh, en);
        }
        String zhBound = (up ? "不低于" : "不高于") + num(goal.edge());
        String enBound = (up ? "at least " : "at most ") + num(goal.edge());
        return about
                ? of(num(target) + "左右，" + zhBound, "about " + num(target) + ", " + enBound)
                : of(zhBound, enBound);
    }

    /** "按此速度2025年将达到9.74。" / "at this pace the value in 2025 will be 9.74." */
    static Explanation atThisPace(Track track, int targetYear, double projected) {
        Explanation projection = projection(track, targetYear, projected);
        return of("按此速度" + projection.zh() + "。", "at this pace " + projection.en() + ".");
    }

    /** What the value will be in the target year at the observed pace. */
    private static Explanation projection(Track track, int targetYear, double projected) {
        if (track.basis() == ValueBasis.LEVEL) {
            return of(targetYear + "年将达到" + level(track, projected),
                    "the value in " + targetYear + " will be " + level(track, projected));
        }
        double change = track.report(projected);
        return of(targetYear + "年将比" + track.originYear() + "年" + (change < 0 ? "下降" : "增长") + pct(change, 1) + "%",
                targetYear + " will be " + pct(change, 1) + " % " + (change < 0 ? "below " : "above ")
                        + track.originYear());
    }

    // ------------------------------------------------------------------ sentences

    static Explanation achieved(Explanation value, Explanation goal) {
        return of(value.zh() + "，已达到目标（" + goal.zh() + "）。",
                capitalise(value.en()) + ", which meets the target (" + goal.en() + ").");
    }

    static Explanation missed(int year, Explanation phrase, Explanation goal) {
        return of("目标年" + year + "年" + phrase.zh() + "，未达到目标（" + goal.zh() + "）。",
                "In " + year + ", the deadline year, the value was " + phrase.en() + ", which misses the target ("
                        + goal.en() + ").");
    }

    static Explanation fellBack(int baselineYear, Explanation value, Explanation goal) {
        return of("基期" + baselineYear + "年已达到目标（" + goal.zh() + "），但" + value.zh() + "，已不再达标。",
                "The " + baselineYear + " baseline already met the target (" + goal.en() + "), but " + value.en()
                        + ", which no longer meets it.");
    }

    static Explanation maintained(Explanation value, Explanation goal, int targetYear) {
        return of(value.zh() + "，达到目标水平（" + goal.zh() + "），需保持至" + targetYear + "年。",
                capitalise(value.en()) + ", at the target level (" + goal.en() + "); it must be kept until "
                        + targetYear + ".");
    }

    /** Said after the pace when the projection meets the target although the ratio is below the on-track threshold. */
    static Explanation projectionMeetsGoal(Explanation goal, Double ratio, double onTrack) {
        String r = ratio == null ? null : ratio(ratio);
        String t = ratio(onTrack);
        return of("预计值落在目标范围内（" + goal.zh() + "），因此判为“进展顺利”"
                + (r == null ? "" : "，尽管速度比" + r + "低于" + t) + "。",
                "The projection falls within the target (" + goal.en() + "), so it is on track"
                        + (r == null ? "" : " although the pace ratio, " + r + ", is below " + t) + ".");
    }

    /** A level to reach and keep (达到并保持) that was reached and then not kept. */
    static Explanation notKept(int firstMet, int slippedIn, Explanation goal, int targetYear, boolean deadline) {
        return of(firstMet + "年达到目标（" + goal.zh() + "），但" + slippedIn + "年又回落到目标以下；目标要求达到后保持至"
                + targetYear + "年，" + (deadline ? "未能实现。" : "已无法实现。"),
                "The target (" + goal.en() + ") was reached in " + firstMet
                        + " but not kept: the value was below it in "
                        + slippedIn + ", and the target asks for it to be kept until " + targetYear + (deadline
                                ? ", so it was missed."
                                : ", which can no longer be made good."));
    }

    /** "依据有限（…；…），该判断把握较低。" */
    static Explanation lowConfidence(List<Explanation> reasons) {
        return of("依据有限（" + reasons.stream().map(Explanation::zh).collect(Collectors.joining("；"))
                + "），该判断把握较低。",
                "The evidence is thin ("
                        + reasons.stream().map(Explanation::en).collect(Collectors.joining("; "))
                        + "), so this verdict is of low confidence.");
    }

    static Explanation singleObservation() {
        return of("这是唯一的观测值，没有基期，不计算速度。",
                "It is the only value and there is no baseline, so no pace is computed.");
    }

    // ------------------------------------------------------------------ direction targets and their wording

    /** "2025年为8000，较基期2020年的6617.2上升20.90%。" / "In 2025 the value was 8000, up 20.90 % from 6617.2 in 2020." */
    static Explanation directionMove(Track track, int year, double value, Double change) {
        Explanation at = valueAt(track, year, value);
        if (track.basis() != ValueBasis.LEVEL) {
            return of(at.zh() + "。", capitalise(at.en()) + ".");
        }
        String from = level(track, track.baselineValue());
        int b = track.baselineYear();
        if (change == null || compareChange(change) == 0) {
            return of(at.zh() + "，与基期" + b + "年的" + from + "持平。",
                    capitalise(at.en()) + ", unchanged from " + from + " in " + b + ".");
        }
        boolean rose = change > 0;
        return of(at.zh() + "，较基期" + b + "年的" + from + (rose ? "上升" : "下降") + pct(change, 2) + "%。",
                capitalise(at.en()) + ", " + (rose ? "up " : "down ") + pct(change, 2) + " % from " + from + " in " + b
                        + ".");
    }

    private static int compareChange(double change) {
        return Goal.compare(change, 0);
    }

    /**
     * How the wording is read: "编目将“大幅下降”解读为比2020年下降至少13.5%。" / "The catalogue reads “fall substantially”
     * as a fall of at least 13.5 % from 2020."; without a reading the direction alone.
     */
    static Explanation directionRead(WordReading reading, boolean up, int baselineYear) {
        if (reading == null) {
            return of("目标方向为" + (up ? "上升" : "下降") + "。", "The target direction is " + (up ? "up." : "down."));
        }
        String zh = "编目将“" + reading.term() + "”解读为";
        String en = "The catalogue reads “" + reading.term(false) + "” as ";
        if (reading.minimumChange() == 0) {
            return of(zh + "整个期间" + (up ? "上升" : "下降") + "（不设幅度）。",
                    en + "any " + (up ? "rise" : "fall") + " over the whole period.");
        }
        Explanation minimum = directionMinimum(up, reading.minimumChange(), baselineYear);
        return of(zh + minimum.zh() + "。", en + "a " + (up ? "rise" : "fall") + " of " + minimum.en() + ".");
    }

    /** A level to reach and keep whose wording needs judgement: "编目将“较高水平”解读为：不低于2020年水平是必要条件。" */
    static Explanation maintainRead(WordReading reading, boolean up, int baselineYear) {
        return of("编目将“" + reading.term() + "”解读为：" + (up ? "不低于" : "不高于") + baselineYear + "年水平是必要条件。",
                "The catalogue reads “" + reading.term(false) + "” as needing a level at or " + (up ? "above" : "below")
                        + " the " + baselineYear + " one, which is necessary, not sufficient.");
    }

    /** "比2020年下降至少13.5%" / "at least 13.5 % from 2020". */
    static Explanation directionMinimum(boolean up, double minimum, int baselineYear) {
        return of("比" + baselineYear + "年" + (up ? "上升" : "下降") + "至少" + num(minimum) + "%",
                "at least " + num(minimum) + " % from " + baselineYear);
    }

    /** The verdict in the target year: missed (the wrong way, or short of the minimum), achieved, or for the analyst. */
    static Explanation directionEnd(WordReading reading, boolean rightWay, boolean reached, boolean up,
            double minimum) {
        if (!rightWay) {
            return of("未实现。", "So it was missed.");
        }
        if (!reached) {
            return of("变化不足" + num(minimum) + "%，未实现。",
                    "The " + (up ? "rise" : "fall") + " is less than " + num(minimum) + " %, so it was missed.");
        }
        if (reading != null && reading.needsJudgement()) {
            return of((minimum > 0 ? "达到了至少" + num(minimum) + "%的下限；" : "") + "是否称得上“" + reading.term()
                    + "”，需分析师判断，计算结果不作结论。",
                    (minimum > 0 ? "That meets the " + num(minimum) + " % minimum; whether" : "Whether") + " it is “"
                            + reading.term(false) + "” is for the analyst to judge, and the computation draws no "
                            + "conclusion.");
        }
        return of("已实现。", "So it was achieved.");
    }

    /** Before the target year, a move the right way (and a minimum reached) does not settle a direction target. */
    static Explanation directionNotYet(int targetYear, boolean minimumReached) {
        return of((minimumReached ? "已达到下限，但" : "") + "方向目标按整个期间判断，" + targetYear + "年之前的变化不能证明目标已实现。",
                (minimumReached ? "The minimum is reached, but a" : "A") + " direction target is judged over the whole "
                        + "period: a move before " + targetYear + " does not settle it.");
    }

    /** "届时是否称得上“大幅下降”，需分析师判断。" */
    static Explanation judgementAtDeadline(WordReading reading, int targetYear) {
        return of("到" + targetYear + "年是否称得上“" + reading.term() + "”，需分析师判断。",
                "Whether the change by " + targetYear + " is “" + reading.term(false)
                        + "” will be for the analyst to judge.");
    }

    /** "需年均下降3.89%，实际年均下降2.31%（速度比0.59），按此速度2025年将比2020年下降11.0%。" */
    static Explanation pace(Pace pace, Track track, int targetYear) {
        Explanation projection = projection(track, targetYear, pace.projected());
        String zhRatio = pace.ratio() == null ? "" : "速度比" + ratio(pace.ratio());
        String enRatio = pace.ratio() == null ? "" : "pace ratio " + ratio(pace.ratio());
        if (!pace.linear()) {
            return of("需年均" + zhRate(pace.required()) + "%，实际年均" + zhRate(pace.observed()) + "%"
                    + (zhRatio.isEmpty() ? "" : "（" + zhRatio + "）") + "，按此速度" + projection.zh() + "。",
                    "Needs " + enRate(pace.required()) + " % a year; achieved " + enRate(pace.observed()) + " % a year"
                            + (enRatio.isEmpty() ? "" : " (" + enRatio + ")") + "; at this pace " + projection.en()
                            + ".");
        }
        String zhNote = (zhRatio.isEmpty() ? "" : zhRatio + "；") + "数值含零或负数，按线性速度计算";
        String enNote = (enRatio.isEmpty() ? "" : enRatio + "; ") + "linear, as the values include zero or negatives";
        return of("需年均" + zhStep(pace.required()) + "，实际年均" + zhStep(pace.observed()) + "（" + zhNote
                + "），按此速度" + projection.zh() + "。",
                "Needs " + enStep(pace.required()) + " a year; achieved " + enStep(pace.observed()) + " a year ("
                        + enNote + "); at this pace " + projection.en() + ".");
    }

    /**
     * A share's pace in percentage points: "需年均提高0.47个百分点，实际年均提高0.30个百分点（速度比0.64），按此速度2025年将达到19.5。"
     * The ratio is the method's (of the annual rates); the words are the points analysts speak of.
     */
    static Explanation pointsPace(double required, double observed, Pace pace, Track track, int targetYear) {
        Explanation projection = projection(track, targetYear, pace.projected());
        String zhRatio = pace.ratio() == null ? "" : "（速度比" + ratio(pace.ratio()) + "）";
        String enRatio = pace.ratio() == null ? "" : " (pace ratio " + ratio(pace.ratio()) + ")";
        return of("需年均" + zhPoints(required) + "，实际年均" + zhPoints(observed) + zhRatio + "，按此速度"
                + projection.zh() + "。",
                "Needs " + enPoints(required) + " a year; achieved " + enPoints(observed) + " a year" + enRatio
                        + "; at this pace " + projection.en() + ".");
    }

    private static String zhPoints(double points) {
        return (points < 0 ? "降低" : "提高") + pct(points, 2) + "个百分点";
    }

    private static String enPoints(double points) {
        return (points < 0 ? "a fall of " : "a rise of ") + pct(points, 2) + " percentage points";
    }

    /**
     * The first part of an average-growth sentence: "目标年均增长8%左右（年均增速不低于7.5%），2021–2022年实际年均增长6.00%（速度比0.75），"
     * / "The target is a rise of about 8 % a year (at least 7.5 %); achieved a rise of 6.00 % a year over
     * 2021–2022 (pace ratio 0.75); ".
     */
    static Explanation growth(TargetSpec spec, Goal goal, double observed, Double ratio, String period) {
        double target = spec.targetValue();
        boolean about = spec.toleranceOrZero() > 0;
        boolean up = goal.better() == Direction.UP;
        String size = num(Math.abs(target));
        String edge = num(goal.edge());
        String zhTarget = "目标年均" + (target < 0 ? "下降" : "增长") + size + "%"
                + (about ? "左右（年均增速" + (up ? "不低于" : "不高于") + edge + "%）" : "");
        String enTarget = "The target is " + (target < 0 ? "a fall of " : "a rise of ") + (about ? "about " : "")
                + size + " % a year" + (about ? " (" + (up ? "at least " : "at most ") + edge + " %)" : "");
        String zhRatio = ratio == null ? "" : "（速度比" + ratio(ratio) + "）";
        String enRatio = ratio == null ? "" : " (pace ratio " + ratio(ratio) + ")";
        return of(zhTarget + "，" + period + "年实际年均" + zhRate(observed) + "%" + zhRatio + "，",
                enTarget + "; achieved " + enRate(observed) + " % a year over " + period + enRatio + "; ");
    }

    static String zhRate(double percent) {
        return (percent < 0 ? "下降" : "增长") + pct(percent, 2);
    }

    static String enRate(double percent) {
        return (percent < 0 ? "a fall of " : "a rise of ") + pct(percent, 2);
    }

    private static String zhStep(double step) {
        return (step < 0 ? "减少" : "增加") + num(Math.abs(step));
    }

    private static String enStep(double step) {
        return (step < 0 ? "a decrease of " : "an increase of ") + num(Math.abs(step));
    }

    /** Which year is missing from the chain (or could not be linked), or null when the chain is whole. */
    static Explanation gap(Chain chain) {
        int reached = chain.reachedYear();
        if (!chain.missingYears().isEmpty()) {
            return of("缺少" + years(chain.missingYears(), "、") + "年数据，链式计算止于" + reached + "年。",
                    "Data for " + years(chain.missingYears(), ", ")
                            + (chain.missingYears().size() == 1 ? " is" : " are")
                            + " missing, so the chain stops at " + reached + ".");
        }
        if (chain.unlinkedYear() != null) {
            return of(chain.unlinkedYear() + "年的数据无法与此前的数据衔接，链式计算止于" + reached + "年。",
                    "The " + chain.unlinkedYear() + " data cannot be linked to earlier values, so the chain stops at "
                            + reached + ".");
        }
        return null;
    }

    /**
     * A past deadline the chain cannot reach: "2025年的期限已过，但缺少2023年数据，无法接续到2025年，不能判断目标是否实现。"
     */
    static Explanation pastDeadlineGap(int targetYear, List<Integer> missing, boolean several) {
        String zhYears = years(missing, "、");
        String enYears = years(missing, ", ");
        return of("目标年" + targetYear + "年已过，但缺少" + zhYears + "年数据，数值无法接续到" + targetYear + "年，不能判断目标是否实现"
                + (several ? "；缺少不止一年，没有单独一年的数值可以决定结果" : "") + "。",
                "The " + targetYear + " deadline has passed, but " + enYears + (missing.size() == 1 ? " is" : " are")
                        + " missing, so the series cannot be carried to " + targetYear
                        + " and whether the target was met cannot be said"
                        + (several ? "; with more than one year missing, no single year's value decides it" : "")
                        + ".");
    }

    /** "若2023年比上年下降至少1.20%，目标即已实现；该序列观测到的年变化在−5.60%至−0.10%之间，所需变化在此范围之内。" */
    static Explanation gapNeed(int year, Explanation requirement, double[] range, Double change, Boolean within) {
        String zh = "若" + year + "年" + requirement.zh() + "，目标即已实现";
        String en = "The target was met if in " + year + " " + requirement.en();
        if (within != null) {
            String lo = Gaps.signed(range[0]);
            String hi = Gaps.signed(range[1]);
            String implied = Gaps.signed(change);
            boolean below = !within && change < range[0];
            zh += "；该序列观测到的年变化在" + lo + "%至" + hi + "%之间，所需的" + implied + "%"
                    + (within ? "在此范围之内" : below ? "低于此范围" : "高于此范围");
            en += "; the series' observed yearly changes range from " + lo + " % to " + hi + " %, and the "
                    + implied + " % needed is " + (within ? "within" : below ? "below" : "above") + " that range";
        }
        return of(zh + "。", en + ".");
    }

    // ------------------------------------------------------------------ no data

    static Explanation noTargetValue() {
        return of("目标没有目标值，无法评估。", "The target has no target value, so it cannot be assessed.");
    }

    static Explanation noObservations() {
        return of("尚无观测数据。", "No observations yet.");
    }

    static Explanation noLevel(Integer fromYear) {
        return fromYear == null
                ? of("没有可作为基期的水平值（需要基期值或水平观测值）。",
                        "No level to serve as the baseline (a baseline value or an observed level is needed).")
                : of("没有可作为基期的水平值（需要基期值，或" + fromYear + "年及以后的水平观测值）。",
                        "No level to serve as the baseline (a baseline value or a level observed from " + fromYear
                                + " on is needed).");
    }

    static Explanation targetNotAfterBaseline(int targetYear, int baselineYear) {
        return of("目标年" + targetYear + "年不晚于基期" + baselineYear + "年，无法评估。",
                "The target year " + targetYear + " is not after the baseline year " + baselineYear
                        + ", so the target cannot be assessed.");
    }

    static Explanation onlyBaselineObservation(int year) {
        return of("仅有" + year + "年的观测值，作为基期，还需要之后年份的观测值。",
                "Only the " + year + " observation, which serves as the baseline; a later one is needed.");
    }

    static Explanation nothingAfter(int baselineYear) {
        return of("尚无" + baselineYear + "年之后的观测数据。", "No observation after " + baselineYear + " yet.");
    }

    // ------------------------------------------------------------------ which release of a figure

    /** "初步核算数" / "preliminary"; null when not stated. */
    private static Explanation release(Publication publication) {
        if (publication == null) {
            return null;
        }
        return switch (publication) {
            case PRELIMINARY -> of("初步核算数", "preliminary");
            case FINAL -> of("最终核实数", "final");
            case ESTIMATED -> of("估计数", "estimated");
        };
    }

    /**
     * Said when an observation of the baseline year is the baseline: "基准值采用录入的2020年数据15.9（最终核实数），
     * 目录基准值为15.8，相差+0.1。" / "The baseline is the entered 2020 figure, 15.9 (final), not the
     * catalogue's 15.8 (+0.1)."
     */
    static Explanation baselineFromObservation(Assessment.PeriodValue baseline, double catalogue, Integer decimals) {
        double observed = baseline.value();
        String o = decimals == null ? num(observed) : Numbers.format(observed, decimals);
        String c = decimals == null ? num(catalogue) : Numbers.format(catalogue, decimals);
        Explanation r = release(baseline.publication());
        String zh = "基准值采用录入的" + baseline.period() + "年数据" + o + (r == null ? "" : "（" + r.zh() + "）");
        String en = "The baseline is the entered " + baseline.period() + " figure, " + o
                + (r == null ? "" : " (" + r.en() + ")");
        if (o.equals(c)) {
            return of(zh + "，与目录基准值相同。", en + ", the same as the catalogue's.");
        }
        double difference = observed - catalogue;
        String d = (difference > 0 ? "+" : "−")
                + (decimals == null ? num(Math.abs(difference)) : Numbers.format(Math.abs(difference), decimals));
        return of(zh + "，目录基准值为" + c + "，相差" + d + "。",
                en + ", not the catalogue's " + c + " (" + d + ").");
    }

    /** Said when the latest figure is preliminary or estimated: the verdict may change with the final figure. */
    static Explanation provisional(Assessment.PeriodValue latest) {
        if (latest.publication() == Publication.PRELIMINARY) {
            return of(latest.period() + "年数据为初步核算数，最终核实后可能变化。", "The " + latest.period()
                    + " figure is preliminary and may change when the final figure is published.");
        }
        return of(latest.period() + "年数据为估计数，并非公布数据。",
                "The " + latest.period() + " figure is an estimate, not a published figure.");
    }

    // ------------------------------------------------------------------ series bases

    /** "按“扣除原料用能和非化石能源消费量后”口径：…" / "On the basis “…”: …": an answer, naming the definition it uses. */
    static Explanation onBasis(Basis basis, Explanation answer) {
        return of("按“" + basis.nameZh() + "”口径：" + answer.zh(),
                "On the basis “" + basis.nameEn() + "”: " + answer.en());
    }

    /** Said when the series changed basis after the baseline and the new basis has no link to the baseline year. */
    static Explanation unlinked(Basis baselineBasis, Basis next, int anchorYear) {
        return of(next.fromYear() + "年起统计口径改为“" + next.nameZh() + "”，与" + anchorYear + "年基期的“"
                + baselineBasis.nameZh() + "”口径不可连乘；新口径尚无" + anchorYear + "年的衔接数据（新口径的" + anchorYear
                + "年水平值或指数），新口径数据未用于评估。",
                "From " + next.fromYear() + " the statistic is on the basis “" + next.nameEn()
                        + "”, which cannot be chained with the " + anchorYear + " baseline's (“"
                        + baselineBasis.nameEn()
                        + "”); the new basis has no link to " + anchorYear + " (a " + anchorYear
                        + " level or index on it), so its values are not used.");
    }
}
