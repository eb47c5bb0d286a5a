package org.policytracker.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one assessment depends on.
 *
 * <p>The caller passes the points known at {@code asOf} (a point counts when its period ends on or
 * before {@code asOf}). The engine ignores, in addition, any point whose period ends after
 * {@code asOf} or lies after the target year, and a milestone DONE dated after {@code asOf}. When
 * one period has several points of the same form, the last in the list wins.
 *
 * @param spec          the target
 * @param points        the indicator's published values, in any order
 * @param relatedPoints RELATIVE targets: the compared indicator's values; empty otherwise
 * @param milestone     MILESTONE targets: the analyst-set state; null when none is recorded
 * @param asOf          the date the assessment is made for
 * @param bases         the indicator's series bases, oldest first; empty when it has one definition
 */
public record AssessmentInput(
        TargetSpec spec,
        List<DataPoint> points,
        List<DataPoint> relatedPoints,
        MilestoneInput milestone,
        LocalDate asOf,
        List<Basis> bases) {

    public AssessmentInput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(asOf, "asOf");
        points = points == null ? List.of() : List.copyOf(points);
        relatedPoints = relatedPoints == null ? List.of() : List.copyOf(relatedPoints);
        bases = bases == null ? List.of() : List.copyOf(bases);
    }

    /** An input for an indicator with one definition. */
    public AssessmentInput(TargetSpec spec, List<DataPoint> points, List<DataPoint> relatedPoints,
            MilestoneInput milestone, LocalDate asOf) {
        this(spec, points, relatedPoints, milestone, asOf, List.of());
    }

    /** The same input with other points of the indicator. */
    AssessmentInput withPoints(List<DataPoint> others) {
        return new AssessmentInput(spec, others, relatedPoints, milestone, asOf, bases);
    }

    /** An input for a target measured by one indicator. */
    public static AssessmentInput of(TargetSpec spec, List<DataPoint> points, LocalDate asOf) {
        return new AssessmentInput(spec, points, List.of(), null, asOf);
    }
}
