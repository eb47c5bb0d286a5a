package org.policytracker.observation.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.policytracker.system.Lang;
import org.policytracker.system.Problems;

/**
 * The import_job rows: created, advanced and finished in their own short transactions (so a poller
 * sees progress while the import's write transaction is still open), except for the final
 * SUCCEEDED of a write, which commits with the data it describes.
 */
@ApplicationScoped
public class ImportJobs {

    private static final TypeReference<List<ImportError>> ERROR_LIST = new TypeReference<>() {
    };

    /** Thrown at a cancelled job's next save: its own transaction (a write's too) rolls back. */
    static final class ImportCancelled extends RuntimeException {

        ImportCancelled() {
            super("The import was cancelled", null, false, false);
        }
    }

    private static final List<ImportStatus> UNFINISHED = List.of(ImportStatus.QUEUED, ImportStatus.VALIDATING,
            ImportStatus.WRITING);

    /** What a job was asked to do; fixed when it is created. */
    record Spec(String id, String fileName, FileFormat format, boolean dryRun, ImportMode mode, boolean confirmForms,
            String createdBy) {
    }

    private final ObjectMapper json;
    private final ImportWatchdog watchdog;
    /**
     * Jobs whose write transaction is committing on this instance. H2 makes a commit visible to other
     * sessions a moment before the committing thread has written it to the file; a poller that read
     * SUCCEEDED in that moment, followed by a kill -9, would have been told of values that are gone. So
     * until the commit has returned to the writer, the job is shown as still WRITING
     * (docs/RELIABILITY.md, part 2). PostgreSQL makes a commit durable before it is visible.
     */
    private final Set<String> committing = ConcurrentHashMap.newKeySet();

    ImportJobs(ObjectMapper json, ImportWatchdog watchdog) {
        this.json = json;
        this.watchdog = watchdog;
    }

    /** Records a new job, QUEUED; {@code id} is its file's name too ({@link ImportFiles}). */
    ImportJobView create(String id, String fileName, FileFormat format, boolean dryRun, ImportMode mode,
            boolean confirmForms,
            String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.id = id;
            job.fileName = fileName;
            job.format = format;
            job.dryRun = dryRun;
            job.mode = mode;
            job.confirmForms = confirmForms;
            job.status = ImportStatus.QUEUED;
            job.summary = write(ImportSummary.EMPTY);
            job.errors = write(List.of());
            job.createdBy = actor;
            job.createdAt = now();
            job.heartbeatAt = job.createdAt;
            job.persist();
            return view(job, Lang.ZH);
        });
    }

    Spec spec(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = find(id);
            return new Spec(job.id, job.fileName, job.format, job.dryRun, job.mode, job.confirmForms, job.createdBy);
        });
    }

    /**
     * Saves the job's state in a transaction of its own. Saving an unfinished state is also the
     * job's checkpoint: once the instance is stopping past its grace, it throws
     * {@link ImportWatchdog.ImportInterrupted} and the job's own transaction rolls back.
     */
    void save(String id, ImportStatus status, Tally tally, int rowsWritten, ErrorCollector errors) {
        if (!status.isFinal()) {
            watchdog.checkpoint();
        }
        QuarkusTransaction.requiringNew().run(() -> saveInCurrentTransaction(id, status, tally, rowsWritten, errors));
    }

    /** Saves the job's state in the caller's transaction: it commits or rolls back with the caller's writes. */
    void saveInCurrentTransaction(String id, ImportStatus status, Tally tally, int rowsWritten, ErrorCollector errors) {
        ImportJob job = find(id);
        if (job.status == ImportStatus.CANCELLED) {
            // Cancelled meanwhile, maybe on another instance: the job's state stays CANCELLED, and its work stops here.
            throw new ImportCancelled();
        }
        job.status = status;
        job.rowsRead = tally.read;
        job.rowsValid = tally.valid;
        job.rowsWritten = rowsWritten;
        job.errorCount = errors.count();
        job.errors = write(errors.kept());
        job.summary = write(tally.summary());
        job.heartbeatAt = now();
        job.finishedAt = status.isFinal() ? job.heartbeatAt : null;
    }

    /**
     * Marks a queued or running job CANCELLED, in the database, so that whichever instance runs it stops at
     * its next save ({@link ImportCancelled}). The version bump makes a write that read the job before the
     * cancellation fail its own final save, so it rolls back rather than commits. False when the job had
     * finished already.
     */
    boolean cancel(String id, String by) {
        OffsetDateTime now = now();
        String errors = write(List.of(ImportError.job("job.cancelled", "user", by)));
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "status = ?1, errorCount = 1, errors = ?2, rowsWritten = 0, finishedAt = ?3, heartbeatAt = ?3,"
                        + " version = version + 1 where id = ?4 and status in ?5",
                ImportStatus.CANCELLED, errors, now, id, UNFINISHED)) == 1;
    }

    /** Whether the job is CANCELLED (after a job's failure: was it the cancellation that stopped it?). */
    boolean cancelled(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>findByIdOptional(id).map(j -> j.status == ImportStatus.CANCELLED)
                        .orElse(false));
    }

    /**
     * Runs the write transaction of a job, then {@code afterCommit} (forcing it to the disk); its SUCCEEDED
     * is shown only once both have returned.
     */
    void committing(String id, Runnable transaction, Runnable afterCommit) {
        committing.add(id);
        try {
            transaction.run();
            afterCommit.run();
        } finally {
            committing.remove(id);
        }
    }

    /** The job as the API shows it, its errors worded in {@code lang}. */
    public ImportJobView get(String id, Lang lang) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(id), lang));
    }

    private static ImportJob find(String id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null) {
            throw Problems.notFound("import.unknownJob", "id", Problems.quote(id));
        }
        return job;
    }

    private ImportJobView view(ImportJob job, Lang lang) {
        try {
            List<ImportJobView.Error> errors = job.errors == null ? List.of()
                    : json.readValue(job.errors, ERROR_LIST).stream().map(e -> e.in(lang)).toList();
            ImportSummary summary = job.summary == null ? null : json.readValue(job.summary, ImportSummary.class);
            boolean notYetDurable = job.status == ImportStatus.SUCCEEDED && committing.contains(job.id);
            return new ImportJobView(job.id, job.fileName, job.format, job.dryRun, job.mode, job.confirmForms,
                    notYetDurable ? ImportStatus.WRITING : job.status,
                    job.rowsRead,
                    job.rowsValid, job.rowsWritten, job.errorCount, errors, summary, job.createdBy, job.createdAt,
                    notYetDurable ? null : job.finishedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Import job " + job.id + " holds malformed JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write import job state", e);
        }
    }

    /** Microsecond precision, what both H2 and PostgreSQL store. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
