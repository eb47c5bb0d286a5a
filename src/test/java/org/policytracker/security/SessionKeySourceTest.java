package org.policytracker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session key kept in the data directory: made once, owner-only, read back unchanged. */
class SessionKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void shouldMakeARandomOwnerOnlyKeyOnceAndReadItBack() throws Exception {
        Path file = dir.resolve("not-yet").resolve(SessionKeySource.FILE_NAME);
        String first = SessionKeySource.readOrCreate(file);
        assertEquals(32, Base64.getDecoder().decode(first).length, "256 random bits");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(first, SessionKeySource.readOrCreate(file), "the same key on every later start");
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside the key");
        }
        assertNotEquals(first, SessionKeySource.readOrCreate(dir.resolve("other").resolve("session.key")),
                "each data directory its own key");
    }

    @Test
    void shouldRefuseAKeyFileThatHoldsNoUsableKey() throws Exception {
        Path file = dir.resolve(SessionKeySource.FILE_NAME);
        Files.writeString(file, "short\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SessionKeySource.readOrCreate(file));
        assertTrue(refused.getMessage().contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), refused.getMessage());
    }
}
