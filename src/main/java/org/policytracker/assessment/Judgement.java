package org.policytracker.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policytracker.system.Snapshot;

/**
 * An analyst's judgement of a target, recorded beside the computed status (docs/ASSESSMENT.md, "The
 * analyst's judgement"): where the wording needs judgement (大幅, 稳中有增), or where an official
 * statement says a target was 基本完成. Append-only, like milestone states: the entry with the highest
 * {@code seq} is in force, and the one known at time k is the last recorded by k; an entry without a
 * status withdraws the judgement.
 */
@Entity
@Table(name = "target_judgement")
public class Judgement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "target_code")
    public String targetCode;

    public int seq;

    /** One of the six statuses; null for a withdrawal. */
    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    public String evidence;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public boolean isWithdrawal() {
        return status == null;
    }

    public static Optional<Judgement> latest(String targetCode) {
        return find("targetCode = ?1 order by seq desc", targetCode).firstResultOptional();
    }

    /** Every entry of a target, newest first. */
    public static List<Judgement> history(String targetCode) {
        return list("targetCode = ?1 order by seq desc", targetCode);
    }

    /**
     * The judgement in force per target as a snapshot knows it: the last entry recorded by its
     * {@code knownAt}, when that is not a withdrawal. The one query of it, for the assessments, the
     * dashboard and the reports.
     */
    public static Map<String, Judgement> known(Collection<String> targetCodes, Snapshot snapshot) {
        Map<String, Judgement> latest = new HashMap<>();
        if (!targetCodes.isEmpty()) {
            Judgement.<Judgement>list("targetCode in ?1 and recordedAt <= ?2 order by targetCode, seq", targetCodes,
                    snapshot.knownAt()).forEach(j -> latest.put(j.targetCode, j));
        }
        latest.values().removeIf(Judgement::isWithdrawal);
        return latest;
    }
}
