package org.policytracker.catalogue;

/**
 * How exactly a published figure states its value: as the value itself, or as a bound or an
 * approximation, the way offices publish "森林覆盖率超过25%" or "约1.6万亿元".
 *
 * <p>
 * A bound can prove a target met (more than 25 % meets "at least 24.1 %") but is never used as a level:
 * not for rates, projections or chains (docs/ASSESSMENT.md, "Bounds and approximations").
 */
public enum Qualifier {

    /** The value itself (the default). */
    EXACT,
    /** At least / more than the value: 超过, 突破, 以上. */
    AT_LEAST,
    /** At most / less than the value: 不到, 以下. */
    AT_MOST,
    /** About the value: 约, 左右 in a published figure; used as the value, and shown as approximate. */
    ABOUT;

    /** Whether the figure only bounds the value (and so is never used as a level). */
    public boolean isBound() {
        return this == AT_LEAST || this == AT_MOST;
    }
}
