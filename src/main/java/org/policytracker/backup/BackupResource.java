package org.policytracker.backup;

import com.fasterxml.jackson.core.JacksonException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.observation.ValueLocks;
import org.policytracker.system.ChangeStamp;
import org.policytracker.system.Message;
import org.policytracker.system.ProblemException;
import org.policytracker.system.Problems;
import org.policytracker.system.Roles;
import org.policytracker.system.TrackerConfig;

/**
 * The whole state in one database-independent file, and back: how an office moves from the
 * embedded H2 default to PostgreSQL, and how an instance is restored.
 */
@Path("/api/admin")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Backup", description = "Whole-state backup and restore (admins)")
public class BackupResource {

    /** A restore of a large state may take a while; it stays one transaction. */
    static final int RESTORE_TIMEOUT_SECONDS = 3600;

    private final AgroalDataSource dataSource;
    private final Flyway flyway;
    private final SecurityIdentity identity;

    private final ValueLocks locks;
    private final Duration lockWait;

    private final AuditLog audit;
    private final BackupSpool spool;
    private final ChangeStamp stamp;

    BackupResource(AgroalDataSource dataSource, Flyway flyway, SecurityIdentity identity, ValueLocks locks,
            TrackerConfig config, AuditLog audit, BackupSpool spool, ChangeStamp stamp) {
        this.stamp = stamp;
        this.audit = audit;
        this.spool = spool;
        this.locks = locks;
        this.lockWait = config.values().lockWait();
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.identity = identity;
    }

    /**
     * @param rows rows per table in the file
     * @param backupSha256 the file's SHA-256, which its restored audit entries and the BACKUP_RESTORED entry keep
     * @param auditRestored the backup's audit entries appended as restored history
     * @param auditAlreadyKept the backup's audit entries the trail already held (not appended again)
     */
    public record RestoreResult(String schemaVersion, Map<String, Long> rows, String backupSha256, long auditRestored,
            long auditAlreadyKept) {
    }

