package org.policytracker.observation.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.policytracker.system.TrackerConfig;

/**
 * Keeps import jobs honest about instances that stop.
 *
 * <ul>
 * <li><b>Heartbeat.</b> A job's file lives on the instance that received it, so only that instance
 * can run it. While it holds a job (queued or running) it refreshes the job's {@code heartbeat_at}.
 * <li><b>Recovery.</b> Every instance, at start and then at each beat, marks FAILED the unfinished
 * jobs whose heartbeat is older than {@code tracker.import.stale-after}: their instance died (a
 * kill, a power cut), so their write transaction was rolled back by the database and nothing of
 * theirs was written. Without this they would show QUEUED or WRITING forever.
 * <li><b>Leftover files.</b> At start and at each beat, the upload files of jobs that are final (a killed job
 * once marked FAILED) or that no job was ever recorded for are removed ({@link ImportFiles#sweep}).
 * <li><b>Graceful stop.</b> On shutdown new imports are refused, running ones get
 * {@code tracker.import.shutdown-grace} to finish; those still running then stop at their next
 * progress checkpoint and roll back, and say so.
 * </ul>
 *
 * The set of held jobs is this instance's own work, not shared state: other instances see jobs
 * only through the database.
 */
@ApplicationScoped
public class ImportWatchdog {

    /** The message of a job stopped by the shutdown (rolled back). */
    static final String STOPPED = "job.stopped";
    /** The message of a job whose instance died. */
    static final String LOST = "job.lost";

    private static final List<ImportStatus> UNFINISHED = List.of(ImportStatus.QUEUED, ImportStatus.VALIDATING,
            ImportStatus.WRITING);

    /** Thrown at a progress checkpoint once the instance is stopping: the job's transaction rolls back. */
    static final class ImportInterrupted extends RuntimeException {

        ImportInterrupted() {
            super("The server stopped during this import", null, false, false);
        }
    }

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final TrackerConfig.Import config;
    private final ObjectMapper json;
    private volatile boolean draining;
    private volatile boolean interrupting;

    private final ImportFiles files;

    ImportWatchdog(TrackerConfig config, ObjectMapper json, ImportFiles files) {
        this.config = config.imports();
        this.json = json;
        this.files = files;
    }

    /** This instance now holds the job: it keeps its heartbeat until {@link #release}. */
    void hold(String jobId) {
        held.add(jobId);
    }

    void release(String jobId) {
        held.remove(jobId);
    }

    /** Whether this instance still holds the job (it is queued or its runner has not ended). */
    boolean holds(String jobId) {
        return held.contains(jobId);
    }

    /** True once shutdown began: no new import is accepted. */
    boolean draining() {
        return draining;
    }

    /** Called by a running job between rows: stops it (its transaction rolls back) once the grace is over. */
    void checkpoint() {
        if (interrupting) {
            throw new ImportInterrupted();
        }
    }

    void onStart(@Observes StartupEvent event) {
        try {
            reap();
            sweep();
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not check for import jobs left by a stopped instance");
        }
    }

    // The first beat one second after start: delay's unit is minutes unless said, and a minute without beats
    // let a job started early look dead to other instances, and left a dead instance's job unreaped that long.
    @Scheduled(every = "${tracker.import.heartbeat-every}", delay = 1, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        beat();
        reap();
        sweep();
    }

    /** Removes the files of jobs that ended without removing them (see {@link ImportFiles#sweep}); answers how many. */
    int sweep() {
        return files.sweep(Set.copyOf(held));
    }

    /** Refreshes the heartbeat of the jobs this instance holds; answers how many rows it touched. */
    int beat() {
        if (held.isEmpty()) {
            return 0;
        }
        List<String> ids = List.copyOf(held);
        // No version bump: a heartbeat must never make the job's own final save look like a conflict.
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "heartbeatAt = ?1 where id in ?2 and status in ?3", ImportJobs.now(), ids, UNFINISHED));
    }

    /** Marks FAILED the unfinished jobs whose heartbeat stopped; answers how many. */
    int reap() {
        OffsetDateTime now = ImportJobs.now();
        OffsetDateTime cutoff = now.minus(config.staleAfter());
        String errors = write(List.of(ImportError.job(LOST)));
        // The version bump makes a job that was only slow (not dead) fail its own final save instead of
        // committing after it was reported FAILED: what the job row says stays true.
        int reaped = QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "status = ?1, errorCount = 1, errors = ?2, rowsWritten = 0, finishedAt = ?3, version = version + 1"
                        + " where status in ?4 and heartbeatAt < ?5",
                ImportStatus.FAILED, errors, now, UNFINISHED, cutoff));
        if (reaped > 0) {
            Log.warnf("Marked %d import job(s) FAILED: their instance stopped before they finished", reaped);
        }
        return reaped;
    }

    /**
     * Graceful stop: refuse new imports, let running ones finish within the grace, then interrupt
     * the rest and wait for their rollback.
     */
    void onStop(@Observes ShutdownEvent event) {
        draining = true;
        if (!awaitIdle(config.shutdownGrace())) {
            Log.infof("Stopping %d import job(s) still running after %s; they roll back", held.size(),
                    config.shutdownGrace());
            interrupting = true;
            if (!awaitIdle(Duration.ofSeconds(10))) {
                Log.warnf("%d import job(s) did not stop in time; the next start marks them FAILED", held.size());
            }
        }
    }

    private boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!held.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return held.isEmpty();
            }
        }
        return true;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write import job state", e);
        }
    }
}
