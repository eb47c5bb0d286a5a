package org.policytracker.observation.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One problem of an imported file: where it is and what is wrong with it. */
@Schema(name = "ImportError")
public record ImportError(
        @Schema(description = "Spreadsheet row number; the header is row 1") Integer row,
        @Schema(description = "The column at fault, as the header names it; \"(file)\" when the file as a whole "
                + "cannot be read") String column,
        @Schema(description = "What is wrong and what is allowed") String message) {

    /** A column that names the file as a whole rather than a cell. */
    public static final String FILE = "(file)";
}
