package org.policytracker.observation.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.observation.Observation;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.ObservationStore;
import org.policytracker.observation.Revision;
import org.policytracker.observation.ValueLocks;
import org.policytracker.system.ChangeStamp;
import org.policytracker.system.DurableCommits;
import org.policytracker.system.Sha256;
import org.policytracker.system.TrackerConfig;

/**
 * Pass 2: reads the file again and writes every row in ONE transaction through {@link ObservationStore},
 * the write path of single entry too, so the import is all or nothing and leaves the rows one entry would.
 * The job's SUCCEEDED commits with the data; progress is saved meanwhile in short transactions of its own.
 */
@ApplicationScoped
class WritePass {

    /** Rows that became invalid since pass 1 (someone entered a value meanwhile): nothing is written. */
    static final class RejectedDuringWrite extends RuntimeException {

        private final transient List<ImportError> errors;

        RejectedDuringWrite(List<ImportError> errors) {
            super(errors.size() + " rows became invalid during the write");
            this.errors = List.copyOf(errors);
        }

        List<ImportError> errors() {
            return errors;
        }
    }

    /** A row changed between its lookup and the write (only possible without the row lock): nothing is written. */
    static final class ChangedDuringWrite extends RuntimeException {

        private final transient ImportError error;

        ChangedDuringWrite(ParsedRow row) {
            super("The value of " + row.indicator().code() + " for " + row.period().iso()
                    + " changed during the import");
            this.error = ImportError.of(row.row(), ValueFile.PERIOD.header(), "row.changedMeanwhile")
                    .about(row.indicator().code(), row.period().iso());
        }

        ImportError error() {
            return error;
        }
    }

    /**
     * The state of the one audit event an import records: the job, the file (name and SHA-256) and what it did.
     * Each value's who and when is in its vintage.
     */
    record Imported(String jobId, String fileName, String fileSha256, String format, String mode, int created,
            int corrected, int unchanged, int skipped) {

        static Imported of(ImportJobs.Spec spec, Path file, Tally tally) {
            try {
                return new Imported(spec.id(), spec.fileName(), Sha256.hexOf(file), spec.format().name(),
                        spec.mode().name(), tally.created, tally.corrected, tally.unchanged, tally.skipped);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final EntityManager em;
    private final AuditLog audit;
    private final ImportJobs jobs;
    private final TrackerConfig.Import config;
    private final ValueLocks locks;
    private final ObservationRules.Plausibility plausibility;

    private final DurableCommits durable;

    private final ChangeStamp stamp;

    WritePass(EntityManager em, AuditLog audit, ImportJobs jobs, TrackerConfig config, ValueLocks locks,
            DurableCommits durable, ChangeStamp stamp) {
        this.stamp = stamp;
        this.durable = durable;
        this.locks = locks;
        this.plausibility = ObservationRules.Plausibility.of(config.values());
        this.em = em;
        this.audit = audit;
        this.jobs = jobs;
        this.config = config.imports();
    }

    /**
     * Writes the file; {@code checked} is pass 1's result: its tally is shown as the job's counts while
     * writing, and its indicators are held for the whole transaction, taken before anything is written.
     *
     * @throws ValueLocks.Busy when other writers kept those indicators for the whole write timeout
     */
    void run(ImportJobs.Spec spec, Path file, Map<String, IndicatorRef> indicators, ValidationPass.Result checked) {
        Tally validated = checked.tally();
        jobs.committing(spec.id(),
                () -> QuarkusTransaction.requiringNew().timeout((int) config.writeTimeout().toSeconds()).run(() -> {
                    locks.hold(checked.indicatorIds(), config.writeTimeout());
                    Tally tally = new Tally();
                    OffsetDateTime now = ImportJobs.now();
                    em.unwrap(Session.class)
                            .doWork(connection -> write(connection, spec, file, indicators, validated, tally, now));
                    if (tally.written() > 0) {
                        audit.record(AuditAction.OBSERVATIONS_IMPORTED, spec.createdBy(), now, null, null, null, null,
                                Imported.of(spec, file, tally));
                    }
                    jobs.saveInCurrentTransaction(spec.id(), ImportStatus.SUCCEEDED, tally, tally.written(),
                            new ErrorCollector());
                }), durable::sync);
    }

    /** The periods of a batch by indicator, as {@link ObservationStore#find} takes them. */
    static Map<Long, Set<String>> periods(List<ParsedRow> batch) {
        Map<Long, Set<String>> periods = new LinkedHashMap<>();
        batch.forEach(row -> periods.computeIfAbsent(row.indicator().id(), id -> new LinkedHashSet<>())
                .add(row.period().iso()));
        return periods;
    }

    /** The stored row of a parsed row, or a new one when its period has none. */
    static Observation stored(Map<String, Observation> stored, ParsedRow row) {
        Observation found = stored.get(row.key());
        return found != null ? found : Observation.unstored(row.indicator().id(), row.period());
    }

    private void write(Connection connection, ImportJobs.Spec spec, Path file, Map<String, IndicatorRef> indicators,
            Tally validated, Tally tally, OffsetDateTime now) throws SQLException {
        ErrorCollector errors = new ErrorCollector();
        try (ObservationRows rows = ObservationRows.open(spec.format(), file, UploadLimits.of(config));
                ObservationStore store = ObservationStore.withoutValueAudit(connection, stamp)) {
            RowScan scan = new RowScan(new RowParser(indicators), config.batchSize(),
                    config.progressEvery());
            StoredLevels levels = new StoredLevels();
            scan.scan(rows, null, errors, tally,
                    batch -> writeBatch(connection, store, spec, now, batch, tally, levels),
                    () -> jobs.save(spec.id(), ImportStatus.WRITING, validated, tally.written(), errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            // Pass 1 accepted every row of this very file: a row error now is a bug, not bad input.
            throw new IllegalStateException("Pass 2 found errors pass 1 did not: " + errors.kept());
        }
    }

    private void writeBatch(Connection connection, ObservationStore store, ImportJobs.Spec spec,
            OffsetDateTime now, List<ParsedRow> batch, Tally tally, StoredLevels levels) throws SQLException {
        Map<String, Observation> stored = ObservationStore.find(connection, periods(batch), true);
        List<ImportError> conflicts = new ArrayList<>();
        Map<Revision, ParsedRow> rows = new IdentityHashMap<>();
        for (ParsedRow row : batch) {
            Observation observation = stored(stored, row);
            ImportMode.Outcome outcome = spec.mode().decide(row, observation, spec.createdBy(), now,
                    spec.confirmForms(), levels.of(connection, row.indicator().id()), plausibility);
            Revision revision = outcome.revision();
            if (outcome.error() != null) {
                conflicts.add(outcome.error());
            } else {
                tally.count(revision);
                store.add(revision, row.indicator().code());
                rows.put(revision, row);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RejectedDuringWrite(conflicts);
        }
        try {
            store.flush();
        } catch (ObservationStore.ConcurrentChange e) {
            throw new ChangedDuringWrite(rows.get(e.revision()));
        }
    }
}
