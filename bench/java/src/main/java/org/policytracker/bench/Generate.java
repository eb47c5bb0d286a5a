package org.policytracker.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.policytracker.catalogue.SeedDirectory;
import org.policytracker.catalogue.SeedModel;
import org.policytracker.catalogue.SeedReader;

/**
 * The benchmark's data: {@code generate <seed-data> <out-dir> <synthetic-indicators> <rows>...}.
 *
 * <ul>
 *   <li>{@code out/seed/}: a copy of seed-data plus {@code bench-synthetic.yaml}, a document with
 *   the given number of synthetic indicators and NO targets. The dashboard assesses targets, so its
 *   cost should follow the number of targets and not of stored values: with targets on the synthetic
 *   indicators the 1M-vs-10k comparison would measure 10,000 targets against 100, not values. The
 *   catalogue is the same for every data set, so only the number of values differs.</li>
 *   <li>{@code out/obs-<rows>.csv}: the real measured indicators' series (2000–2025, so the 57
 *   targets have realistic assessments) and then synthetic indicators, 100 years each, until the
 *   file has {@code rows} data rows. The columns are the bulk import's.</li>
 * </ul>
 */
public final class Generate {

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: Generate <seed-data> <out-dir> <synthetic-indicators> <rows>...");
            System.exit(2);
        }
        Path seed = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int synthetic = Integer.parseInt(args[2]);
        Path benchSeed = out.resolve("seed");
        copySeed(seed, benchSeed, synthetic);
        SeedModel.Catalogue catalogue = SeedReader.read(SeedDirectory.of(seed));
        Map<String, List<Series.Point>> real = Series.real(catalogue);
        for (int i = 3; i < args.length; i++) {
            int rows = Integer.parseInt(args[i]);
            Path csv = out.resolve("obs-" + args[i] + ".csv");
            int written = writeCsv(csv, real, rows, synthetic);
            System.out.printf("%s: %d rows (%d real-indicator values)%n", csv, written,
                    real.values().stream().mapToInt(List::size).sum());
        }
    }

    private static void copySeed(Path from, Path to, int synthetic) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String index = Files.readString(to.resolve("index.yaml"), StandardCharsets.UTF_8);
        if (!index.contains("bench-synthetic.yaml")) {
            Files.writeString(to.resolve("index.yaml"),
                    index.replaceFirst("(?m)^(files:\\n(?:  - .*\\n)+)", "$1  - bench-synthetic.yaml\n"),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(to.resolve("sources/bench-synthetic.txt"),
                "Synthetic indicators for the benchmark harness (bench/run). Not a policy document.\n",
                StandardCharsets.UTF_8);
        try (BufferedWriter w = Files.newBufferedWriter(to.resolve("bench-synthetic.yaml"), StandardCharsets.UTF_8)) {
            w.write("schemaVersion: 1\n");
            w.write("document:\n  code: bench-synthetic\n  titleZh: 基准测试合成指标\n"
                    + "  titleEn: Synthetic indicators of the benchmark harness\n  number: null\n"
                    + "  issuer: bench\n  issuedOn: 2021-01-01\n  sourceText: sources/bench-synthetic.txt\n");
            w.write("indicators:\n");
            for (int n = 1; n <= synthetic; n++) {
                w.write("  - code: " + Series.syntheticCode(n) + "\n    nameZh: 合成指标" + n
                        + "\n    nameEn: Synthetic indicator " + n + "\n    unit: 亿元\n    unitEn: 100 million yuan\n"
                        + "    theme: SERVICE_TRADE\n    valueType: AMOUNT\n    measure: FLOW\n    favourableDirection: UP\n"
                        + "    seriesStart: 1900\n    precision: 2\n    publicationSource: synthetic, for the benchmark\n");
            }
            w.write("targets: []\n");
        }
    }

    private static int writeCsv(Path csv, Map<String, List<Series.Point>> real, int rows, int synthetic)
            throws IOException {
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            // Made-up levels (1000 where the catalogue has no baseline): confirmed against the plausibility rule.
            w.write("indicator,period,value,form,source,note,confirm\n");
            for (List<Series.Point> series : real.values()) {
                for (Series.Point p : series) {
                    if (written == rows) {
                        return written;
                    }
                    line(w, p, "bench: plausible series");
                    written++;
                }
            }
            for (int n = 1; written < rows; n++) {
                if (n > synthetic) {
                    throw new IllegalArgumentException(rows + " rows need more than " + synthetic
                            + " synthetic indicators of " + Series.SYNTHETIC_YEARS + " years");
                }
                for (Series.Point p : Series.synthetic(n)) {
                    if (written == rows) {
                        break;
                    }
                    line(w, p, "");
                    written++;
                }
            }
        }
        return written;
    }

    private static void line(BufferedWriter w, Series.Point p, String note) throws IOException {
        w.write(p.indicator());
        w.write(',');
        w.write(Integer.toString(p.year()));
        w.write(',');
        w.write(Double.toString(p.value()));
        w.write(",LEVEL,bench generator,");
        w.write(note);
        w.write(",true\n");
    }
}
