package org.policytracker.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.policytracker.system.Unstamped;

/** Recent failed sign-ins of one key (a user name, a client, or the pair), shared by every instance (V18). */
@Entity
@Unstamped
@Table(name = "sign_in_throttle")
public class SignInThrottle extends PanacheEntityBase {

    @Id
    @Column(name = "throttle_key")
    public String key;

    public int failures;

    @Column(name = "first_failure_at")
    public OffsetDateTime firstFailureAt;

    @Column(name = "last_failure_at")
    public OffsetDateTime lastFailureAt;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;
}
