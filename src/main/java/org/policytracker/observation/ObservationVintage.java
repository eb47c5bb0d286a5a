package org.policytracker.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.policytracker.system.Snapshot;

/**
 * One figure an observation has had: published figures get revised (non-fossil share 2020: first
 * 15.9 %, later 16.0 %), and every revision is kept with its source and time. The current figure is the
 * vintage with no {@code supersededAt}. Written by {@link ObservationStore} only.
 */
@Entity
@Immutable
@Table(name = "observation_vintage")
public class ObservationVintage extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "indicator_id")
    public Long indicatorId;

    public String period;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Embedded
    public Figure figure;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "superseded_by")
    public String supersededBy;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    /**
     * What was known at a time: the figure of each period of these indicators that had been recorded by
     * {@code snapshot.knownAt()} and not yet superseded then, for periods ending by {@code snapshot.asOf()}.
     * The one query of it: assessments, the dashboard and the reports all read their values here, so a
     * report made later with the same snapshot has the same content.
     */
    public static List<ObservationVintage> known(Collection<Long> indicatorIds, Snapshot snapshot) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return list("indicatorId in ?1 and periodEnd <= ?2 and recordedAt <= ?3"
                + " and (supersededAt is null or supersededAt > ?3) order by indicatorId, periodEnd, period",
                indicatorIds, snapshot.asOf(), snapshot.knownAt());
    }

    /** Every vintage of one observation (a period on a series basis; null: one definition), newest first. */
    public static List<ObservationVintage> history(Long indicatorId, String period, String basis) {
        return basis == null
                ? list("indicatorId = ?1 and period = ?2 and figure.basis is null order by recordedAt desc, id desc",
                        indicatorId, period)
                : list("indicatorId = ?1 and period = ?2 and figure.basis = ?3 order by recordedAt desc, id desc",
                        indicatorId, period, basis);
    }

    /** Every vintage of an indicator's observations, newest first. */
    public static List<ObservationVintage> history(Long indicatorId) {
        return list("indicatorId = ?1 order by recordedAt desc, id desc", indicatorId);
    }
}
