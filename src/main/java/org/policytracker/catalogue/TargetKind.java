package org.policytracker.catalogue;

/**
 * What a target says, as worded in the source documents. See docs/SEED-FORMAT.md for the wording
 * each kind stands for and how its target value is read.
 */
public enum TargetKind {

    /** 达到 X / X 以上 / 超过 X. */
    LEVEL_AT_LEAST,
    /** X 左右: met within the target's tolerance. */
    LEVEL_ABOUT,
    /** 不超过 X. */
    LEVEL_AT_MOST,
    /** 比 2020 年下降 18%: a signed cumulative percent change against the base year. */
    CHANGE_VS_BASE,
    /** 年均增长 8% 左右: an average annual growth rate from the base year. */
    AVERAGE_GROWTH,
    /** 进一步提升 / 稳中有降: only the direction of movement from the baseline. */
    DIRECTION,
    /** 高于全球平均增速: compared with another indicator's series. */
    RELATIVE,
    /** 全覆盖 / 覆盖率达到 50%: the percent of units covered. */
    COVERAGE,
    /** 达到 4 万人: a count in the indicator's unit. */
    COUNT,
    /** 达到并保持较高水平: reach a level and keep it. */
    MAINTAIN,
    /** 达到峰值 / 一年内完成: a qualitative milestone whose state analysts set. */
    MILESTONE;

    /** Whether the kind needs a numeric target value. */
    public boolean needsTargetValue() {
        return switch (this) {
            case DIRECTION, RELATIVE, MAINTAIN, MILESTONE -> false;
            default -> true;
        };
    }

    /**
     * Whether a target of this kind has its baseline as a level in the indicator's unit (a change against
     * the base year has a percent or an index, a comparison or milestone none): what the plausibility rule
     * of entered values may compare with.
     */
    public boolean baselineIsLevel() {
        return switch (this) {
            case CHANGE_VS_BASE, RELATIVE, MILESTONE -> false;
            default -> true;
        };
    }

    /**
     * Whether a target of this kind has its target value as a level in the indicator's unit (达到 4 万人,
     * 25% 左右), not a change or a growth rate.
     */
    public boolean targetIsLevel() {
        return switch (this) {
            case LEVEL_AT_LEAST, LEVEL_ABOUT, LEVEL_AT_MOST, COUNT, COVERAGE -> true;
            default -> false;
        };
    }
}
