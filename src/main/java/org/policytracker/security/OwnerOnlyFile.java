package org.policytracker.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A secret written to a file only its owner can read (rw-------): the permissions are set on a new temporary file
 * in the same directory before the secret is written, the secret is forced to the disk, and the file is then
 * renamed into place in one step, so no other user can ever read it and no half-written file is ever seen.
 */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** Writes {@code secret} and a line end to {@code file}, replacing what was there. */
    static void write(Path file, String secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".new");
        try {
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(partial, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
