package org.policytracker.assessment;

import java.time.LocalDate;
import java.util.Objects;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.Measure;
import org.policytracker.catalogue.MilestoneRule;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ValueType;
import org.policytracker.catalogue.WordReading;

/**
 * What a target says, as values (see docs/SEED-FORMAT.md for each field).
 *
 * @param kind                what the target says
 * @param targetYear          the deadline year
 * @param targetDate          an exact deadline where the text gives one (milestones); null means the
 *                            end of {@code targetYear}
 * @param targetValue         in the indicator's unit; signed percent for CHANGE_VS_BASE (−18 for
 *                            下降18%); percent per year for AVERAGE_GROWTH; null where the kind needs none
 * @param tolerance           for 左右 targets: how far on the unfavourable side of the target value still
 *                            counts as met (in the target value's unit); null means none
 * @param direction           DIRECTION and RELATIVE targets: UP (rise / be above) or DOWN
 * @param favourableDirection the indicator's favourable direction; decides "better" for LEVEL_ABOUT
 *                            and MAINTAIN
 * @param baseYear            CHANGE_VS_BASE and AVERAGE_GROWTH: the year the change is measured from
 * @param baselineYear        the year of the baseline value
 * @param baselineValue       the baseline; for CHANGE_VS_BASE the signed cumulative percent change from
 *                            {@code baseYear} to {@code baselineYear} (−48.4 for 2020 against 2005)
 * @param valueType           the indicator's value type (informative; not used in the arithmetic)
 * @param precision           the decimals the indicator is published with; null when not known
 * @param measure             what the indicator's value measures over time (STOCK, FLOW, RATE): what a
 *                            month's or a quarter's value says about the year; null when not known
 * @param decidedBy           for a milestone its indicator's values decide: how (PEAK); null otherwise
 * @param reading             for a direction target with qualitative wording (大幅下降): how it is read (the
 *                            least change over the period, whether an analyst must still judge); null means any
 *                            move the right way over the period
 */
public record TargetSpec(
        TargetKind kind,
        int targetYear,
        LocalDate targetDate,
        Double targetValue,
        Double tolerance,
        Direction direction,
        Direction favourableDirection,
        Integer baseYear,
        Integer baselineYear,
        Double baselineValue,
        ValueType valueType,
        Integer precision,
        Measure measure,
        MilestoneRule decidedBy,
        WordReading reading) {

    /** A target whose wording the catalogue does not read (no qualitative word). */
    public TargetSpec(TargetKind kind, int targetYear, LocalDate targetDate, Double targetValue, Double tolerance,
            Direction direction, Direction favourableDirection, Integer baseYear, Integer baselineYear,
            Double baselineValue, ValueType valueType, Integer precision, Measure measure, MilestoneRule decidedBy) {
        this(kind, targetYear, targetDate, targetValue, tolerance, direction, favourableDirection, baseYear,
                baselineYear, baselineValue, valueType, precision, measure, decidedBy, null);
    }

    /** A target that no indicator's values decide as a milestone. */
    public TargetSpec(TargetKind kind, int targetYear, LocalDate targetDate, Double targetValue, Double tolerance,
            Direction direction, Direction favourableDirection, Integer baseYear, Integer baselineYear,
            Double baselineValue, ValueType valueType, Integer precision, Measure measure) {
        this(kind, targetYear, targetDate, targetValue, tolerance, direction, favourableDirection, baseYear,
                baselineYear, baselineValue, valueType, precision, measure, null);
    }

    /** A target whose indicator does not say what it measures over time: a month proves nothing early. */
    public TargetSpec(TargetKind kind, int targetYear, LocalDate targetDate, Double targetValue, Double tolerance,
            Direction direction, Direction favourableDirection, Integer baseYear, Integer baselineYear,
            Double baselineValue, ValueType valueType, Integer precision) {
        this(kind, targetYear, targetDate, targetValue, tolerance, direction, favourableDirection, baseYear,
                baselineYear, baselineValue, valueType, precision, null, null);
    }

    /** A target whose indicator's published precision is not known: levels are written with up to two decimals. */
    public TargetSpec(TargetKind kind, int targetYear, LocalDate targetDate, Double targetValue, Double tolerance,
            Direction direction, Direction favourableDirection, Integer baseYear, Integer baselineYear,
            Double baselineValue, ValueType valueType) {
        this(kind, targetYear, targetDate, targetValue, tolerance, direction, favourableDirection, baseYear,
                baselineYear, baselineValue, valueType, null, null);
    }

    public TargetSpec {
        Objects.requireNonNull(kind, "kind");
        requireFinite("targetValue", targetValue);
        requireFinite("baselineValue", baselineValue);
        requireFinite("tolerance", tolerance);
        if (tolerance != null && tolerance < 0) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
    }

    /** The last day on which the target can still be met. */
    public LocalDate deadline() {
        return targetDate != null ? targetDate : LocalDate.of(targetYear, 12, 31);
    }

    double toleranceOrZero() {
        return tolerance == null ? 0 : tolerance;
    }

    private static void requireFinite(String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " is not a finite number: " + value);
        }
    }
}
