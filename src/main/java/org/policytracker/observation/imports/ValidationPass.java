package org.policytracker.observation.imports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policytracker.observation.Observation;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.ObservationStore;
import org.policytracker.system.TrackerConfig;

/**
 * Pass 1: reads and checks every row, and looks up what is stored for each a batch at a time,
 * writing nothing. Its result decides between REJECTED and writing; for a dry run it is the answer.
 */
@ApplicationScoped
class ValidationPass {

    /**
     * The outcome of pass 1: the counts (and what would happen), every error, and the indicators the file
     * has values of (which pass 2 holds while it writes, {@link org.policytracker.observation.ValueLocks}).
     */
    record Result(Tally tally, ErrorCollector errors, Set<Long> indicatorIds) {
    }

    private final AgroalDataSource dataSource;
    private final ImportJobs jobs;
    private final TrackerConfig.Import config;
    private final ObservationRules.Plausibility plausibility;

    ValidationPass(AgroalDataSource dataSource, ImportJobs jobs, TrackerConfig config) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.config = config.imports();
        this.plausibility = ObservationRules.Plausibility.of(config.values());
    }

    Result run(ImportJobs.Spec spec, Path file, Map<String, IndicatorRef> indicators) {
        Tally tally = new Tally();
        ErrorCollector errors = new ErrorCollector();
        Set<Long> indicatorIds = new HashSet<>();
        StoredLevels levels = new StoredLevels();
        try (ObservationRows rows = ObservationRows.open(spec.format(), file, UploadLimits.of(config))) {
            if (!rows.headerErrors().isEmpty()) {
                errors.addAll(rows.headerErrors());
                return new Result(tally, errors, indicatorIds);
            }
            RowScan scan = new RowScan(new RowParser(indicators), config.batchSize(),
                    config.progressEvery());
            scan.scan(rows, new RowKeys(), errors, tally,
                    batch -> decide(spec, batch, tally, errors, indicatorIds, levels),
                    () -> jobs.save(spec.id(), ImportStatus.VALIDATING, tally, 0, errors));
        } catch (UnreadableFileException e) {
            errors.add(e.toError());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up stored values failed", e);
        }
        return new Result(tally, errors, indicatorIds);
    }

    /**
     * What each row of the batch would do, by the same rules the write applies (on copies read here and
     * thrown away); a stored value in create mode is an error.
     */
    private void decide(ImportJobs.Spec spec, List<ParsedRow> batch, Tally tally, ErrorCollector errors,
            Set<Long> indicatorIds, StoredLevels levels) throws SQLException {
        batch.forEach(row -> indicatorIds.add(row.indicator().id()));
        // A connection outside any transaction: pass 1 only reads, and holds no locks while it does.
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Observation> stored = ObservationStore.find(connection, WritePass.periods(batch), false);
            OffsetDateTime now = ImportJobs.now();
            for (ParsedRow row : batch) {
                Observation observation = WritePass.stored(stored, row);
                ImportMode.Outcome outcome = spec.mode().decide(row, observation, spec.createdBy(), now,
                        spec.confirmForms(), levels.of(connection, row.indicator().id()), plausibility);
                if (outcome.error() != null) {
                    errors.add(outcome.error());
                } else {
                    tally.count(outcome.revision());
                }
            }
        }
    }
}
