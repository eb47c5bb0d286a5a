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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.observation.ValueLocks;
import org.policytracker.system.Message;
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
    private static final int RESTORE_TIMEOUT_SECONDS = 3600;

    private final AgroalDataSource dataSource;
    private final Flyway flyway;
    private final SecurityIdentity identity;

    private final ValueLocks locks;
    private final Duration lockWait;

    private final AuditLog audit;

    BackupResource(AgroalDataSource dataSource, Flyway flyway, SecurityIdentity identity, ValueLocks locks,
            TrackerConfig config, AuditLog audit) {
        this.audit = audit;
        this.locks = locks;
        this.lockWait = config.values().lockWait();
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.identity = identity;
    }

    public record RestoreResult(String schemaVersion, Map<String, Long> rows) {
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
    @Operation(summary = "Restore a backup", description = "Replaces the whole state of this instance with the "
            + "file's, all or nothing. A file from a newer schema than this application's is refused, and so is one "
            + "whose users could not sign in or administer: no admin, a role other than viewer, analyst or admin, a "
            + "password hash that is not bcrypt, a user name a user could not be created with. The restore is "
            + "audited (BACKUP_RESTORED), after the restored audit trail.")
    @APIResponse(responseCode = "200", description = "Restored; rows per table")
    @APIResponse(responseCode = "400", description = "Not a backup, or from a newer schema; nothing changed")
    @APIResponse(responseCode = "503", description = "Values were being written (an import, say) for the whole "
            + "of tracker.values.lock-wait; nothing changed")
    public RestoreResult restore(InputStream file) {
        String current = schemaVersion();
        try {
            Map<String, Long> rows = QuarkusTransaction.requiringNew().timeout(RESTORE_TIMEOUT_SECONDS).call(() -> {
                locks.holdAllOrRefuse(lockWait);
                try (Connection connection = dataSource.getConnection()) {
                    Map<String, Long> restored = BackupReader.restore(connection, file,
                            version -> versionProblem(version, current));
                    // The restore itself is audited, after the restored trail, in the same transaction.
                    try (AuditLog.Batch batch = audit.batch(connection)) {
                        batch.add(AuditAction.BACKUP_RESTORED, identity.getPrincipal().getName(),
                                OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null,
                                Map.of("schemaVersion", current, "rows", restored));
                        batch.flush();
                    }
                    return restored;
                }
            });
            Log.infof("Restored a backup: %s", rows);
            return new RestoreResult(current, rows);
        } catch (BackupReader.RefusedBackup e) {
            throw Problems.badRequest(e.field(), "backup.refused", "reason", e.reason());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JacksonException json) {
                throw Problems.badRequest("body", "backup.unreadable", "reason",
                        Problems.quote(json.getOriginalMessage()));
            }
            if (e.getCause() instanceof SQLException sql) {
                Log.warnf(sql, "A restore was refused by the database");
                throw Problems.badRequest("body", "backup.refusedByDatabase", "reason",
                        Problems.quote(sql.getMessage()));
            }
            throw e;
        }
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
