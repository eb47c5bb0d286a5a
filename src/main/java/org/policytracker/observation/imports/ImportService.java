package org.policytracker.observation.imports;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.policytracker.observation.SampleDataset;
import org.policytracker.system.BodyLimitGuard;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Lang;
import org.policytracker.system.Message;
import org.policytracker.system.PerUserLimit;
import org.policytracker.system.ProblemException;
import org.policytracker.system.Problems;
import org.policytracker.system.TrackerConfig;

/**
 * Accepts an upload: stores the body in the job's file ({@link ImportFiles}; streamed, never whole in memory), records
 * the job, and runs it at once or on a worker.
 */
@ApplicationScoped
public class ImportService {

    /** What the client asked for, from the query parameters. */
    public record Request(String fileName, FileFormat format, boolean dryRun, ImportMode mode, boolean confirmForms,
            boolean waitForResult, String actor, Lang lang, boolean sample) {

        /** An analyst's or admin's upload. */
        public Request(String fileName, FileFormat format, boolean dryRun, ImportMode mode, boolean confirmForms,
                boolean waitForResult, String actor, Lang lang) {
            this(fileName, format, dryRun, mode, confirmForms, waitForResult, actor, lang, false);
        }
    }

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportWatchdog watchdog;
    private final ImportFiles files;
    private final BodyLimitGuard bodyLimit;
    private final UploadLimits limits;
    // Its own executor: a job outlives its request, so none of the request's context may travel
    // with it, and at most max-parallel imports run at once on an instance (the rest wait QUEUED),
    // those that answer when finished (wait=true) as much as the others.
    private final ManagedExecutor executor;
    /** Imports queued or running per user (in this instance's memory; tracker.import.max-per-user). */
    private final PerUserLimit perUser;
    /** The places of the jobs queued or running, by job id: given back when the job ends or is cancelled. */
    private final Map<String, PerUserLimit.Permit> places = new ConcurrentHashMap<>();

    ImportService(ImportJobs jobs, ImportRunner runner, ImportWatchdog watchdog, ImportFiles files,
            BodyLimitGuard bodyLimit, TrackerConfig config) {
        this.jobs = jobs;
        this.bodyLimit = bodyLimit;
        this.files = files;
        this.runner = runner;
        this.watchdog = watchdog;
        this.limits = UploadLimits.of(config.imports());
        this.perUser = new PerUserLimit(config.imports().maxPerUser(), config.imports().retryAfter(),
                "import.tooMany", "tracker.import.max-per-user");
        this.executor = ManagedExecutor.builder()
                .maxAsync(config.imports().maxParallel())
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    /**
     * Stores the body, checks it against the limits and starts the job: finished on return with
     * {@code wait}, else QUEUED.
     *
     * @throws ProblemException 429 when the user has as many imports queued or running as allowed; 413 when
     *         the file exceeds a limit (no job is made, nothing written)
     */
    public ImportJobView submit(InputStream body, Request request) {
        if (watchdog.draining()) {
            throw new ProblemException(503, null, Message.of("import.shuttingDown"), List.of());
        }
        if (!request.sample() && SampleDataset.current().isPresent()) {
            throw SampleDataset.sampleLoaded();
        }
        PerUserLimit.Permit place = perUser.acquire(request.actor());
        Path file = null;
        ImportJobView job;
        try {
            String newId = UUID.randomUUID().toString();
            file = files.store(newId, bodyLimit.limited(body), request.format());
            checkLimits(file, request.format());
            job = jobs.create(newId, request.fileName(), request.format(), request.dryRun(), request.mode(),
                    request.confirmForms(), request.actor());
            places.put(job.id(), place);
            watchdog.hold(job.id());
        } catch (RuntimeException e) {
            ImportRunner.deleteQuietly(file);
            place.close();
            throw e;
        }
        String id = job.id();
        Path stored = file;
        CompletableFuture<Void> done;
        try {
            done = executor.runAsync(() -> {
                try {
                    runner.run(id, stored);
                } finally {
                    release(id);
                }
            });
        } catch (RejectedExecutionException e) {
            jobs.save(id, ImportStatus.FAILED, new Tally(), 0, refused());
            ImportRunner.deleteQuietly(file);
            watchdog.release(id);
            release(id);
            return jobs.get(id, request.lang());
        }
        if (request.waitForResult()) {
            done.join(); // the runner never throws: whatever happened is in the job
            return jobs.get(id, request.lang());
        }
        return job;
    }

    /** The file against {@code tracker.import.max-*}: a limit exceeded is a 413, a DTD in a workbook a 400. */
    private void checkLimits(Path file, FileFormat format) {
        try {
            limits.check(format, file);
        } catch (UnreadableFileException e) {
            throw Problems.of(UploadLimits.isLimit(e.message()) ? 413 : 400,
                    List.of(new FieldMessage(FILE_FIELD, e.message())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored upload", e);
        }
    }

    public ImportJobView get(String id, Lang lang) {
        return jobs.get(id, lang);
    }

    /**
     * Cancels a queued or running job of {@code user}'s (an admin's: anybody's). A running one stops at its
     * next progress checkpoint, and a write in progress rolls back: nothing of it is written.
     *
     * @throws ProblemException 404 unknown, 403 another user's, 409 finished already
     */
    public ImportJobView cancel(String id, String user, boolean admin, Lang lang) {
        ImportJobView job = jobs.get(id, lang);
        if (!admin && !user.equals(job.createdBy())) {
            throw new ProblemException(403, null, Message.of("import.notYours", "owner", job.createdBy()), List.of());
        }
        if (!jobs.cancel(id, user)) {
            throw Problems.conflict("status", "import.finished", "status", jobs.get(id, lang).status());
        }
        release(id);
        return jobs.get(id, lang);
    }

    private void release(String jobId) {
        PerUserLimit.Permit place = places.remove(jobId);
        if (place != null) {
            place.close();
        }
    }

    /** The name the limit problems give the uploaded file (the request body). */
    static final String FILE_FIELD = "file";

    private static ErrorCollector refused() {
        ErrorCollector errors = new ErrorCollector();
        errors.addAll(List.of(ImportError.job("job.refusedShutdown")));
        return errors;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }
}
