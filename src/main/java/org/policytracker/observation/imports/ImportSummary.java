package org.policytracker.observation.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did with its rows (for a dry run: what it would do). */
@Schema(name = "ImportSummary")
public record ImportSummary(
        @Schema(description = "New values (including a value entered again after it was deleted)") int created,
        @Schema(description = "Values corrected; the earlier value is kept as a prior vintage") int corrected,
        @Schema(description = "Rows identical to the current value; nothing written for them") int unchanged,
        @Schema(description = "Rows with a blank value cell (a template row nobody filled)") int skipped) {

    public static final ImportSummary EMPTY = new ImportSummary(0, 0, 0, 0);
}