    @GET
    @Path("/backup")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Download a backup", description = "One JSON file with the catalogue, values with their "
            + "vintages, milestone states, the audit log, imports and users with their password hashes, read as "
            + "one consistent snapshot. It restores into H2 or PostgreSQL alike.")
    public Response backup() {
        String version = schemaVersion();
        String user = identity.getPrincipal().getName();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        StreamingOutput body = out -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                BackupWriter.write(connection, version, user, now, out);
                connection.commit();
            } catch (SQLException e) {
                throw new IOException("Backup failed", e);
            }
        };
        String name = "tracker-backup-" + now.toString().replace(":", "") + ".json";
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore a backup", description = "Replaces the state of this instance with the file's, all "
            + "or nothing. The whole file is checked first, writing nothing, and refused with every problem listed "
            + "(each naming tables.<table>.rows[<n>].<column> and what is allowed): a format or schema version this "
            + "application cannot read (a newer or unknown one), a missing table or unknown column, a cell not of its "
            + "column's type, empty where a value is needed or longer than its column, a reference to a row the file "
            + "lacks (a target's document or indicator, a value's or vintage's indicator, a vintage's value, a "
            + "milestone state's or judgement's target, a catalogue entry revision's revision), users that could not "
            + "sign in or administer (no admin, a role other than viewer, analyst or admin, a password hash that is "
            + "not bcrypt, a user name a user could not be created with or given twice), an unknown audit action. "
            + "The audit trail is append-only: no entry of this instance's trail is deleted or changed; the backup's "
            + "entries are appended as restored history (GET /api/audit: origin RESTORED, with the backup's SHA-256), "
            + "except those the trail already holds, and the restore itself is audited (BACKUP_RESTORED: who, when, "
            + "the backup's SHA-256, header and row counts).")
    @APIResponse(responseCode = "200", description = "Restored; rows per table, audit entries appended and kept")
    @APIResponse(responseCode = "400", description = "Not a backup this instance can restore: every problem is "
            + "listed in errors; nothing changed")
    @APIResponse(responseCode = "503", description = "Values were being written (an import, say) for the whole "
            + "of tracker.values.lock-wait; nothing changed")
    public RestoreResult restore(InputStream file) {
        String current = schemaVersion();
        try (BackupSpool.Spooled backup = spool.store(file)) {
            BackupCheck.Result checked = check(backup, current);
            if (!checked.problems().isEmpty()) {
                throw new ProblemException(400, null, Message.of("backup.refusedAll", "count",
                        checked.problems().size()), checked.problems());
            }
            BackupReader.Outcome outcome = QuarkusTransaction.requiringNew().timeout(RESTORE_TIMEOUT_SECONDS)
                    .call(() -> {
                        locks.holdAllOrRefuse(lockWait);
                        stamp.touch(); // everything the dashboard shows is replaced
                        try (Connection connection = dataSource.getConnection();
                                InputStream in = Files.newInputStream(backup.file())) {
                            BackupReader.Outcome restored = BackupReader.restore(connection, in, backup.sha256());
                            // The restore itself is audited, after the trail, in the same transaction.
                            try (AuditLog.Batch batch = audit.batch(connection)) {
                                batch.add(AuditAction.BACKUP_RESTORED, identity.getPrincipal().getName(),
                                        OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null,
                                        restoredEntry(backup, checked.header(), current, restored));
                                batch.flush();
                            }
                            return restored;
                        }
                    });
            Log.infof("Restored the backup %s: %s; audit entries appended %d, already kept %d", backup.sha256(),
                    outcome.rows(), outcome.auditRestored(), outcome.auditAlreadyKept());
            return new RestoreResult(current, outcome.rows(), backup.sha256(), outcome.auditRestored(),
                    outcome.auditAlreadyKept());
        } catch (BackupFile.RefusedBackup e) {
            throw Problems.badRequest(e.field(), "backup.refused", "reason", e.reason());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                Log.warnf(sql, "A restore was refused by the database");
                throw Problems.badRequest("body", "backup.refusedByDatabase", "reason",
                        Problems.quote(sql.getMessage()));
            }
            throw e;
        }
    }

    /** The first pass: the whole file read and checked, nothing written. */
    private BackupCheck.Result check(BackupSpool.Spooled backup, String current) {
        try (Connection connection = dataSource.getConnection();
                InputStream in = Files.newInputStream(backup.file())) {
            return BackupCheck.check(in, BackupCheck.schema(connection), version -> versionProblem(version, current));
        } catch (JacksonException json) {
            throw Problems.badRequest("body", "backup.unreadable", "reason",
                    Problems.quote(json.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored backup", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schema", e);
        }
    }

    /** What the BACKUP_RESTORED entry records besides who and when. */
    private static Map<String, Object> restoredEntry(BackupSpool.Spooled backup, Map<String, String> header,
            String current, BackupReader.Outcome outcome) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("backupSha256", backup.sha256());
        entry.put("backupBytes", backup.bytes());
        entry.put("backupSchemaVersion", header.get(BackupFormat.SCHEMA_VERSION));
        entry.put("backupCreatedAt", header.get(BackupFormat.CREATED_AT));
        entry.put("backupCreatedBy", header.get(BackupFormat.CREATED_BY));
        entry.put("schemaVersion", current);
        entry.put("users", outcome.rows().getOrDefault("tracker_user", 0L));
        entry.put("values", outcome.rows().getOrDefault("observation", 0L));
        entry.put("vintages", outcome.rows().getOrDefault("observation_vintage", 0L));
        entry.put("auditEntriesRestored", outcome.auditRestored());
        entry.put("auditEntriesAlreadyKept", outcome.auditAlreadyKept());
        entry.put("rows", outcome.rows());
        return entry;
    }

    private String schemaVersion() {
        return flyway.info().current().getVersion().getVersion();
    }

    static Message versionProblem(String backup, String current) {
        MigrationVersion theirs;
        try {
            theirs = MigrationVersion.fromVersion(backup);
        } catch (RuntimeException e) {
            return Message.of("backup.badVersion", "value", Problems.quote(backup));
        }
        if (theirs.compareTo(MigrationVersion.fromVersion(current)) > 0) {
            return Message.of("backup.newerSchema", "backup", backup, "current", current);
        }
        return null;
    }
}
