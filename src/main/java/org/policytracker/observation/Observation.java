package org.policytracker.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.policytracker.catalogue.Indicator;

/**
 * The current value of an indicator for one period, as an analyst entered it. Earlier values are
 * kept as {@link ObservationVintage}s; a deleted value keeps its row with {@code deletedAt} set.
 */
@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    public String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type")
    public PeriodType periodType;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "obs_value")
    public Double value;

    @Enumerated(EnumType.STRING)
    public ObservationForm form;

    public String source;

    public String note;

    /** Set when the series changes basis at this period (e.g. energy intensity from 2024). */
    @Column(name = "series_break")
    public String seriesBreak;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    /** Optimistic lock: a write must name the version it read. */
    @Version
    public long version;

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The row for this indicator and period, deleted or not. */
    public static Optional<Observation> findRow(Indicator indicator, String period) {
        return find("indicator = ?1 and period = ?2", indicator, period).firstResultOptional();
    }

    public static List<Observation> listCurrent(Indicator indicator) {
        return list("indicator = ?1 and deletedAt is null order by periodStart", indicator);
    }
}
