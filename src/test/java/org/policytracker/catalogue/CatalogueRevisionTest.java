package org.policytracker.catalogue;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policytracker.TestData;
import org.policytracker.TestValues;
import org.policytracker.report.Reports;

/**
 * The catalogue as a versioned record: a seed correction is a new revision (what, when, why), earlier ones are
 * untouched, and everything asked with knownAt from before the correction gives the answer given then, a report
 * byte for byte.
 */
@QuarkusTest
class CatalogueRevisionTest {

    private static final String TARGET = "IPO-2025-COPYRIGHT-GDP-SHARE"; // ≥ 7.5 by 2025, 7.39 in 2019

    @Inject
    CatalogueLoader loader;

    @TempDir
    Path dir;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @AfterEach
    void restorePackagedCatalogue() {
        loader.load(SeedDirectory.packaged());
    }

    /** The seed with the target's baseline and target value corrected, and a change note in the index. */
    private void correctedSeed() throws IOException {
        SeedCopy.copy(dir);
        Path outline = dir.resolve("ip-powerhouse-outline.yaml");
        String text = Files.readString(outline);
        int at = text.indexOf("  - id: " + TARGET);
        int end = text.indexOf("  - id: ", at + 10);
        String entry = text.substring(at, end).replace("baselineValue: 7.39", "baselineValue: 7.3")
                .replace("targetValue: 7.5", "targetValue: 7.6");
        Files.writeString(outline, text.substring(0, at) + entry + text.substring(end));
        Path index = dir.resolve("index.yaml");
        Files.writeString(index, Files.readString(index).replaceFirst("(?m)^changeNote: >-\\n(?:  .*\\n)*",
                "changeNote: Copyright share baseline and target corrected after review\n"));
    }

    private static String table(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#") && !l.startsWith("\uFEFF#"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void shouldKeepWhatWasAnsweredBeforeACatalogueCorrection() throws Exception {
        TestValues.post("COPYRIGHT_INDUSTRIES_GDP_SHARE", "2020", 7.39);
        TestValues.post("COPYRIGHT_INDUSTRIES_GDP_SHARE", "2021", 7.41);
        Thread.sleep(20);
        String then = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Thread.sleep(20);
        Map<String, String> report = Map.of("format", "csv", "asOf", "2022-06-30", "target",
                TARGET + ",CARBON-2025-CO2-INTENSITY");
        byte[] csvThen = Reports.report(report).asByteArray();
        String progressThen = asViewer().queryParam("asOf", "2022-06-30").get("/api/targets/" + TARGET + "/assessment")
                .then().statusCode(200).body("baseline.value", equalTo(7.39)).extract().path("progress").toString();

        correctedSeed();
        assertEquals(CatalogueLoader.Outcome.LOADED, loader.load(SeedDirectory.of(dir)));

        // Now: the corrected catalogue.
        asViewer().get("/api/targets/" + TARGET).then().body("baselineValue", equalTo(7.3))
                .body("targetValue", equalTo(7.6));
        byte[] csvNow = Reports.report(report).asByteArray();
        assertFalse(table(csvThen).equals(table(csvNow)), "the report as known now uses the correction");

        // As known then: the catalogue in force then, as values are.
        asViewer().queryParam("knownAt", then).get("/api/targets/" + TARGET).then().statusCode(200)
                .body("baselineValue", equalTo(7.39)).body("targetValue", equalTo(7.5));
        asViewer().queryParam("asOf", "2022-06-30").queryParam("knownAt", then)
                .get("/api/targets/" + TARGET + "/assessment").then().body("baseline.value", equalTo(7.39))
                .body("progress.toString()", equalTo(progressThen));
        Map<String, String> again = new java.util.HashMap<>(report);
        again.put("knownAt", then);
        byte[] csvAgain = Reports.report(again).asByteArray();
        assertEquals(table(csvThen), table(csvAgain), "the same CSV table, byte for byte, across the correction");
        List<Map<String, Object>> dashboard = asViewer().queryParam("knownAt", then).get("/api/dashboard").then()
                .extract().path("findAll { it.id == '" + TARGET + "' }");
        assertEquals(7.5, ((Number) dashboard.get(0).get("targetValue")).doubleValue());

        // The history: the revision that changed it, with what, when and why; earlier revisions untouched.
        List<Map<String, Object>> revisions = asViewer().get("/api/targets/" + TARGET + "/revisions").then()
                .statusCode(200).body("change", hasItem("CHANGED")).extract().path("$");
        Map<String, Object> last = revisions.get(revisions.size() - 1);
        assertEquals("CHANGED", last.get("change"));
        assertEquals("Copyright share baseline and target corrected after review", last.get("changeNote"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) last.get("changes");
        assertTrue(changes.contains(Map.of("field", "baselineValue", "before", "7.39", "after", "7.3")),
                changes.toString());
        assertTrue(changes.contains(Map.of("field", "targetValue", "before", "7.5", "after", "7.6")),
                changes.toString());
        assertEquals(2, changes.size(), "only what changed: " + changes);
        assertTrue(revisions.stream().anyMatch(r -> r.get("change").equals("ADDED")), "the first revision stays");
        assertTrue(OffsetDateTime.parse((String) last.get("recordedAt")).isAfter(OffsetDateTime.parse(then)));
    }

    @Test
    void shouldKeepARetiredTargetReadableWithItsHistory() throws IOException {
        String before = OffsetDateTime.now(ZoneOffset.UTC).toString();
        SeedCopy.copy(dir);
        Path carbon = dir.resolve("carbon-peak-neutrality.yaml");
        String text = Files.readString(carbon);
        int at = text.indexOf("  - id: CARBON-2030-OIL-PLATEAU");
        int end = text.indexOf("  - id: ", at + 10);
        Files.writeString(carbon, text.substring(0, at) + (end < 0 ? "" : text.substring(end)));
        assertEquals(CatalogueLoader.Outcome.LOADED, loader.load(SeedDirectory.of(dir)));

        asViewer().get("/api/targets/CARBON-2030-OIL-PLATEAU").then().statusCode(404);
        asViewer().queryParam("knownAt", before).get("/api/targets/CARBON-2030-OIL-PLATEAU").then().statusCode(200)
                .body("id", equalTo("CARBON-2030-OIL-PLATEAU"));
        List<String> changes = asViewer().get("/api/targets/CARBON-2030-OIL-PLATEAU/revisions").then().statusCode(200)
                .extract().path("change");
        assertEquals("RETIRED", changes.get(changes.size() - 1));
        List<String> knownThen = asViewer().queryParam("knownAt", before).get("/api/dashboard").then().extract()
                .path("id");
        assertTrue(knownThen.contains("CARBON-2030-OIL-PLATEAU"), "the dashboard as known then lists it");
        asViewer().get("/api/targets/NO-SUCH-TARGET/revisions").then().statusCode(404);
    }
}
