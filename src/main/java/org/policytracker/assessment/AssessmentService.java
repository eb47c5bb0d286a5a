package org.policytracker.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.milestone.MilestoneUpdate;
import org.policytracker.observation.ObservationForm;
import org.policytracker.observation.Period;
import org.policytracker.system.TrackerConfig;

/**
 * Assesses targets from what was known at a time: three queries whatever the number of targets or
 * values (targets with their indicators, the values of those indicators, milestone states), then
 * the pure {@link AssessmentEngine} per target.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssessmentService {

    /** One target and its assessment as of a date, from what was recorded by a time. */
    public record TargetAssessment(Target target, Assessment assessment) {
    }

    private final EntityManager em;
    private final Thresholds thresholds;

    AssessmentService(EntityManager em, TrackerConfig config) {
        this.em = em;
        this.thresholds = new Thresholds(config.assessment().onTrack(), config.assessment().atRisk());
    }

    public List<TargetAssessment> assess(List<Target> targets, LocalDate asOf, OffsetDateTime knownAt) {
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
        Map<Long, List<DataPoint>> points = points(indicatorIds, asOf, knownAt);
        Map<Long, MilestoneInput> milestones = milestones(milestoneIds, knownAt);
        return targets.stream().map(t -> new TargetAssessment(t, AssessmentEngine.assess(new AssessmentInput(
                spec(t),
                points.getOrDefault(t.indicator.id, List.of()),
                t.relatedIndicator == null ? List.of() : points.getOrDefault(t.relatedIndicator.id, List.of()),
                milestones.get(t.id),
                asOf), thresholds))).toList();
    }

    static TargetSpec spec(Target t) {
        return new TargetSpec(t.kind, t.targetYear, t.targetDate, t.targetValue, t.tolerance, t.direction,
                t.indicator.favourableDirection, t.baseYear, t.baselineYear, t.baselineValue, t.indicator.valueType);
    }

    /** The values of the indicators known at {@code knownAt} for periods ending by {@code asOf}. */
    private Map<Long, List<DataPoint>> points(Set<Long> indicatorIds, LocalDate asOf, OffsetDateTime knownAt) {
        List<Object[]> rows = em.createQuery("select v.indicatorId, v.period, v.value, v.form"
                + " from ObservationVintage v where v.indicatorId in :ids and v.periodEnd <= :asOf"
                + " and v.recordedAt <= :knownAt and (v.supersededAt is null or v.supersededAt > :knownAt)",
                Object[].class)
                .setParameter("ids", indicatorIds).setParameter("asOf", asOf).setParameter("knownAt", knownAt)
                .getResultList();
        Map<Long, List<DataPoint>> byIndicator = new HashMap<>();
        for (Object[] row : rows) {
            int year = Period.parse((String) row[1]).orElseThrow().year();
            byIndicator.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(new DataPoint(year, (Double) row[2], (ObservationForm) row[3]));
        }
        return byIndicator;
    }

    /** The latest milestone state recorded by {@code knownAt}, per target. */
    private Map<Long, MilestoneInput> milestones(List<Long> targetIds, OffsetDateTime knownAt) {
        Map<Long, MilestoneInput> states = new HashMap<>();
        if (targetIds.isEmpty()) {
            return states;
        }
        List<MilestoneUpdate> updates = MilestoneUpdate.list(
                "targetId in ?1 and recordedAt <= ?2 order by targetId, seq", targetIds, knownAt);
        updates.forEach(u -> states.put(u.targetId, new MilestoneInput(u.state, u.date)));
        return states;
    }
}
