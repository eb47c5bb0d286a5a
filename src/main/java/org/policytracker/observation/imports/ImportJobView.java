package org.policytracker.observation.imports;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as the API shows it. */
@Schema(name = "ImportJob", description = "A bulk import of observations: its progress while it runs, its result "
        + "when done. All or nothing: REJECTED and FAILED jobs wrote nothing.")
public record ImportJobView(
        String id,
        String fileName,
        FileFormat format,
        @Schema(description = "Checked every row and wrote nothing") boolean dryRun,
        @Schema(description = "CREATE refuses periods that have a value; UPSERT corrects them") ImportMode mode,
        ImportStatus status,
        @Schema(description = "Data rows read so far (the header not counted)") int rowsRead,
        @Schema(description = "Rows that passed every check (rows with a blank value are skipped, not counted)") int rowsValid,
        @Schema(description = "Values created or corrected so far (unchanged rows are not written)") int rowsWritten,
        @Schema(description = "How many errors the file has; errors lists the first 1000 by row") int errorCount,
        List<ImportError> errors,
        @Schema(description = "What the import did (a dry run: would do)") ImportSummary summary,
        String createdBy,
        OffsetDateTime createdAt,
        @Schema(description = "Set once the job is SUCCEEDED, REJECTED or FAILED") OffsetDateTime finishedAt) {
}
