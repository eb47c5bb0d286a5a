package org.policytracker.milestone;

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
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.policytracker.system.Snapshot;

/**
 * One state an analyst set for a milestone target. Append-only: the update with the highest
 * {@code seq} is the current state, and the state known at time k is the last one recorded by k.
 * {@code seq} doubles as the optimistic-lock version: (target, seq) is unique, so two writers who
 * read the same state cannot both append.
 */
@Entity
@Table(name = "milestone_update")
public class MilestoneUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "target_id")
    public Long targetId;

    public int seq;

    @Enumerated(EnumType.STRING)
    public MilestoneState state;

    public String evidence;

    /** When the state took effect (for DONE: when the milestone was reached). */
    @Column(name = "state_date")
    public LocalDate date;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static Optional<MilestoneUpdate> latest(Long targetId) {
        return find("targetId = ?1 order by seq desc", targetId).firstResultOptional();
    }

    /**
     * The state in force per target on the snapshot's {@code asOf} date, as known at its {@code knownAt}, as values
     * are: of the updates recorded by {@code knownAt}, each says "from its date (else the day it was recorded) the
     * state is …" and overrides, for that date and later, what earlier-recorded updates said; the state in force is
     * the one whose date is the latest on or before {@code asOf}. So IN_PROGRESS dated March and DONE dated November
     * read IN_PROGRESS as of June, and a later correction (IN_PROGRESS dated October) undoes the November DONE. None
     * when no update dates from on or before {@code asOf}. The one query of it, for the assessments, the dashboard and
     * the reports.
     */
    public static Map<Long, MilestoneUpdate> known(Collection<Long> targetIds, Snapshot snapshot) {
        Map<Long, TreeMap<LocalDate, MilestoneUpdate>> timelines = new HashMap<>();
        if (!targetIds.isEmpty()) {
            MilestoneUpdate.<MilestoneUpdate>list("targetId in ?1 and recordedAt <= ?2 order by targetId, seq",
                    targetIds, snapshot.knownAt()).forEach(u -> {
                        TreeMap<LocalDate, MilestoneUpdate> timeline = timelines.computeIfAbsent(u.targetId,
                                id -> new TreeMap<>());
                        LocalDate from = u.effectiveFrom();
                        timeline.tailMap(from, true).clear();
                        timeline.put(from, u);
                    });
        }
        Map<Long, MilestoneUpdate> states = new HashMap<>();
        timelines.forEach((id, timeline) -> {
            Map.Entry<LocalDate, MilestoneUpdate> inForce = timeline.floorEntry(snapshot.asOf());
            if (inForce != null) {
                states.put(id, inForce.getValue());
            }
        });
        return states;
    }

    /** The date the state took effect: its own date, else the day (UTC) it was recorded. */
    public LocalDate effectiveFrom() {
        return date != null ? date : recordedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    public static List<MilestoneUpdate> history(Long targetId) {
        return list("targetId = ?1 order by seq desc", targetId);
    }
}
