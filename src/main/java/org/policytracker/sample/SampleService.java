package org.policytracker.sample;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.policytracker.observation.Observation;
import org.policytracker.observation.SampleDataset;
import org.policytracker.observation.ValueLocks;
import org.policytracker.observation.imports.FileFormat;
import org.policytracker.observation.imports.ImportJobView;
import org.policytracker.observation.imports.ImportMode;
import org.policytracker.observation.imports.ImportService;
import org.policytracker.system.ChangeStamp;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Lang;
import org.policytracker.system.Problems;
import org.policytracker.system.TrackerConfig;

/**
 * A clearly marked sample dataset a new office can look at: loaded by an admin into a database without
 * values (through the bulk import, as user {@value #ACTOR}), removed again whole. While it is loaded,
 * real values are refused and every report says it shows sample data.
 */
@ApplicationScoped
public class SampleService {

    /** Who the sample values are entered by, in their history and the audit log. */
    static final String ACTOR = "sample";
    static final String RESOURCE = "sample/values.csv";
    /**
     * Every value and what hangs on it, children first: what a removal of the sample deletes (and what
     * tests start without). The catalogue and the users stay.
     */
    public static final List<String> VALUE_TABLES = List.of("audit_event", "observation_vintage", "observation",
            "milestone_update", "import_job", "sample_dataset");

    /** What the app shows of the sample dataset. */
    public record State(boolean loaded, String loadedBy, OffsetDateTime loadedAt) {
    }

    private final ImportService imports;
    private final AgroalDataSource dataSource;
    private final ChangeStamp stamp;

    private final ValueLocks locks;
    private final Duration lockWait;

    SampleService(ImportService imports, AgroalDataSource dataSource, ValueLocks locks, TrackerConfig config,
            ChangeStamp stamp) {
        this.stamp = stamp;
        this.locks = locks;
        this.lockWait = config.values().lockWait();
        this.imports = imports;
        this.dataSource = dataSource;
    }

    public State state() {
        Optional<SampleDataset> sample = QuarkusTransaction.requiringNew().call(SampleDataset::current);
        return sample.map(s -> new State(true, s.loadedBy, s.loadedAt)).orElse(new State(false, null, null));
    }

    /**
     * Loads the sample into a database without values; 409 when it has values (or the sample already).
     * The mark goes in first, so that real writes are refused from then on, and the database is checked
     * again once it is in: a real value that arrived meanwhile takes the mark out again, so the two never
     * mix. An import that fails removes what it wrote.
     */
    public State load(String admin) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Observation.count() > 0 || SampleDataset.current().isPresent()) {
                throw notEmpty();
            }
            SampleDataset sample = new SampleDataset();
            sample.id = SampleDataset.ID;
            sample.loadedBy = admin;
            sample.loadedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            sample.persist();
        });
        if (QuarkusTransaction.requiringNew().call(() -> Observation.count() > 0)) {
            QuarkusTransaction.requiringNew().run(() -> SampleDataset.deleteById(SampleDataset.ID));
            throw notEmpty();
        }
        ImportJobView job;
        try (InputStream csv = SampleService.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            job = imports.submit(csv, new ImportService.Request("sample-values.csv", FileFormat.CSV, false,
                    ImportMode.CREATE, true, true, ACTOR, Lang.ZH, true));
        } catch (IOException | RuntimeException e) {
            remove();
            throw e instanceof IOException io ? new UncheckedIOException("The sample dataset cannot be read", io)
                    : (RuntimeException) e;
        }
        if (!"SUCCEEDED".equals(job.status().name())) {
            remove();
            throw new IllegalStateException("The sample dataset did not import: " + job.status() + " " + job.errors());
        }
        return state();
    }

    private static RuntimeException notEmpty() {
        return Problems.of(409, List.of(FieldMessage.of("(sample)", "sample.notEmpty")));
    }

    /** Removes the sample and every value (all are sample values while it is loaded); 409 when none is loaded. */
    public State remove() {
        if (!state().loaded()) {
            throw Problems.of(409, List.of(FieldMessage.of("(sample)", "sample.notLoaded")));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            locks.holdAllOrRefuse(lockWait);
            stamp.touch();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String table : VALUE_TABLES) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The sample dataset could not be removed", e);
            }
        });
        return state();
    }
}
