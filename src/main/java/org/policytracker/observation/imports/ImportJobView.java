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
        @Schema(description = "Values in another form than their indicator's published one were confirmed") boolean confirmForms,
        ImportStatus status,
        @Schema(description = "Data rows read so far (the header not counted)") int rowsRead,
        @Schema(description = "Rows that passed every check (rows with a blank value are skipped, not counted)") int rowsValid,
        @Schema(description = "Values created or corrected so far (unchanged rows are not written)") int rowsWritten,
        @Schema(description = "How many errors the file has; errors lists the first 1000 by row") int errorCount,
        List<Error> errors,
        @Schema(description = "What the import did (a dry run: would do)") ImportSummary summary,
        String createdBy,
        OffsetDateTime createdAt,
        @Schema(description = "Set once the job is SUCCEEDED, REJECTED or FAILED") OffsetDateTime finishedAt) {

    /** One problem of the file, in the language of the request that reads the job. */
    @Schema(name = "ImportError")
    public record Error(
            @Schema(description = "Spreadsheet row number; the header is row 1") Integer row,
            @Schema(description = "The column at fault, as the header names it; \"(file)\" when the file as a whole "
                    + "cannot be read") String column,
            @Schema(description = "The row's indicator code, when the row names a known one") String indicator,
            @Schema(description = "The row's period, when it is one") String period,
            @Schema(description = "What is wrong, for programs, e.g. value.share") String code,
            @Schema(description = "What is wrong and what is allowed, in the request's language") String message) {
    }
}
