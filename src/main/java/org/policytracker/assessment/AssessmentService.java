package org.policytracker.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.milestone.MilestoneUpdate;
import org.policytracker.observation.ObservationVintage;
import org.policytracker.observation.Period;
import org.policytracker.system.Snapshot;
import org.policytracker.system.TrackerConfig;

/**
 * Assesses targets from what a {@link Snapshot} knows: three queries whatever the number of targets or
 * values (targets with their indicators, the values of those indicators, milestone states), then the
 * pure {@link AssessmentEngine} per target.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssessmentService {

    /**
     * One target and its assessment as of a date, from what was recorded by a time, with the analyst's
     * judgement in force then beside it (null when none): never instead of the computed status.
     */
    public record TargetAssessment(Target target, Assessment assessment, JudgementResource.JudgementView judgement) {
    }

    private final Thresholds thresholds;

    AssessmentService(TrackerConfig config) {
        this.thresholds = new Thresholds(config.assessment().onTrack(), config.assessment().atRisk());
    }

    public List<TargetAssessment> assess(List<Target> targets, Snapshot snapshot) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Set<Long> indicatorIds = new HashSet<>();
        List<Long> milestoneIds = new ArrayList<>();
        for (Target t : targets) {
            indicatorIds.add(t.indicator.id);
            if (t.relatedIndicator != null) {
                indicatorIds.add(t.relatedIndicator.id);
            }
            if (t.kind == TargetKind.MILESTONE) {
                milestoneIds.add(t.id);
            }
        }
        Map<Long, List<DataPoint>> points = points(indicatorIds, snapshot);
        Map<Long, MilestoneInput> milestones = milestones(milestoneIds, snapshot);
        Map<String, Judgement> judgements = Judgement.known(targets.stream().map(t -> t.code).toList(), snapshot);
        return targets.stream().map(t -> new TargetAssessment(t, AssessmentEngine.assess(new AssessmentInput(
                spec(t),
                points.getOrDefault(t.indicator.id, List.of()),
                t.relatedIndicator == null ? List.of() : points.getOrDefault(t.relatedIndicator.id, List.of()),
                milestones.get(t.id),
                snapshot.asOf(), bases(t.indicator)), thresholds),
                judgements.containsKey(t.code) ? JudgementResource.JudgementView.of(judgements.get(t.code)) : null))
                .toList();
    }

    /** The indicator's series bases as the engine takes them. */
    static List<Basis> bases(Indicator indicator) {
        return indicator.bases == null ? List.of()
                : indicator.bases.stream()
                        .map(b -> new Basis(b.code(), b.fromYear(), b.nameZh(), b.nameEn())).toList();
    }

    static TargetSpec spec(Target t) {
        return new TargetSpec(t.kind, t.targetYear, t.targetDate, t.targetValue, t.tolerance, t.direction,
                t.indicator.favourableDirection, t.baseYear, t.baselineYear, t.baselineValue, t.indicator.valueType,
                t.indicator.precision, t.indicator.measure, t.decidedBy, t.reading);
    }

    /** The values of the indicators as the snapshot knows them, as the engine takes them. */
    private static Map<Long, List<DataPoint>> points(Set<Long> indicatorIds, Snapshot snapshot) {
        Map<Long, List<DataPoint>> byIndicator = new HashMap<>();
        for (ObservationVintage v : ObservationVintage.known(indicatorIds, snapshot)) {
            Period period = Period.parse(v.period).orElseThrow();
            DataPoint.Part part = period.isSubAnnual() ? new DataPoint.Part(period.iso(), period.end(), v.figure.ytd())
                    : null;
            byIndicator.computeIfAbsent(v.indicatorId, id -> new ArrayList<>())
                    .add(new DataPoint(period.year(), v.figure.value(), v.figure.form(), v.figure.qualifier(),
                            v.figure.publication(), v.figure.basis(), part));
        }
        return byIndicator;
    }

    /** The milestone state in force per target, as the snapshot knows it. */
    private static Map<Long, MilestoneInput> milestones(List<Long> targetIds, Snapshot snapshot) {
        Map<Long, MilestoneInput> states = new HashMap<>();
        MilestoneUpdate.known(targetIds, snapshot)
                .forEach((id, u) -> states.put(id, new MilestoneInput(u.state, u.date)));
        return states;
    }
}
