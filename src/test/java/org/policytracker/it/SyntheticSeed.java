package org.policytracker.it;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A seed directory for load and crash runs: a copy of seed-data/ plus one more document file
 * (listed last in index.yaml) with
 * {@code n} synthetic indicators SYN_00000… (AMOUNT, favourable UP, no targets, published from 1900).
 * Periods are the ended years 1900–2010, so n indicators give n × 111 slots for values: 1000 indicators hold
 * a 100k-row import.
 * No dependencies, so the load script runs it as a single-file program:
 * {@code java src/test/java/org/policytracker/it/SyntheticSeed.java <dir> <n> [seed-data]}.
 */
public final class SyntheticSeed {

    /** The first year of the synthetic series; they run for {@link #YEARS} years. */
    public static final int FIRST_YEAR = 1900;
    public static final int YEARS = 111;

    public static final String PREFIX = "SYN_";

    private SyntheticSeed() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Path.of(args.length > 2 ? args[2] : "seed-data"));
    }

    public static String code(int i) {
        return String.format("%s%05d", PREFIX, i);
    }

    /** Copies {@code seedData} into {@code dir} and adds synthetic.yaml with {@code n} indicators. */
    public static Path write(Path dir, int n, Path seedData) throws IOException {
        try (Stream<Path> files = Files.walk(seedData)) {
            for (Path p : files.toList()) {
                Path copy = dir.resolve(seedData.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/synthetic.txt"), "Synthetic indicators for load and crash tests.\n");
        try (Writer out = Files.newBufferedWriter(dir.resolve("synthetic.yaml"), StandardCharsets.UTF_8)) {
            out.write("""
                    schemaVersion: 1
                    document:
                      code: synthetic-load
                      titleZh: 合成指标（负载与崩溃测试）
                      titleEn: Synthetic indicators for load and crash tests
                      number: null
                      issuer: test harness
                      issuedOn: 2021-01-01
                      sourceText: sources/synthetic.txt
                    indicators:
                    """);
            for (int i = 0; i < n; i++) {
                out.write("  - code: " + code(i) + "\n"
                        + "    nameZh: 合成指标" + i + "\n"
                        + "    nameEn: Synthetic indicator " + i + "\n"
                        + "    unit: 件\n"
                        + "    unitEn: items\n"
                        + "    theme: SERVICE_TRADE\n"
                        + "    valueType: AMOUNT\n"
                        + "    measure: FLOW\n"
                        + "    favourableDirection: UP\n"
                        + "    seriesStart: " + FIRST_YEAR + "\n"
                        + "    precision: 2\n"
                        + "    publicationSource: synthetic, for tests\n");
            }
            out.write("targets: []\n");
        }
        Path index = dir.resolve("index.yaml");
        // Listed last: the files list is followed by nothing, or by another field.
        Files.writeString(index, Files.readString(index, StandardCharsets.UTF_8)
                .replaceFirst("(?m)^(files:\\n(?:  - .*\\n)+)", "$1  - synthetic.yaml\n"), StandardCharsets.UTF_8);
        return dir;
    }
}
