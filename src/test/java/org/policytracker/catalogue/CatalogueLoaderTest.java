package org.policytracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policytracker.TestData;

/**
 * The loader against the real database: unchanged seeds are skipped, changed ones update in place,
 * removed entries are retired, broken ones write nothing, and concurrent loads serialise on the lock.
 * (RestartIT shows the same across real process restarts.)
 */
@QuarkusTest
class CatalogueLoaderTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static final String REMOVED = "CARBON-2030-OIL-PLATEAU";

    @Inject
    CatalogueLoader loader;

    @TempDir
    Path dir;

    @AfterEach
    void restorePackagedCatalogue() {
        loader.load(SeedDirectory.packaged());
        assertEquals(CatalogueLoader.Outcome.UNCHANGED, loader.load(SeedDirectory.packaged()));
    }

    @Test
    void shouldSkipAnUnchangedSeed() {
        long before = countTargets();
        assertEquals(CatalogueLoader.Outcome.UNCHANGED, loader.load(SeedDirectory.packaged()));
        assertEquals(before, countTargets());
    }

    @Test
    void shouldNotCheckAnUnchangedSeedAgain() throws IOException {
        // The start-up path (issue #18): a seed whose files are the ones last loaded is neither read nor checked.
        long checked = loader.seedsChecked();
        assertEquals(CatalogueLoader.Outcome.UNCHANGED, loader.load(SeedDirectory.packaged()));
        SeedCopy.copy(dir);
        assertEquals(CatalogueLoader.Outcome.UNCHANGED, loader.load(SeedDirectory.of(dir)),
                "the same files in another directory are the same seed");
        assertEquals(checked, loader.seedsChecked());
    }

    @Test
    void shouldCheckAndLoadASeedWhoseSourceTextChanged() throws IOException {
        // Only a source text changes (index.yaml and the document files do not): still checked and loaded.
        SeedCopy.copy(dir);
        Path source;
        try (Stream<Path> files = Files.walk(dir)) {
            source = files.filter(f -> f.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        Files.writeString(source, Files.readString(source) + "\n");
        long checked = loader.seedsChecked();
        assertEquals(CatalogueLoader.Outcome.LOADED, loader.load(SeedDirectory.of(dir)));
        assertEquals(checked + 1, loader.seedsChecked());

        // A broken change is checked, not skipped: the check still refuses it.
        Path carbon = dir.resolve("carbon-peak-neutrality.yaml");
        Files.writeString(carbon, Files.readString(carbon).replace("targetYear: 2060", "targetYear: 3060"));
        assertThrows(SeedException.class, () -> loader.load(SeedDirectory.of(dir)));
        assertEquals(checked + 2, loader.seedsChecked());
    }

    @Test
    void shouldUpdateInPlaceAndRetireWhatTheSeedDropped() throws IOException {
        long before = countTargets();
        long rowsBefore = QuarkusTransaction.requiringNew().call(() -> Target.count());
        changedSeed();
        assertEquals(CatalogueLoader.Outcome.LOADED, loader.load(SeedDirectory.of(dir)));

        assertEquals(rowsBefore, QuarkusTransaction.requiringNew().call(() -> Target.count()),
                "rows are updated in place (the dropped one retired), not duplicated or deleted");
        assertEquals(before - 1, countTargets());
        asViewer().get("/api/targets/CARBON-2025-CO2-INTENSITY").then().statusCode(200)
                .body("source.note", Matchers.equalTo("Reviewed note."));
        asViewer().get("/api/targets/" + REMOVED).then().statusCode(404);
        List<String> ids = asViewer().get("/api/targets").then().extract().jsonPath().getList("id");
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(before - 1, ids.size());

        // Back to the packaged seed: the retired target returns with its original note.
        assertEquals(CatalogueLoader.Outcome.LOADED, loader.load(SeedDirectory.packaged()));
        asViewer().get("/api/targets/" + REMOVED).then().statusCode(200);
        asViewer().get("/api/targets/CARBON-2025-CO2-INTENSITY").then().statusCode(200)
                .body("source.note", Matchers.not("Reviewed note."));
    }

    @Test
    void shouldWriteNothingFromABrokenSeed() throws IOException {
        changedSeed();
        Path carbon = dir.resolve("carbon-peak-neutrality.yaml");
        Files.writeString(carbon, Files.readString(carbon).replace("targetYear: 2060", "targetYear: 3060"));
        SeedException e = assertThrows(SeedException.class, () -> loader.load(SeedDirectory.of(dir)));
        assertTrue(e.getMessage().contains("carbon-peak-neutrality.yaml: targets["), e.getMessage());
        assertTrue(e.getMessage().contains("field 'targetYear' must be a year from 1990 to 2100, was 3060"),
                e.getMessage());
        asViewer().get("/api/targets/" + REMOVED).then().statusCode(200);
        asViewer().get("/api/targets/CARBON-2025-CO2-INTENSITY").then()
                .body("source.note", Matchers.not("Reviewed note."));
    }

    @Test
    void shouldLoadOnceWhenTwoLoadersRaceOnTheLock() throws Exception {
        changedSeed();
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<CatalogueLoader.Outcome> race = () -> {
            start.await();
            return loader.load(SeedDirectory.of(dir));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CatalogueLoader.Outcome> a = pool.submit(race);
            Future<CatalogueLoader.Outcome> b = pool.submit(race);
            List<CatalogueLoader.Outcome> outcomes = Stream.of(a.get(), b.get()).sorted().toList();
            assertEquals(List.of(CatalogueLoader.Outcome.LOADED, CatalogueLoader.Outcome.UNCHANGED), outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldPutValuesThatStateNoBasisOnTheBasisInForce() throws IOException {
        // Values stored before the indicator had bases (null basis), as an upgraded database holds them.
        org.policytracker.TestUsers.asAnalyst().contentType("application/json")
                .body(java.util.Map.of("period", "2023", "value", -0.5, "form", "YOY_CHANGE_PCT")).post(ENERGY)
                .then().statusCode(201);
        org.policytracker.TestUsers.asAnalyst().contentType("application/json")
                .body(java.util.Map.of("period", "2024", "value", -3.8, "form", "YOY_CHANGE_PCT")).post(ENERGY)
                .then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            Indicator.getEntityManager().createNativeQuery("UPDATE observation SET basis = NULL").executeUpdate();
            Indicator.getEntityManager().createNativeQuery("UPDATE observation_vintage SET basis = NULL")
                    .executeUpdate();
        });
        asViewer().get(ENERGY + "/2024").then().body("basis", Matchers.nullValue());

        SeedCopy.copy(dir);
        Path carbon = dir.resolve("carbon-peak-neutrality.yaml");
        Files.writeString(carbon, Files.readString(carbon) + "\n# reviewed\n");
        assertEquals(CatalogueLoader.Outcome.LOADED, loader.load(SeedDirectory.of(dir)));

        asViewer().get(ENERGY + "/2023").then().body("basis", Matchers.equalTo("ORIGINAL"))
                .body("version", Matchers.equalTo(0));
        asViewer().get(ENERGY + "/2024").then().body("basis", Matchers.equalTo("DEDUCTED"));
        long unstated = QuarkusTransaction.requiringNew().call(() -> ((Number) Indicator.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM observation_vintage WHERE basis IS NULL").getSingleResult())
                .longValue());
        assertEquals(0, unstated, "the vintages say their basis too");
    }

    private static final String ENERGY = "/api/indicators/ENERGY_INTENSITY/observations";

    /** A copy of the seed with one note changed and one target removed. */
    private void changedSeed() throws IOException {
        SeedCopy.copy(dir);
        Path carbon = dir.resolve("carbon-peak-neutrality.yaml");
        String text = Files.readString(carbon);
        int start = text.indexOf("  - id: " + REMOVED);
        int end = text.indexOf("\n  - id: ", start + 1);
        text = text.substring(0, start) + (end < 0 ? "" : text.substring(end + 1));
        int co2 = text.indexOf("  - id: CARBON-2025-CO2-INTENSITY");
        int note = text.indexOf("    note:", co2);
        int noteEnd = text.indexOf("\n  - id: ", note);
        text = text.substring(0, note) + "    note: Reviewed note.\n    noteZh: 已复核的说明。\n"
                + text.substring(noteEnd + 1);
        Files.writeString(carbon, text);
    }

    private static long countTargets() {
        return QuarkusTransaction.requiringNew().call(() -> Target.count("retired = false"));
    }
}
