package org.policytracker.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.policytracker.system.Unstamped;

/**
 * A user of the tracker. The password is kept only as a bcrypt hash (Modular Crypt Format, made by
 * {@link Passwords}). Deleting a user keeps their history: values and audit entries hold the user name as text.
 */
@Entity
@Unstamped
@Table(name = "tracker_user")
public class AppUser extends PanacheEntityBase {

    /** What a user name may be: lower-case letters, digits, dot, underscore, hyphen; 3 to 64 characters. */
    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";

    /** What a stored password hash is: bcrypt in its modular crypt format ($2a$, $2b$ or $2y$, cost, 53 characters). */
    public static final String PASSWORD_HASH = "\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    /** One of {@link org.policytracker.system.Roles#ALL}. */
    public String role;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    /** A disabled user keeps their history but cannot sign in; their sessions and tokens stop working at once. */
    public boolean enabled = true;

    @Column(name = "password_changed_at")
    public OffsetDateTime passwordChangedAt;

    @Column(name = "last_sign_in_at")
    public OffsetDateTime lastSignInAt;

    public static Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** Creates and persists a user, hashing the password with bcrypt at the given cost. */
    public static AppUser create(String username, String password, String role, String createdBy, int bcryptCost) {
        AppUser user = new AppUser();
        user.username = username;
        user.role = role;
        user.createdBy = createdBy;
        user.setPassword(password, bcryptCost);
        user.createdAt = user.passwordChangedAt;
        user.persist();
        return user;
    }

    /** Gives the user a new password (hashed at the given cost) and notes when. */
    public void setPassword(String password, int bcryptCost) {
        passwordHash = Passwords.hash(password, bcryptCost);
        passwordChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** An admin who can sign in: the kind of user of which at least one must remain. */
    public boolean isEnabledAdmin() {
        return enabled && org.policytracker.system.Roles.ADMIN.equals(role);
    }
}
