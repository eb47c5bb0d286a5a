package org.policytracker.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where seed files are read from: the copy packaged in the application, or a directory. */
public interface SeedDirectory {

    /** The file's bytes, or empty when there is no such file. */
    Optional<byte[]> read(String name);

    /** How to name a file of this directory in messages, e.g. seed-data/index.yaml. */
    String describe(String name);

    static SeedDirectory of(Path dir) {
        return new SeedDirectory() {

            @Override
            public Optional<byte[]> read(String name) {
                Path file = dir.resolve(name).normalize();
                if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read seed file " + file, e);
                }
            }

            @Override
            public String describe(String name) {
                return dir.resolve(name).toString();
            }
        };
    }

    /** The seed-data/ folder packaged inside the application. */
    static SeedDirectory packaged() {
        return new SeedDirectory() {

            @Override
            public Optional<byte[]> read(String name) {
                if (name.contains("..")) {
                    return Optional.empty();
                }
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try (InputStream in = loader.getResourceAsStream("seed-data/" + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read packaged seed file " + name, e);
                }
            }

            @Override
            public String describe(String name) {
                return "seed-data/" + name;
            }
        };
    }
}
