package org.policytracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The provenance rule (docs/SEED-FORMAT.md, "Provenance"), checked over every quote in seed-data/ with its own
 * normalisation (independent of the application's): white space and page-header lines removed,
 * the quote must be a substring of the document it cites.
 */
class ProvenanceTest {

    private static final Path SEED = Path.of("seed-data");
    private static final Path COMPILATION = Path.of("..", "shared", "seeds", "000_0e6413c681c9a3c3.txt");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TestFactory
    Stream<DynamicTest> everyQuoteIsVerbatimInTheDocumentItCites() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : seedFiles()) {
            JsonNode root = YAML.readTree(SEED.resolve(file).toFile());
            String source = normalise(Files.readString(SEED.resolve(root.at("/document/sourceText").asText())));
            for (JsonNode target : root.path("targets")) {
                String id = target.get("id").asText();
                String quote = stripWhiteSpace(target.get("quote").asText());
                tests.add(DynamicTest.dynamicTest(file + " " + id, () -> {
                    assertFalse(quote.isEmpty(), id + " has an empty quote");
                    assertTrue(source.contains(quote), id + ": quote not found verbatim: " + quote);
                }));
            }
        }
        assertTrue(tests.size() >= 50, "expected the whole catalogue, found " + tests.size() + " quotes");
        return tests.stream();
    }

    @Test
    void sourceTextsAreTheCompilationSplitIntoDocuments() throws IOException {
        StringBuilder joined = new StringBuilder();
        for (String file : seedFiles()) {
            JsonNode root = YAML.readTree(SEED.resolve(file).toFile());
            joined.append(Files.readString(SEED.resolve(root.at("/document/sourceText").asText())));
        }
        // The shared compilation is the reference when it is present beside the checkout.
        Path reference = Files.exists(COMPILATION) ? COMPILATION : null;
        if (reference != null) {
            assertEquals(Files.readString(reference, StandardCharsets.UTF_8), joined.toString());
        }
        assertTrue(joined.toString().contains("国发〔2021〕12号"));
        assertTrue(joined.toString().contains("知识密集型服务贸易年均增长"));
    }

    @Test
    void aQuoteThatIsNotInTheTextIsCaught() throws IOException {
        String source = normalise(Files.readString(SEED.resolve("sources/carbon-peak-neutrality.txt")));
        assertTrue(source.contains(stripWhiteSpace("单位国内生产总值二氧化碳排放比2020年下降18%")));
        assertFalse(source.contains(stripWhiteSpace("单位国内生产总值二氧化碳排放比2020年下降19%")));
        // A quote broken by a page header in the PDF text is still found once headers are removed.
        String ip = normalise(Files.readString(SEED.resolve("sources/ip-powerhouse-outline.txt")));
        assertFalse(ip.contains("山东信谊律师事务所"));
    }

    private static List<String> seedFiles() throws IOException {
        List<String> files = new ArrayList<>();
        YAML.readTree(SEED.resolve("index.yaml").toFile()).get("files").forEach(f -> files.add(f.asText()));
        return files;
    }

    private static String normalise(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.equals("商事法律汇编") && !trimmed.matches("山东信谊律师事务所\\d*")) {
                kept.append(line);
            }
        }
        return stripWhiteSpace(kept.toString());
    }

    private static String stripWhiteSpace(String text) {
        return text.replaceAll("[\\s\\u3000\\u00a0]+", "");
    }
}
