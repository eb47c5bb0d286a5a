package org.policytracker.observation.imports;

/** The file itself cannot be read (not UTF-8, broken quoting, not a workbook): the import is rejected. */
final class UnreadableFileException extends RuntimeException {

    private final int row;

    UnreadableFileException(int row, String message, Throwable cause) {
        super(message, cause);
        this.row = row;
    }

    ImportError toError() {
        return new ImportError(row, ImportError.FILE, getMessage());
    }
}
