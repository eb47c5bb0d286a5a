package org.policytracker.security;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The web app's session cookie key when none is configured: a random key made on the first start
 * and kept in {@code <tracker.data-dir>/session.key} (readable by its owner only), so sessions
 * survive a restart and the key is never written to the log. Without this, Quarkus makes a
 * temporary key per start and prints it at WARN, and anyone who reads the log can forge a session.
 * A configured {@code quarkus.http.auth.session.encryption-key} always wins; instances that share
 * one database but not one data directory must set it (the same on each).
 *
 * <p>Registered in META-INF/services. Quarkus also builds its configuration while packaging the
 * application and records the runtime values it finds then into the package; this source answers
 * only once the application runs ({@link ExecutionMode#RUNTIME_INIT}), so no key is ever made at
 * build time or baked into the jar (RestartIT checks both).
 */
public class SessionKeySource implements ConfigSourceFactory {

    static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String FILE_NAME = "session.key";
    /** Below application.properties (250), environment variables (300) and system properties (400). */
    private static final int ORDINAL = 50;
    private static final int KEY_BYTES = 32;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode mode = ExecutionMode.current();
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
            return List.of();
        }
        ConfigValue configured = context.getValue(KEY_PROPERTY);
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue("tracker.data-dir");
        Path file = Path.of(dataDir == null || dataDir.getValue() == null ? "./data" : dataDir.getValue())
                .resolve(FILE_NAME);
        return List.of(new PropertiesConfigSource(Map.of(KEY_PROPERTY, readOrCreate(file)),
                "session key file " + file, ORDINAL));
    }

    /** The key in {@code file}; when there is none, a new random key written there first. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (key.length() < 16) {
                throw new IllegalStateException(file + " holds no usable session key (16 or more characters);"
                        + " delete it to have a new one made, or set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the session key file " + file
                    + "; set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY instead", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(random);
        String key = Base64.getEncoder().encodeToString(random);
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".new");
        try {
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.setPosixFilePermissions(partial, ownerOnly);
            }
            Files.writeString(partial, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
            // Two instances starting on one data directory at once: the first link wins, both read it.
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException anotherWasFirst) {
            // keep the other one's key
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(partial, file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
