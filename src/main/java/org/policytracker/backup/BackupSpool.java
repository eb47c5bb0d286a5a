package org.policytracker.backup;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.policytracker.system.BodyLimitGuard;
import org.policytracker.system.Sha256;
import org.policytracker.system.TrackerConfig;

/**
 * A backup being restored is first kept as a file, {@code <data dir>/restores/restore-<uuid>.json}, so that it can
 * be checked whole before anything is replaced and then read again to restore it; its SHA-256 is computed on the
 * way in. The file is deleted when the restore ends; one a killed restore left is removed at the next start once it
 * is older than the longest a restore may take.
 */
@ApplicationScoped
class BackupSpool {

    /** A stored backup: its file, its SHA-256 (hex) and its size. */
    record Spooled(Path file, String sha256, long bytes) implements AutoCloseable {

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf(e, "Could not delete the restore file %s", file);
            }
        }
    }

    static final String DIRECTORY = "restores";

    private final Path directory;

    private final BodyLimitGuard bodyLimit;

    BackupSpool(TrackerConfig config, BodyLimitGuard bodyLimit) {
        this.directory = Path.of(config.dataDir()).resolve(DIRECTORY).toAbsolutePath().normalize();
        this.bodyLimit = bodyLimit;
    }

    Spooled store(InputStream body) {
        Path file = directory.resolve("restore-" + UUID.randomUUID() + ".json");
        try {
            Files.createDirectories(directory);
            MessageDigest sha = Sha256.digest();
            try (InputStream in = new DigestInputStream(bodyLimit.limited(body), sha)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Spooled(file, HexFormat.of().formatHex(sha.digest()), Files.size(file));
        } catch (IOException e) {
            new Spooled(file, null, 0).close();
            throw new UncheckedIOException("Could not store the backup to restore", e);
        } catch (RuntimeException e) { // the body passed the upload limit
            new Spooled(file, null, 0).close();
            throw e;
        }
    }

    void onStart(@Observes StartupEvent event) {
        sweep(Duration.ofSeconds(BackupResource.RESTORE_TIMEOUT_SECONDS));
    }

    /** Removes the files of restores that ended without removing them (older than {@code age}); answers how many. */
    int sweep(Duration age) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        Instant before = Instant.now().minus(age);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "restore-*.json")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            Log.warnf(e, "Could not clean up the restore files in %s", directory);
        }
        if (removed > 0) {
            Log.infof("Removed %d file(s) left by restores that did not end (%s)", removed, directory);
        }
        return removed;
    }
}
