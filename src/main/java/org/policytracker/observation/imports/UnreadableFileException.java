package org.policytracker.observation.imports;

import org.policytracker.system.Lang;
import org.policytracker.system.Message;

/** The file itself cannot be read (not UTF-8, broken quoting, not a workbook): the import is rejected. */
final class UnreadableFileException extends RuntimeException {

    private final int row;
    private final transient Message message;

    UnreadableFileException(int row, Message message, Throwable cause) {
        super(message.in(Lang.EN), cause);
        this.row = row;
        this.message = message;
    }

    Message message() {
        return message;
    }

    ImportError toError() {
        return new ImportError(row, ImportError.FILE, null, null, message);
    }
}
