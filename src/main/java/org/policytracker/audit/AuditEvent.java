package org.policytracker.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;
import org.policytracker.system.Unstamped;

/** One change: who made it, when, and the state before and after (JSON; null for none). Written by {@link AuditLog} only. */
@Entity
@Unstamped
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public String actor;

    public String action;

    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column(name = "target_code")
    public String targetCode;

    public String period;

    @Column(name = "before_state")
    public String before;

    @Column(name = "after_state")
    public String after;

    /** The SHA-256 of the backup this entry was restored from; null for an entry recorded on this instance. */
    @Column(name = "restored_from")
    public String restoredFrom;

    /** The entry's id in that backup's trail; null for a live entry. */
    @Column(name = "original_id")
    public Long originalId;
}
