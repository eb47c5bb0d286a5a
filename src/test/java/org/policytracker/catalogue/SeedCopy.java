package org.policytracker.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of seed-data/ to break or change in a test without touching the real one. */
public final class SeedCopy {

    private SeedCopy() {
    }

    /** Copies the seed directory {@code from} (seed-data/ by default) into {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        return to;
    }

    public static Path copy(Path to) throws IOException {
        return copy(Path.of("seed-data"), to);
    }
}
