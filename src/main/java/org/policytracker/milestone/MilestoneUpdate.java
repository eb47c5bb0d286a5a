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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * The state in force per target as a snapshot knows it: the last one recorded by its
     * {@code knownAt}. The one query of it, for the assessments, the dashboard and the reports.
     */
    public static Map<Long, MilestoneUpdate> known(Collection<Long> targetIds, Snapshot snapshot) {
        Map<Long, MilestoneUpdate> states = new HashMap<>();
        if (!targetIds.isEmpty()) {
            MilestoneUpdate.<MilestoneUpdate>list("targetId in ?1 and recordedAt <= ?2 order by targetId, seq",
                    targetIds, snapshot.knownAt()).forEach(u -> states.put(u.targetId, u));
        }
        return states;
    }

    public static List<MilestoneUpdate> history(Long targetId) {
        return list("targetId = ?1 order by seq desc", targetId);
    }
}
