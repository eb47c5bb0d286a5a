package org.policytracker.assessment;

import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;

/**
 * The condition a value must meet, on a track's scale.
 *
 * @param target the target value itself (the rate required is computed towards it)
 * @param edge   the least favourable value that still meets the target (target minus tolerance, on
 *               the unfavourable side)
 * @param better UP: values at or above {@code edge} meet the target; DOWN: at or below
 */
record Goal(double target, double edge, Direction better) {

    /** Relative slack for comparing computed values with a bound (against floating-point noise). */
    private static final double EPSILON = 1e-9;

    /**
     * The goal of a target with a value. "Better" is up for LEVEL_AT_LEAST, COVERAGE, COUNT; down for
     * LEVEL_AT_MOST; the favourable direction for LEVEL_ABOUT and MAINTAIN (when the indicator has
     * none: the way from the baseline to the target, else up); for CHANGE_VS_BASE the sign of the
     * target (−18 = a fall of at least 18 %), on the chained index scale.
     */
    static Goal of(TargetSpec spec, double baselineValue) {
        double target = spec.targetValue();
        double tolerance = spec.toleranceOrZero();
        Direction better = switch (spec.kind()) {
            case LEVEL_AT_MOST -> Direction.DOWN;
            case LEVEL_ABOUT, MAINTAIN -> orElse(spec.favourableDirection(),
                    spec.kind() == TargetKind.LEVEL_ABOUT && baselineValue > target ? Direction.DOWN : Direction.UP);
            case CHANGE_VS_BASE, AVERAGE_GROWTH -> target < 0 ? Direction.DOWN
                    : target > 0 ? Direction.UP : orElse(spec.favourableDirection(), Direction.UP);
            default -> Direction.UP;
        };
        double edge = better == Direction.UP ? target - tolerance : target + tolerance;
        return spec.kind() == TargetKind.CHANGE_VS_BASE
                ? new Goal(1 + target / 100, 1 + edge / 100, better)
                : new Goal(target, edge, better);
    }

    boolean isMetBy(double value) {
        return better == Direction.UP ? atLeast(value, edge) : atLeast(-value, -edge);
    }

    /** Whether {@code value} ≥ {@code bound}, allowing for floating-point noise. */
    static boolean atLeast(double value, double bound) {
        return value >= bound - EPSILON * Math.max(1, Math.abs(bound));
    }

    /** −1, 0 or 1 as {@code value} is below, equal to (within noise) or above {@code reference}. */
    static int compare(double value, double reference) {
        if (atLeast(value, reference) && atLeast(reference, value)) {
            return 0;
        }
        return value > reference ? 1 : -1;
    }

    static Direction orElse(Direction direction, Direction fallback) {
        return direction != null ? direction : fallback;
    }
}
