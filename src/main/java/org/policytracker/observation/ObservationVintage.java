package org.policytracker.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One value an observation has had: published figures get revised (non-fossil share 2020: first
 * 15.9 %, later 16.0 %), and every revision is kept with its source and time. The current value is
 * the vintage with no {@code supersededAt}; the value known at time k is the one recorded at or
 * before k and not superseded by then.
 */
@Entity
@Table(name = "observation_vintage")
public class ObservationVintage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "indicator_id")
    public Long indicatorId;

    public String period;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "obs_value")
    public double value;

    @Enumerated(EnumType.STRING)
    public ObservationForm form;

    public String source;

    public String note;

    @Column(name = "series_break")
    public String seriesBreak;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "superseded_by")
    public String supersededBy;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    static ObservationVintage of(Observation o) {
        ObservationVintage v = new ObservationVintage();
        v.indicatorId = o.indicator.id;
        v.period = o.period;
        v.periodEnd = o.periodEnd;
        v.value = o.value;
        v.form = o.form;
        v.source = o.source;
        v.note = o.note;
        v.seriesBreak = o.seriesBreak;
        v.recordedBy = o.updatedBy;
        v.recordedAt = o.updatedAt;
        return v;
    }

    /** Every vintage of one observation, newest first. */
    public static List<ObservationVintage> history(Long indicatorId, String period) {
        return list("indicatorId = ?1 and period = ?2 order by recordedAt desc, id desc", indicatorId, period);
    }
}
