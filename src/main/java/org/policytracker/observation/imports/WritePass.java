package org.policytracker.observation.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.policytracker.audit.AuditLog;
import org.policytracker.system.TrackerConfig;

/**
 * Pass 2: reads the file again and writes every row in ONE transaction with JDBC batches, so the
 * import is all or nothing. The job's SUCCEEDED commits with the data; progress is saved meanwhile
 * in short transactions of its own.
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

    private final EntityManager em;
    private final AuditLog audit;
    private final ImportJobs jobs;
    private final TrackerConfig.Import config;

    WritePass(EntityManager em, AuditLog audit, ImportJobs jobs, TrackerConfig config) {
        this.em = em;
        this.audit = audit;
        this.jobs = jobs;
        this.config = config.imports();
    }

    /** Writes the file; {@code validated} is pass 1's tally, shown as the job's counts while writing. */
    void run(ImportJobs.Spec spec, Path file, Map<String, IndicatorRef> indicators, Tally validated) {
        QuarkusTransaction.requiringNew().timeout((int) config.writeTimeout().toSeconds()).run(() -> {
            Tally tally = new Tally();
            em.unwrap(Session.class).doWork(connection -> write(connection, spec, file, indicators, validated, tally));
            jobs.saveInCurrentTransaction(spec.id(), ImportStatus.SUCCEEDED, tally, tally.written(),
                    new ErrorCollector());
        });
    }

    private void write(Connection connection, ImportJobs.Spec spec, Path file, Map<String, IndicatorRef> indicators,
            Tally validated, Tally tally) throws SQLException {
        ErrorCollector errors = new ErrorCollector();
        try (ObservationRows rows = ObservationRows.open(spec.format(), file);
                ObservationBatchWriter writer = new ObservationBatchWriter(connection, audit, spec.createdBy(),
                        ImportJobs.now())) {
            RowScan scan = new RowScan(new RowParser(indicators), config.batchSize(), config.progressEvery());
            scan.scan(rows, null, errors, tally, batch -> writeBatch(connection, writer, spec.mode(), batch, tally),
                    () -> jobs.save(spec.id(), ImportStatus.WRITING, validated, tally.written(), errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            // Pass 1 accepted every row of this very file: a row error now is a bug, not bad input.
            throw new IllegalStateException("Pass 2 found errors pass 1 did not: " + errors.kept());
        }
    }

    private static void writeBatch(Connection connection, ObservationBatchWriter writer, ImportMode mode,
            List<ParsedRow> batch, Tally tally) throws SQLException {
        Map<String, ExistingValue> existing = ExistingValues.find(connection, batch, true);
        List<ImportError> conflicts = new ArrayList<>();
        for (ParsedRow row : batch) {
            ExistingValue stored = existing.get(row.key());
            RowDecision decision = RowDecision.of(row, stored, mode);
            if (decision == RowDecision.CONFLICT) {
                conflicts.add(RowDecision.conflict(row, stored));
            } else {
                tally.valid++;
                tally.count(decision);
                writer.add(row, decision, stored);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RejectedDuringWrite(conflicts);
        }
        writer.flush();
    }
}
