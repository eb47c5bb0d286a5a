package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.IMPORTS;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * Jobs whose instance died: an unfinished job whose heartbeat stopped is marked FAILED with a
 * message saying nothing was written; a job whose instance lives keeps its heartbeat fresh and is
 * left alone, as are finished jobs. (A real kill and a graceful stop of the packaged application
 * are in ImportShutdownIT.)
 */
@QuarkusTest
class ImportWatchdogTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Inject
    ImportWatchdog watchdog;

    @Test
    void shouldFailUnfinishedJobsWhoseHeartbeatStoppedAndLeaveTheOthers() {
        OffsetDateTime longAgo = ImportJobs.now().minus(Duration.ofMinutes(5));
        String deadWriting = job(ImportStatus.WRITING, longAgo);
        String deadQueued = job(ImportStatus.QUEUED, longAgo);
        String alive = job(ImportStatus.WRITING, ImportJobs.now());
        String finished = job(ImportStatus.SUCCEEDED, longAgo);

        assertEquals(2, watchdog.reap(), "exactly the two dead jobs");

        for (String id : new String[]{deadWriting, deadQueued}) {
            asViewer().get(IMPORTS + "/" + id).then().statusCode(200)
                    .body("status", equalTo("FAILED"))
                    .body("rowsWritten", equalTo(0))
                    .body("errorCount", equalTo(1))
                    .body("errors[0].code", equalTo(ImportWatchdog.LOST))
                    .body("errors[0].message", equalTo("The server that was running this import stopped before it "
                            + "finished; nothing was written. Send the file again."))
                    .body("finishedAt", Matchers.notNullValue());
        }
        asViewer().get(IMPORTS + "/" + alive).then().body("status", equalTo("WRITING")).body("finishedAt", nullValue());
        asViewer().get(IMPORTS + "/" + finished).then().body("status", equalTo("SUCCEEDED"));
        assertEquals(0, watchdog.reap(), "a second look finds nothing more");
    }

    @Test
    void shouldKeepTheHeartbeatOfJobsThisInstanceHoldsSoTheyAreNotFailed() {
        OffsetDateTime longAgo = ImportJobs.now().minus(Duration.ofMinutes(5));
        String held = job(ImportStatus.QUEUED, longAgo);
        watchdog.hold(held);
        try {
            assertEquals(1, watchdog.beat(), "the one held job");
            OffsetDateTime beat = QuarkusTransaction.requiringNew()
                    .call(() -> ImportJob.<ImportJob>findById(held).heartbeatAt);
            assertTrue(beat.isAfter(longAgo.plusMinutes(4)), "heartbeat refreshed: " + beat);
            watchdog.reap();
            asViewer().get(IMPORTS + "/" + held).then().body("status", equalTo("QUEUED"));
        } finally {
            watchdog.release(held);
        }
    }

    @Inject
    ImportFiles files;

    /** A job's file in the import directory, last written {@code age} ago. */
    private Path file(String id, Duration age) throws Exception {
        Files.createDirectories(files.directory());
        Path file = files.directory().resolve(id + ".csv");
        Files.writeString(file, "indicator,period,value\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void shouldRemoveTheFilesOfJobsThatDiedAndKeepThoseOfLiveJobs() throws Exception {
        OffsetDateTime longAgo = ImportJobs.now().minus(Duration.ofMinutes(5));
        Path killed = file(job(ImportStatus.WRITING, longAgo), Duration.ofMinutes(5));
        Path finished = file(job(ImportStatus.SUCCEEDED, longAgo), Duration.ofMinutes(5));
        Path orphan = file(UUID.randomUUID().toString(), Duration.ofMinutes(5)); // its upload was cut off
        Path uploading = file(UUID.randomUUID().toString(), Duration.ZERO); // no job yet: still being written
        Path otherInstance = file(job(ImportStatus.VALIDATING, ImportJobs.now()), Duration.ofMinutes(5));
        String heldId = job(ImportStatus.QUEUED, ImportJobs.now());
        Path held = file(heldId, Duration.ofMinutes(5));
        Path notOurs = files.directory().resolve("notes.txt");
        Files.writeString(notOurs, "an operator's file");
        watchdog.hold(heldId);
        try {
            // As at start: the killed job is marked FAILED, then the files no live job needs are removed.
            assertEquals(1, watchdog.reap());
            assertEquals(3, watchdog.sweep(), "the killed job's, the finished job's and the orphan upload");
            assertFalse(Files.exists(killed), "the file of the job the watchdog marked FAILED");
            assertFalse(Files.exists(finished));
            assertFalse(Files.exists(orphan));
            assertTrue(Files.exists(uploading), "an upload still being written");
            assertTrue(Files.exists(otherInstance), "an unfinished job with a fresh heartbeat");
            assertTrue(Files.exists(held), "a job this instance holds");
            assertTrue(Files.exists(notOurs), "a file not named as the import names them");
            assertEquals(0, watchdog.sweep());
        } finally {
            watchdog.release(heldId);
            for (Path p : new Path[]{uploading, otherInstance, held, notOurs}) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void shouldKeepUploadsInTheImportDirectoryUnderTheDataDirectoryAndRemoveThemWhenTheJobEnds() throws Exception {
        asViewer(); // the users exist
        ImportApi.importCsv("indicator,period,value\nPREFECTURE_IP_PUBLIC_SERVICE_COVERAGE,2021,80\n", "dryRun=true")
                .then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        assertTrue(files.directory().endsWith(Path.of("test-data", ImportFiles.DIRECTORY)), files.directory()
                .toString());
        try (var left = Files.list(files.directory())) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".csv")).toList(), "no file left");
        }
    }

    private static String job(ImportStatus status, OffsetDateTime heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.id = UUID.randomUUID().toString();
            job.fileName = "watchdog.csv";
            job.format = FileFormat.CSV;
            job.mode = ImportMode.CREATE;
            job.status = status;
            job.errors = "[]";
            job.summary = null;
            job.createdBy = "analyst1";
            job.createdAt = heartbeat;
            job.heartbeatAt = heartbeat;
            job.finishedAt = status.isFinal() ? heartbeat : null;
            job.persist();
            return job.id;
        });
    }
}
