package org.policytracker.observation.imports;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.policytracker.observation.SampleDataset;
import org.policytracker.system.Lang;
import org.policytracker.system.Message;
import org.policytracker.system.ProblemException;
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
    // Its own executor: a job outlives its request, so none of the request's context may travel
    // with it, and at most max-parallel imports run at once on an instance (the rest wait QUEUED).
    private final ManagedExecutor executor;

    ImportService(ImportJobs jobs, ImportRunner runner, ImportWatchdog watchdog, ImportFiles files,
            TrackerConfig config) {
        this.jobs = jobs;
        this.files = files;
        this.runner = runner;
        this.watchdog = watchdog;
        this.executor = ManagedExecutor.builder()
                .maxAsync(config.imports().maxParallel())
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    /** Stores the body and starts the job: finished on return with {@code wait}, else QUEUED. */
    public ImportJobView submit(InputStream body, Request request) {
        if (watchdog.draining()) {
            throw new ProblemException(503, null, Message.of("import.shuttingDown"), List.of());
        }
        if (!request.sample() && SampleDataset.current().isPresent()) {
            throw SampleDataset.sampleLoaded();
        }
        String id = UUID.randomUUID().toString();
        Path file = files.store(id, body, request.format());
        ImportJobView job;
        try {
            job = jobs.create(id, request.fileName(), request.format(), request.dryRun(), request.mode(),
                    request.confirmForms(), request.actor());
            watchdog.hold(job.id());
        } catch (RuntimeException e) {
            ImportRunner.deleteQuietly(file);
            throw e;
        }
        if (request.waitForResult()) {
            runner.run(job.id(), file);
            return jobs.get(job.id(), request.lang());
        }
        try {
            executor.runAsync(() -> runner.run(job.id(), file));
        } catch (RejectedExecutionException e) {
            jobs.save(job.id(), ImportStatus.FAILED, new Tally(), 0, refused());
            ImportRunner.deleteQuietly(file);
            watchdog.release(job.id());
            return jobs.get(job.id(), request.lang());
        }
        return job;
    }

    public ImportJobView get(String id, Lang lang) {
        return jobs.get(id, lang);
    }

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
