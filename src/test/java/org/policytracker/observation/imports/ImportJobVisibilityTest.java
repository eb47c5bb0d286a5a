package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.system.Lang;

/**
 * A job's SUCCEEDED is shown only once its write transaction has returned from the commit: H2 makes a
 * commit visible to other sessions before the committing thread has written it to the file, and a client
 * told SUCCEEDED in between would lose the import to a kill -9 (CrashDuringImportIT found it).
 */
@QuarkusTest
class ImportJobVisibilityTest {

    @Inject
    ImportJobs jobs;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldShowWritingUntilTheCommitHasReturned() {
        String id = jobs.create(java.util.UUID.randomUUID().toString(), "f.csv", FileFormat.CSV, false,
                ImportMode.UPSERT, false, "analyst1").id();
        ImportJobView[] during = new ImportJobView[2];
        jobs.committing(id, () -> {
            QuarkusTransaction.requiringNew().run(() -> jobs.saveInCurrentTransaction(id, ImportStatus.SUCCEEDED,
                    new Tally(), 0, new ErrorCollector()));
            // Committed and visible, but the writer has not yet returned from its commit.
            during[0] = jobs.get(id, Lang.EN);
        }, () -> during[1] = jobs.get(id, Lang.EN)); // committed, not yet forced to the disk
        for (ImportJobView view : during) {
            assertEquals(ImportStatus.WRITING, view.status());
            assertNull(view.finishedAt());
        }
        ImportJobView after = jobs.get(id, Lang.EN);
        assertEquals(ImportStatus.SUCCEEDED, after.status());
        assertNotNull(after.finishedAt());
    }
}
