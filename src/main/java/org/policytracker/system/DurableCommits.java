package org.policytracker.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes committed writes durable on the disk before they are acknowledged, on embedded H2.
 *
 * <p>With {@code WRITE_DELAY=0} (the JDBC URL) H2 writes each committed transaction to its file before
 * the commit returns: in the operating system's cache, which a killed process does not lose. H2 never
 * forces that file to the disk at commit (its MVStore syncs only when it closes or compacts), so a power
 * cut or a kernel crash could still lose what was answered 2xx. {@link #sync()} runs H2's
 * {@code CHECKPOINT SYNC} (store flush, then {@code FileChannel.force}), the documented way to force the
 * database to the disk.
 *
 * <p>Group commit: a caller whose commit has returned takes a ticket; one fsync at a time runs, and one
 * that began after a ticket was taken covers it, so writers that finish together share one fsync.
 * PostgreSQL fsyncs its WAL at commit itself: nothing is done there.
 */
@ApplicationScoped
public class DurableCommits {

    private final AgroalDataSource dataSource;
    private final boolean enabled;
    private final AtomicLong requested = new AtomicLong();
    private final Object fsync = new Object();
    private volatile Boolean h2;
    private long completed; // guarded by fsync
    private final AtomicLong syncs = new AtomicLong();

    private final StorageHealth storage;

    DurableCommits(AgroalDataSource dataSource, TrackerConfig config, StorageHealth storage) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.enabled = config.storage().syncCommits();
    }

    /**
     * Forces every transaction committed before this call to the disk; call it after the commit has returned
     * and before the write is acknowledged. Throws {@link StorageUnavailableException} when the disk refuses
     * (full, failing, read-only): the write must then not be acknowledged.
     */
    public void sync() {
        if (!enabled || !isH2()) {
            return;
        }
        long ticket = requested.incrementAndGet();
        synchronized (fsync) {
            if (completed >= ticket) {
                return; // an fsync that began after this commit has covered it
            }
            long covers = requested.get();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                Log.errorf(e, "The database could not be forced to the disk");
                storage.failed(e);
                throw new StorageUnavailableException(e);
            }
            storage.succeeded();
            completed = covers;
            syncs.incrementAndGet();
        }
    }

    /** How many fsyncs ran (each may cover several writes): for tests and benchmarks. */
    public long syncCount() {
        return syncs.get();
    }

    private boolean isH2() {
        Boolean known = h2;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            } catch (SQLException e) {
                throw new StorageUnavailableException(e);
            }
            h2 = known;
        }
        return known;
    }
}
