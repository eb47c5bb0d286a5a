package org.policytracker.catalogue;

import org.policytracker.system.Bilingual;
import org.policytracker.system.Lang;
import org.policytracker.system.Numbers;
import org.policytracker.system.Vocabulary;

/**
 * How a target and a value read, made once on the server from the vocabulary's templates ({@code goal.*},
 * {@code unit.*} in ui/i18n) and returned with every target ({@code wording}) and indicator
 * ({@code valuePattern}): the web app shows these words as they come, and every report writes the same
 * ones. "≥ 12 亿千瓦（2030年）", "比2020年下降18%（2025年）", "≥ 12 × 100 million kW by 2030".
 */
public final class TargetWording {

    private TargetWording() {
    }

    /** The target's condition with its deadline, in both languages. */
    public static Bilingual of(Target target) {
        return Bilingual.of(lang -> of(target, lang));
    }

    /** How a value of the indicator reads, "{value} 亿千瓦" / "{value} × 100 million kW", in both languages. */
    public static Bilingual valuePattern(Indicator indicator) {
        return Bilingual.of(lang -> pattern(lang, unit(indicator, lang)));
    }

    /** A level of the indicator with its unit: "12 亿千瓦", "20%", "12 × 100 million kW". */
    public static String withUnit(Lang lang, double value, String unit) {
        return pattern(lang, unit).replace("{value}", Numbers.format(value));
    }

    /** A level with its unit, with exactly {@code decimals} decimals, as the statistic is published. */
    public static String withUnit(Lang lang, double value, String unit, int decimals) {
        return pattern(lang, unit).replace("{value}", Numbers.format(value, decimals));
    }

    /**
     * The decimals a value of the indicator is shown with: its published precision for a level (or for
     * the form it is published in), two for a change against a base year and for anything else.
     */
    public static int decimals(Indicator indicator, boolean changeScale) {
        return changeScale || indicator.precision == null ? 2 : indicator.precision;
    }

    /**
     * The unit of the target's value, which is not always the indicator's: "%（比2020年累计变化）" for a change
     * against a base year (−18 = 18 % below), "%/年" for an average growth; the indicator's unit otherwise; null
     * for a kind without a value (direction, relative, milestone).
     */
    public static Bilingual targetUnit(Target target) {
        return switch (target.kind) {
            case DIRECTION, RELATIVE, MILESTONE -> null;
            case CHANGE_VS_BASE -> Bilingual.of(lang -> w(lang, "unit.change", "base",
                    target.baseYear != null ? target.baseYear : target.baselineYear));
            case AVERAGE_GROWTH -> Bilingual.of(lang -> w(lang, "unit.perYear"));
            default -> Bilingual.of(lang -> unit(target.indicator, lang));
        };
    }

    /** The indicator's unit in a language; empty for none. */
    public static String unit(Indicator indicator, Lang lang) {
        String unit = lang.zh() ? indicator.unit : indicator.unitEn;
        return unit == null ? "" : unit;
    }

    /**
     * The pattern of a value with a unit: the unit right after the number when it starts with "%", after a
     * "×" when it starts with a number ("100 million kW": the value is a multiple of it), else after a space.
     */
    static String pattern(Lang lang, String unit) {
        if (unit == null || unit.isBlank()) {
            return "{value}";
        }
        String key = unit.startsWith("%") ? "unit.attached"
                : Character.isDigit(unit.charAt(0)) ? "unit.multiple"
                        : "unit.spaced";
        return Vocabulary.word(lang, key).replace("{unit}", unit);
    }

    static String of(Target target, Lang lang) {
        String wording = goal(target, lang);
        // 力争 (strive to): the source's own verb, kept: the target is aspirational.
        return target.quote != null && target.quote.contains("力争") ? w(lang, "goal.strive", "goal", wording) : wording;
    }

    /** Whether the source states the change with 以上 ("下降65%以上": 65 % or more). */
    private static boolean saysOrMore(Target target, double v) {
        return target.quote != null && target.quote.replaceAll("\\s", "")
                .contains((v < 0 ? "下降" : "增长") + Numbers.format(Math.abs(v)) + "%以上");
    }

    private static String goal(Target target, Lang lang) {
        Double v = target.targetValue;
        String unit = unit(target.indicator, lang);
        String value = v == null ? "" : withUnit(lang, v, unit);
        String by = target.targetDate != null ? w(lang, "goal.by.date", "date", target.targetDate)
                : w(lang, "goal.by.year", "year", target.targetYear);
        Integer base = target.baseYear != null ? target.baseYear : target.baselineYear;
        return switch (target.kind) {
            case LEVEL_AT_LEAST, COUNT -> v == null ? w(lang, "goal.atLeastUnstated", "by", by)
                    : w(lang, "goal.atLeast", "value", value, "by", by);
            case LEVEL_AT_MOST -> v == null ? w(lang, "goal.atMostUnstated", "by", by)
                    : w(lang, "goal.atMost", "value", value, "by", by);
            case LEVEL_ABOUT -> target.tolerance == null || target.tolerance == 0
                    ? w(lang, "goal.about", "value", value, "by", by)
                    : w(lang, "goal.aboutWithTolerance", "value", value, "tol", Numbers.format(target.tolerance),
                            "by", by);
            case CHANGE_VS_BASE -> w(lang, (v != null && v < 0 ? "goal.changeDown" : "goal.changeUp")
                    + (v != null && saysOrMore(target, v) ? "OrMore" : ""), "base", base,
                    "pct", v == null ? "?" : Numbers.format(Math.abs(v)), "by", by);
            case AVERAGE_GROWTH -> {
                boolean about = target.tolerance != null && target.tolerance > 0;
                boolean down = v != null && v < 0;
                String key = (down ? "goal.fall" : "goal.growth") + (about ? "About" : "");
                yield w(lang, key, "pct", v == null ? "?" : Numbers.format(Math.abs(v)), "from",
                        base == null ? target.targetYear : base + 1, "to", target.targetYear);
            }
            case DIRECTION -> target.reading == null ? w(lang, "goal.direction." + up(target), "by", by)
                    : w(lang, "goal.direction.term", "term", target.reading.term(lang.zh()), "by", by);
            case RELATIVE -> w(lang, "goal.relative." + up(target), "other", target.relatedIndicator == null
                    ? Vocabulary.word(lang, "goal.relative.unnamed")
                    : lang.zh() ? target.relatedIndicator.nameZh : target.relatedIndicator.nameEn, "by", by);
            case COVERAGE -> v != null && v >= 100 ? w(lang, "goal.fullCoverage", "by", by)
                    : w(lang, "goal.coverage", "value", v == null ? "?" : Numbers.format(v) + "%", "by", by);
            case MAINTAIN -> v == null ? w(lang, "goal.maintain", "by", by)
                    : w(lang, "goal.maintainValue", "value", value, "by", by);
            case MILESTONE -> target.targetDate != null
                    ? w(lang, "goal.milestone.date", "date", target.targetDate)
                    : w(lang, "goal.milestone.year", "year", target.targetYear);
        };
    }

    private static String up(Target target) {
        return target.direction == Direction.DOWN ? "DOWN" : "UP";
    }

    private static String w(Lang lang, String key, Object... pairs) {
        return Vocabulary.word(lang, key, pairs);
    }
}
