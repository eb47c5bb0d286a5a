package org.policytracker.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.policytracker.catalogue.Indicator;

/**
 * The current value of an indicator for one period, and the rules of changing it. Earlier values are
 * kept as {@link ObservationVintage}s; a deleted value keeps its row with {@code deletedAt} set, so its
 * history stays whole.
 *
 * <p>
 * <b>The aggregate.</b> {@link #enter}, {@link #correct} and {@link #delete} are the only ways a value
 * changes. Each changes this object and answers a {@link Revision}: what the change does to the row,
 * to the vintages (a correction closes the current one and opens the next) and to the audit log.
 * {@link ObservationStore} loads the rows (locked), applies these rules and writes the revisions with
 * JDBC batches, for one value entered in the web app exactly as for a million-row import: one write
 * path, so the two cannot drift. Hibernate maps the table for reading only ({@link Immutable}).
 */
@Entity
@Immutable
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id", insertable = false, updatable = false)
    public Indicator indicator;

    @Column(name = "indicator_id")
    public long indicatorId;

    public String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type")
    public PeriodType periodType;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Embedded
    public Figure figure;

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

    /** Optimistic lock: a correction or deletion names the version it read. */
    public long version;

    /** A value not stored yet, for a period of an indicator. */
    public static Observation unstored(long indicatorId, Period period) {
        Observation o = new Observation();
        o.indicatorId = indicatorId;
        o.period = period.iso();
        o.periodType = period.type();
        o.periodStart = period.start();
        o.periodEnd = period.end();
        return o;
    }

    public boolean isStored() {
        return id != null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Stored and not deleted: the value an assessment uses. */
    public boolean isCurrent() {
        return isStored() && !isDeleted();
    }

    /** The state the audit log records before and after a change. */
    public AuditedState audited() {
        return new AuditedState(period, figure, version);
    }

    // ------------------------------------------------------------------ the rules

    /**
     * Enters a value for a period that has none: a new row (version 0), or a deleted one entered again
     * (same row, next version). A current value is never overwritten by entering: it is corrected.
     */
    public Revision enter(Figure newFigure, String actor, OffsetDateTime now) {
        if (isCurrent()) {
            throw new IllegalStateException(period + " has a current value; correct it instead");
        }
        boolean stored = isStored();
        AuditedState before = stored ? audited() : null;
        long read = version;
        if (!stored) {
            createdBy = actor;
            createdAt = now;
        } else {
            version++;
        }
        change(newFigure, actor, now);
        deletedAt = null;
        return new Revision(this, stored ? Revision.Kind.REVIVE : Revision.Kind.CREATE, read, before, audited());
    }

    /**
     * Replaces the current value: the vintage in force is closed at {@code now} and the new one opened.
     * A correction that says exactly what the value says changes nothing ({@link Revision.Kind#UNCHANGED}).
     */
    public Revision correct(Figure newFigure, String actor, OffsetDateTime now) {
        requireCurrent();
        if (figure.equals(newFigure)) {
            return new Revision(this, Revision.Kind.UNCHANGED, version, audited(), audited());
        }
        AuditedState before = audited();
        long read = version++;
        change(newFigure, actor, now);
        return new Revision(this, Revision.Kind.CORRECT, read, before, audited());
    }

    /**
     * Restores a deleted value as it was when deleted (same figure, next version): undoing a deletion. It
     * opens a vintage again; the history shows the value, its deletion and its return.
     */
    public Revision restore(String actor, OffsetDateTime now) {
        if (!isDeleted()) {
            throw new IllegalStateException(period + " is not deleted");
        }
        AuditedState before = audited();
        long read = version++;
        change(figure, actor, now);
        deletedAt = null;
        return new Revision(this, Revision.Kind.RESTORE, read, before, audited());
    }

    /** Deletes the current value: its vintage is closed, the row kept (deleted) with its history. */
    public Revision delete(String actor, OffsetDateTime now) {
        requireCurrent();
        AuditedState before = audited();
        long read = version++;
        updatedBy = actor;
        updatedAt = now;
        deletedAt = now;
        return new Revision(this, Revision.Kind.DELETE, read, before, null);
    }

    private void change(Figure newFigure, String actor, OffsetDateTime now) {
        figure = Objects.requireNonNull(newFigure);
        updatedBy = actor;
        updatedAt = now;
    }

    private void requireCurrent() {
        if (!isCurrent()) {
            throw new IllegalStateException(period + " has no current value");
        }
    }

    // ------------------------------------------------------------------ reading

    /** The current row for this indicator, period and series basis (null: an indicator with one definition). */
    public static Optional<Observation> findCurrent(Indicator indicator, String period, String basis) {
        return basis == null
                ? find("indicator = ?1 and period = ?2 and figure.basis is null and deletedAt is null", indicator,
                        period).firstResultOptional()
                : find("indicator = ?1 and period = ?2 and figure.basis = ?3 and deletedAt is null", indicator, period,
                        basis).firstResultOptional();
    }

    /** The current rows of a period, one per series basis. */
    public static List<Observation> listCurrent(Indicator indicator, String period) {
        return list("indicator = ?1 and period = ?2 and deletedAt is null", indicator, period);
    }

    public static List<Observation> listCurrent(Indicator indicator) {
        return list("indicator = ?1 and deletedAt is null order by periodStart", indicator);
    }

    /** The deleted values of an indicator, newest deletion first: what can be restored. */
    public static List<Observation> listDeleted(Indicator indicator) {
        return list("indicator = ?1 and deletedAt is not null order by deletedAt desc", indicator);
    }
}
