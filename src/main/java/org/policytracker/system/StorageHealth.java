package org.policytracker.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the embedded database can write (issue #16, point 2: disk full is an error, not a lie).
 *
 * <p>A write that H2 could not store (its MVStore's "Writing to … failed", or the database it then closed)
 * marks storage as failing: such requests are answered 503 "storage" ({@link ProblemMappers}) and
 * readiness is DOWN ({@link StorageReadiness}), so a load balancer sends no more users here. While failing, each readiness call
 * probes the data directory with a small file written and forced to the disk; once that succeeds (space
 * has returned) readiness is UP again, and the next connection reopens the database (H2 reopens a file it
 * closed after a write failure; Agroal replaces the closed connections). No restart is needed.
 */
@ApplicationScoped
public class StorageHealth {

    /** H2 MVStore's error code for a failed write (DataUtils.ERROR_WRITING_FAILED), as H2 prints it: "[version/2]". */
    private static final String MVSTORE_WRITE_FAILED = "/2]";
    private static final int H2_DATABASE_IS_CLOSED = 90098;
    private static final int H2_IO_EXCEPTION_1 = 90028;
    private static final int H2_IO_EXCEPTION_2 = 90031;
    private static final int PROBE_BYTES = 64 * 1024;

    private final Path dataDir;
    private final AgroalDataSource dataSource;
    private volatile Instant failingSince;

    StorageHealth(TrackerConfig config, AgroalDataSource dataSource) {
        this.dataDir = Path.of(config.dataDir());
        this.dataSource = dataSource;
    }

    /** Whether {@code e} (a cause, or one suppressed, as a failed JTA commit carries it) says the database could not write. */
    public static boolean isStorageFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_DATABASE_IS_CLOSED
                    || sql.getErrorCode() == H2_IO_EXCEPTION_1 || sql.getErrorCode() == H2_IO_EXCEPTION_2)) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && (t.getMessage().contains("No space left")
                    || t.getMessage().contains("Disk quota exceeded")
                    || t.getMessage().contains("Read-only file system"))) {
                return true; // a file of ours in the data directory: an upload, a restore's spool
            }
            // H2 reports the MVStore's failure inside a general SQL error's message, or throws it as it is.
            String message = t.getMessage();
            if (message != null && message.contains(MVSTORE_WRITE_FAILED) && (message.contains("MVStoreException")
                    || t.getClass().getName().equals("org.h2.mvstore.MVStoreException"))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isStorageFailure(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Records that a write failed for want of storage. H2 has closed the database: the pool's connections to
     * it are closed as they come back, so that the next ones open it again.
     */
    public void failed(Throwable cause) {
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
        if (failingSince == null) {
            failingSince = Instant.now();
            Log.errorf("The database cannot write to %s (disk full or failing); writes are answered 503 until "
                    + "it can: %s", dataDir.toAbsolutePath(), cause.toString());
        }
    }

    /** Records that a write reached the disk. */
    public void succeeded() {
        if (failingSince != null) {
            failingSince = null;
            Log.infof("The database writes to %s again", dataDir.toAbsolutePath());
        }
    }

    /** The readiness check's answer: DOWN while the disk refuses writes (probed on each call while it does). */
    HealthCheckResponse check() {
        Instant since = failingSince;
        if (since != null && probe()) {
            dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
            succeeded();
            since = null;
        }
        return HealthCheckResponse.named("storage").status(since == null)
                .withData("dataDir", dataDir.toAbsolutePath().toString())
                .withData("failingSince", since == null ? "-" : since.toString()).build();
    }

    /** Writes, forces and removes a small file in the data directory: whether the disk takes writes. */
    private boolean probe() {
        Path probe = dataDir.resolve(".storage-probe");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a later probe overwrites it
            }
        }
    }
}
