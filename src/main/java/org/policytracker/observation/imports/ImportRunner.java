package org.policytracker.observation.imports;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policytracker.catalogue.Indicator;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.ValueLocks;
import org.policytracker.observation.imports.WritePass.ChangedDuringWrite;
import org.policytracker.observation.imports.WritePass.RejectedDuringWrite;

/**
 * Runs an import job from QUEUED to its end: pass 1 checks every row; any error → REJECTED; a dry
 * run stops there (SUCCEEDED with what would happen); else pass 2 writes it all in one transaction.
 */
@ApplicationScoped
public class ImportRunner {

    private final ImportJobs jobs;
    private final ValidationPass validation;
    private final WritePass writing;
    private final ImportWatchdog watchdog;

    ImportRunner(ImportJobs jobs, ValidationPass validation, WritePass writing, ImportWatchdog watchdog) {
        this.jobs = jobs;
        this.validation = validation;
        this.writing = writing;
        this.watchdog = watchdog;
    }

    /**
     * Runs the job to a final status, deletes its file and releases it from the watchdog. Never
     * throws: whatever happens is in the job.
     */
    @ActivateRequestContext
    public void run(String jobId, Path file) {
        try {
            execute(jobs.spec(jobId), file);
        } catch (ImportWatchdog.ImportInterrupted e) {
            stopped(jobId);
        } catch (ImportJobs.ImportCancelled e) {
            Log.infof("Import job %s cancelled; nothing of it was written", jobId);
        } catch (RuntimeException e) {
            if (cancelledMeanwhile(jobId)) {
                // e.g. the final save of a write that had read the job before it was cancelled: rolled back.
                Log.infof(e, "Import job %s cancelled while it wrote; its writes were rolled back", jobId);
            } else {
                fail(jobId, e);
            }
        } catch (OutOfMemoryError e) {
            // Not an Exception: without this the job would show VALIDATING until the watchdog reaped it.
            fail(jobId, e);
        } finally {
            deleteQuietly(file);
            watchdog.release(jobId);
        }
    }

    private void execute(ImportJobs.Spec spec, Path file) {
        Map<String, IndicatorRef> indicators = indicators();
        jobs.save(spec.id(), ImportStatus.VALIDATING, new Tally(), 0, new ErrorCollector());
        ValidationPass.Result checked = validation.run(spec, file, indicators);
        if (!checked.errors().isEmpty()) {
            jobs.save(spec.id(), ImportStatus.REJECTED, checked.tally(), 0, checked.errors());
            return;
        }
        if (spec.dryRun()) {
            jobs.save(spec.id(), ImportStatus.SUCCEEDED, checked.tally(), 0, checked.errors());
            return;
        }
        jobs.save(spec.id(), ImportStatus.WRITING, checked.tally(), 0, checked.errors());
        try {
            writing.run(spec, file, indicators, checked);
        } catch (RejectedDuringWrite e) {
            jobs.save(spec.id(), ImportStatus.REJECTED, checked.tally(), 0, collect(e.errors()));
        } catch (ChangedDuringWrite e) {
            jobs.save(spec.id(), ImportStatus.FAILED, checked.tally(), 0, collect(List.of(e.error())));
        } catch (ValueLocks.Busy e) {
            jobs.save(spec.id(), ImportStatus.FAILED, checked.tally(), 0,
                    collect(List.of(ImportError.job("job.busy"))));
        }
    }

    /** The current indicators by code, read once per job, with what the rules know of them on the job's day. */
    private static Map<String, IndicatorRef> indicators() {
        LocalDate today = ImportJobs.now().toLocalDate();
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, ObservationRules.Context> contexts = ObservationRules.Context.ofCurrent(today);
            return Indicator.listCurrent().stream()
                    .map(i -> new IndicatorRef(i.id, i.code, contexts.get(i.id)))
                    .collect(Collectors.toMap(IndicatorRef::code, Function.identity()));
        });
    }

    private boolean cancelledMeanwhile(String jobId) {
        try {
            return jobs.cancelled(jobId);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void stopped(String jobId) {
        Log.infof("Import job %s stopped by the shutdown; its writes were rolled back", jobId);
        try {
            jobs.save(jobId, ImportStatus.FAILED, new Tally(), 0,
                    collect(List.of(ImportError.job(ImportWatchdog.STOPPED))));
        } catch (RuntimeException again) {
            Log.errorf(again, "Could not mark import job %s as stopped", jobId);
        }
    }

    private void fail(String jobId, Throwable e) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Import job %s failed, incident %s", jobId, incident);
        ImportError error = ImportError.job("job.failed", "incident", incident);
        try {
            jobs.save(jobId, ImportStatus.FAILED, new Tally(), 0, collect(List.of(error)));
        } catch (RuntimeException again) {
            Log.errorf(again, "Could not mark import job %s as failed", jobId);
        }
    }

    private static ErrorCollector collect(List<ImportError> errors) {
        ErrorCollector collector = new ErrorCollector();
        collector.addAll(errors);
        return collector;
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf(e, "Could not delete the import file %s", file);
        }
    }
}
