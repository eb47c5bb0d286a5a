package org.policytracker.observation.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.policytracker.system.Unstamped;

/**
 * A bulk import and how far it got. Everything about a job lives in this row, so that a client
 * polling any instance sees its progress and result.
 */
@Entity
@Unstamped
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_format")
    public FileFormat format;

    @Column(name = "dry_run")
    public boolean dryRun;

    /** Values whose form differs from their indicator's published form are confirmed. */
    @Column(name = "confirm_forms")
    public boolean confirmForms;

    @Enumerated(EnumType.STRING)
    @Column(name = "import_mode")
    public ImportMode mode;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    @Column(name = "rows_read")
    public int rowsRead;

    @Column(name = "rows_valid")
    public int rowsValid;

    @Column(name = "rows_written")
    public int rowsWritten;

    @Column(name = "error_count")
    public int errorCount;

    /** The first errors by row, as a JSON array of {row, column, message}. */
    public String errors;

    /** {@link ImportSummary} as JSON. */
    public String summary;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** Refreshed while the instance holding the job lives; see {@link ImportWatchdog}. */
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;

    @Version
    public long version;
}
