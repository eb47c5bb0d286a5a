package org.policytracker.system;

/** The database cannot write (disk full, failing or read-only): answered 503 "storage", never 2xx. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(Throwable cause) {
        super(cause);
    }
}
