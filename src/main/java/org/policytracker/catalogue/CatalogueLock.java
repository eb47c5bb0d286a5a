package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.policytracker.system.Unstamped;

/**
 * The single row instances lock while loading the catalogue. Locking it with SELECT … FOR UPDATE
 * makes a second instance wait until the first has committed, and then find nothing to do.
 */
@Entity
@Unstamped
@Table(name = "catalogue_lock")
public class CatalogueLock extends PanacheEntityBase {

    private static final int ROW = 1;

    @Id
    public Integer id;

    /** When the catalogue was last loaded; null before the first load. */
    @Column(name = "loaded_at")
    public OffsetDateTime loadedAt;

    /** Locks the row for the rest of the current transaction. */
    static CatalogueLock acquire() {
        return findById(ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    public static OffsetDateTime lastLoaded() {
        CatalogueLock lock = findById(ROW);
        return lock == null ? null : lock.loadedAt;
    }
}
