package org.policytracker.observation.imports;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policytracker.system.TrackerConfig;

/**
 * Where uploaded import files wait for their job: {@code <data dir>/imports/<job id>.<csv|xlsx>}, one known
 * directory instead of the system's temporary one, so that what a crash leaves behind can be found and removed.
 * A job deletes its file when it ends ({@link ImportRunner#run}); a job that never ended (the instance was killed)
 * leaves it, and {@link #sweep} removes it once the job is final (the watchdog marks it FAILED) or, for a file
 * whose job was never recorded, once nothing has written it for {@code tracker.import.stale-after}.
 */
@ApplicationScoped
public class ImportFiles {

    /** The directory under the data directory. */
    static final String DIRECTORY = "imports";

    private static final Pattern NAME = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(csv|xlsx)");

    private static final Set<ImportStatus> FINAL = Set.of(ImportStatus.SUCCEEDED, ImportStatus.REJECTED,
            ImportStatus.FAILED);

    private final Path directory;
    private final Duration staleAfter;

    ImportFiles(TrackerConfig config) {
        this.directory = Path.of(config.dataDir()).resolve(DIRECTORY).toAbsolutePath().normalize();
        this.staleAfter = config.imports().staleAfter();
    }

    /** The directory the files are kept in. */
    Path directory() {
        return directory;
    }

    /** The body as the file of job {@code jobId}, streamed; a failure leaves no file. */
    Path store(String jobId, InputStream body, FileFormat format) {
        Path file = directory.resolve(jobId + "." + format.name().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(directory);
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            ImportRunner.deleteQuietly(file);
            throw new UncheckedIOException("Could not store the uploaded file", e);
        } catch (RuntimeException e) { // the body passed the upload limit (BodyLimitGuard.limited)
            ImportRunner.deleteQuietly(file);
            throw e;
        }
    }

    /**
     * Removes the files no live job needs: a job's file once the job is final, and a file without a job once
     * nothing has written it for stale-after (an upload cut off by a crash). Files of jobs this instance holds, of
     * unfinished jobs (another instance's, if the directory is shared) and of uploads still being written stay;
     * so do files not named as this class names them. Answers how many it removed.
     */
    int sweep(Set<String> held) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Map<String, Path> candidates = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && !held.contains(name.group(1)) && Files.isRegularFile(file)) {
                    candidates.put(name.group(1), file);
                }
            }
        } catch (IOException e) {
            Log.warnf(e, "Could not list the import files in %s", directory);
            return 0;
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        Map<String, ImportStatus> statuses = statuses(List.copyOf(candidates.keySet()));
        Instant quiet = Instant.now().minus(staleAfter);
        int removed = 0;
        for (Map.Entry<String, Path> candidate : candidates.entrySet()) {
            ImportStatus status = statuses.get(candidate.getKey());
            boolean orphan = status == null && lastWritten(candidate.getValue()).isBefore(quiet);
            if ((status != null && FINAL.contains(status)) || orphan) {
                try {
                    if (Files.deleteIfExists(candidate.getValue())) {
                        removed++;
                    }
                } catch (IOException e) {
                    Log.warnf(e, "Could not delete the import file %s", candidate.getValue());
                }
            }
        }
        if (removed > 0) {
            Log.infof("Removed %d import file(s) left by imports that did not end (%s)", removed, directory);
        }
        return removed;
    }

    private static Map<String, ImportStatus> statuses(List<String> ids) {
        Map<String, ImportStatus> statuses = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + 500)));
                ImportJob.<ImportJob>list("id in ?1", chunk).forEach(job -> statuses.put(job.id, job.status));
            }
        });
        return statuses;
    }

    private static Instant lastWritten(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now(); // gone or unreadable: leave it to the next sweep
        }
    }
}
