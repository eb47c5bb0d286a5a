package org.policytracker.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.policytracker.system.Unstamped;

/** A web app session, kept on the server (V18). The cookie holds the secret; only its SHA-256 is kept here. */
@Entity
@Unstamped
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "user_id")
    public long userId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    /** A {@link SessionEnd} name once ended. */
    @Column(name = "ended_reason")
    public String endedReason;
}
