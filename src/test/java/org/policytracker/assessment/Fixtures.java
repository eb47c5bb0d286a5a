package org.policytracker.assessment;

import java.time.LocalDate;
import java.util.List;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ValueType;
import org.policytracker.catalogue.WordReading;

/** Targets, inputs and helpers shared by the engine's tests. */
final class Fixtures {

    /** The thresholds of docs/ASSESSMENT.md, as configuration would supply them. */
    static final Thresholds THRESHOLDS = new Thresholds(0.95, 0.6);

    private Fixtures() {
    }

    static LocalDate endOf(int year) {
        return LocalDate.of(year, 12, 31);
    }

    static TargetSpec level(TargetKind kind, int targetYear, Double target, Integer baselineYear, Double baseline,
            Direction favourable) {
        return new TargetSpec(kind, targetYear, null, target, null, null, favourable, null, baselineYear, baseline,
                ValueType.AMOUNT);
    }

    static TargetSpec atLeast(int targetYear, double target, int baselineYear, double baseline) {
        return level(TargetKind.LEVEL_AT_LEAST, targetYear, target, baselineYear, baseline, Direction.UP);
    }

    static TargetSpec about(int targetYear, double target, double tolerance, int baselineYear, double baseline,
            Direction favourable) {
        return new TargetSpec(TargetKind.LEVEL_ABOUT, targetYear, null, target, tolerance, null, favourable, null,
                baselineYear, baseline, ValueType.SHARE);
    }

    static TargetSpec change(int targetYear, double target, int baseYear, int baselineYear, double baseline) {
        return new TargetSpec(TargetKind.CHANGE_VS_BASE, targetYear, null, target, null, null, Direction.DOWN, baseYear,
                baselineYear, baseline, ValueType.AMOUNT);
    }

    static TargetSpec growth(int targetYear, double target, Double tolerance, int baseYear, Double baseline) {
        return new TargetSpec(TargetKind.AVERAGE_GROWTH, targetYear, null, target, tolerance, null, Direction.UP,
                baseYear, baseYear, baseline, ValueType.AMOUNT);
    }

    static TargetSpec direction(int targetYear, Direction direction, Integer baselineYear, Double baseline) {
        return new TargetSpec(TargetKind.DIRECTION, targetYear, null, null, null, direction, direction, null,
                baselineYear, baseline, ValueType.AMOUNT);
    }

    /** A direction target whose wording the catalogue reads (大幅下降: a fall of at least 13.5 %, then the analyst). */
    static TargetSpec direction(int targetYear, Direction direction, Integer baselineYear, Double baseline,
            WordReading reading) {
        return new TargetSpec(TargetKind.DIRECTION, targetYear, null, null, null, direction, direction, null,
                baselineYear, baseline, ValueType.AMOUNT, 2, null, null, reading);
    }

    /** A level to reach and keep that the text does not state, whose wording the catalogue reads (较高水平). */
    static TargetSpec maintain(int targetYear, int baselineYear, double baseline, WordReading reading) {
        return new TargetSpec(TargetKind.MAINTAIN, targetYear, null, null, null, null, Direction.UP, null,
                baselineYear, baseline, ValueType.SCORE, 2, null, null, reading);
    }

    static TargetSpec maintain(int targetYear, Double target, int baselineYear, double baseline) {
        return new TargetSpec(TargetKind.MAINTAIN, targetYear, null, target, null, null, Direction.UP, null,
                baselineYear, baseline, ValueType.SCORE);
    }

    static TargetSpec relative(int targetYear, Direction direction, Integer baselineYear) {
        return new TargetSpec(TargetKind.RELATIVE, targetYear, null, null, null, direction, Direction.UP, null,
                baselineYear, null, ValueType.RATE);
    }

    static TargetSpec milestone(int targetYear, LocalDate targetDate) {
        return new TargetSpec(TargetKind.MILESTONE, targetYear, targetDate, null, null, null, null, null, null, null,
                ValueType.STATE);
    }

    static Assessment assess(TargetSpec spec, List<DataPoint> points, LocalDate asOf) {
        return AssessmentEngine.assess(AssessmentInput.of(spec, points, asOf), THRESHOLDS);
    }

    /**
     * The level at year {@code t} that makes the pace ratio exactly {@code ratio}, for a target from
     * ({@code b}, {@code vb}) to ({@code targetYear}, {@code target}) under the geometric method.
     */
    static double levelForRatio(int b, double vb, int targetYear, double target, int t, double ratio) {
        double required = Math.pow(target / vb, 1.0 / (targetYear - b)) - 1;
        return vb * Math.pow(1 + ratio * required, t - b);
    }
}
