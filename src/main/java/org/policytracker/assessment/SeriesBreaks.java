package org.policytracker.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policytracker.assessment.Assessment.Break;
import org.policytracker.assessment.Assessment.Explanation;
import org.policytracker.catalogue.ObservationForm;

/**
 * Assessment of an indicator whose statistic changed definition (docs/ASSESSMENT.md, "Series bases and
 * breaks"). Values on two bases are never chained:
 * <ol>
 *   <li>each point is on its basis (the one stated, else the one in force in its year);</li>
 *   <li>the baseline's basis is the one in force in the baseline year (the base year when there is
 *       none); the answer on it uses only its points;</li>
 *   <li>each later basis with points after the baseline year is a break ({@link Break}); it is <b>linked</b> when it has a value
 *       of the baseline year (a level, or the index its later indices are relative to), and then gives an
 *       answer of its own from its points alone;</li>
 *   <li>when the latest basis is linked, its answer comes first and the baseline basis's follows, each
 *       naming its definition; when it is not, the answer is the baseline basis's, and says that the new
 *       basis's values are not used.</li>
 * </ol>
 */
final class SeriesBreaks {

    private SeriesBreaks() {
    }

    static Assessment assess(AssessmentInput input, Thresholds thresholds) {
        TargetSpec spec = input.spec();
        List<Basis> bases = input.bases();
        Map<String, List<DataPoint>> byBasis = new LinkedHashMap<>();
        bases.forEach(b -> byBasis.put(b.code(), new ArrayList<>()));
        Integer earliest = null;
        for (DataPoint p : input.points()) {
            Basis stated = p.basis() == null ? null : Basis.of(bases, p.basis());
            Basis basis = stated != null ? stated : Basis.at(bases, p.year());
            byBasis.get(basis.code()).add(p.onBasis(basis.code()));
            earliest = earliest == null ? p.year() : Math.min(earliest, p.year());
        }
        Integer anchor = spec.baselineYear() != null ? spec.baselineYear() : spec.baseYear();
        if (anchor == null) {
            anchor = earliest;
        }
        if (anchor == null) {
            return AssessmentEngine.onOneBasis(input, thresholds, true);
        }
        int anchorYear = anchor;
        Basis first = Basis.at(bases, anchorYear);
        Assessment main = AssessmentEngine.onOneBasis(input.withPoints(byBasis.get(first.code())), thresholds, true);

        List<Break> breaks = new ArrayList<>();
        Basis latest = null;
        Assessment latestAnswer = null;
        for (Basis next : bases.subList(bases.indexOf(first) + 1, bases.size())) {
            List<DataPoint> points = byBasis.get(next.code()).stream().filter(p -> counts(p, input)).toList();
            if (points.stream().noneMatch(p -> p.year() > anchorYear)) {
                continue; // nothing after the baseline on it yet (at most its link): no break to speak of
            }
            boolean linked = points.stream().anyMatch(p -> p.year() == anchorYear && !p.isSubAnnual()
                    && !p.qualifier().isBound()
                    && (p.form() == ObservationForm.LEVEL || p.form() == ObservationForm.INDEX));
            breaks.add(new Break(String.valueOf(next.fromYear()), first.code(), next.code(), linked));
            latest = next;
            latestAnswer = linked ? AssessmentEngine.onOneBasis(input.withPoints(points), thresholds, false) : null;
        }
        if (latest == null) {
            return main.onBasis(first.code(), List.of(), List.of(), main.explanation());
        }
        if (latestAnswer == null) {
            return main.onBasis(first.code(), breaks, List.of(),
                    main.explanation().then(Wording.unlinked(first, latest, anchorYear)));
        }
        Explanation current = Wording.onBasis(latest, latestAnswer.explanation());
        Explanation baseline = Wording.onBasis(first, main.explanation());
        List<Assessment> answers = List.of(latestAnswer.onBasis(latest.code(), List.of(), List.of(), current),
                main.onBasis(first.code(), List.of(), List.of(), baseline));
        return latestAnswer.onBasis(latest.code(), breaks, answers, current.then(baseline));
    }

    /** A point counts when its period has ended by the as-of date and it is not after the target year. */
    private static boolean counts(DataPoint p, AssessmentInput input) {
        return !p.periodEnd().isAfter(input.asOf()) && p.year() <= input.spec().targetYear();
    }
}
