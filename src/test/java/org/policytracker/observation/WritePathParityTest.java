package org.policytracker.observation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestTables;

/**
 * One write path: a value entered with POST (and corrected with PUT) and the same row imported from a
 * file leave exactly the same rows in the tables of values: the observation and its vintages. Ids and the
 * times of writing are all that may differ. The audit log differs by design: single entry records an event
 * per value, an import one event for its file (the value's who and when being in its vintage).
 */
@QuarkusTest
class WritePathParityTest {

    private static final String CODE = "NON_FOSSIL_SHARE";
    private static final String URL = "/api/indicators/" + CODE + "/observations";
    private static final Set<String> GENERATED = Set.of("id", "created_at", "updated_at", "deleted_at",
            "recorded_at", "superseded_at", "occurred_at");

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldLeaveTheSameRowsWhenEnteringOneValueOrImportingIt() {
        Map<String, List<Map<String, String>>> entered = after(() -> {
            post(Map.of("period", "2023", "value", 17.9, "form", "LEVEL", "source", "2023年统计公报", "note", "初步核算",
                    "seriesBreak", "新口径"));
            return null;
        });
        Map<String, List<Map<String, String>>> imported = after(() -> {
            importCsv("indicator,period,value,form,source,note,seriesBreak\n"
                    + CODE + ",2023,17.9,LEVEL,2023年统计公报,初步核算,新口径\n", "create");
            return null;
        });
        assertFalse(entered.get("observation").isEmpty());
        assertEquals(values(entered), values(imported));
        assertEquals(List.of("OBSERVATION_CREATED"), actions(entered));
        assertEquals(List.of("OBSERVATIONS_IMPORTED"), actions(imported));
    }

    @Test
    void shouldLeaveTheSameRowsWhenCorrectingOneValueOrImportingTheCorrection() {
        Map<String, List<Map<String, String>>> corrected = after(() -> {
            post(Map.of("period", "2023", "value", 17.9, "source", "2023年统计公报", "seriesBreak", "新口径"));
            asAnalyst().contentType(ContentType.JSON)
                    .body(Map.of("value", 17.7, "form", "LEVEL", "source", "2024年统计年鉴", "seriesBreak", "新口径",
                            "version", 0))
                    .put(URL + "/2023").then().statusCode(200);
            return null;
        });
        Map<String, List<Map<String, String>>> imported = after(() -> {
            importCsv("indicator,period,value,source,seriesBreak\n" + CODE + ",2023,17.9,2023年统计公报,新口径\n",
                    "create");
            importCsv("indicator,period,value,form,source,seriesBreak\n"
                    + CODE + ",2023,17.7,LEVEL,2024年统计年鉴,新口径\n", "upsert");
            return null;
        });
        assertEquals(2, corrected.get("observation_vintage").size(), "the first figure and its correction");
        assertEquals(values(corrected), values(imported));
        assertEquals(List.of("OBSERVATION_CREATED", "OBSERVATION_CORRECTED"), actions(corrected));
        assertEquals(List.of("OBSERVATIONS_IMPORTED", "OBSERVATIONS_IMPORTED"), actions(imported));
    }

    @Test
    void shouldLeaveTheSameRowsWhenEnteringADeletedValueAgainOrImportingIt() {
        Map<String, List<Map<String, String>>> entered = after(() -> {
            post(Map.of("period", "2022", "value", 17.5));
            asAnalyst().delete(URL + "/2022?version=0").then().statusCode(204);
            post(Map.of("period", "2022", "value", 17.4, "note", "again"));
            return null;
        });
        Map<String, List<Map<String, String>>> imported = after(() -> {
            post(Map.of("period", "2022", "value", 17.5));
            asAnalyst().delete(URL + "/2022?version=0").then().statusCode(204);
            importCsv("indicator,period,value,note\n" + CODE + ",2022,17.4,again\n", "create");
            return null;
        });
        assertEquals("2", entered.get("observation").get(0).get("version"), "created, deleted, entered again");
        assertEquals(values(entered), values(imported));
        assertEquals(List.of("OBSERVATION_CREATED", "OBSERVATION_DELETED", "OBSERVATION_CREATED"), actions(entered));
        assertEquals(List.of("OBSERVATION_CREATED", "OBSERVATION_DELETED", "OBSERVATIONS_IMPORTED"),
                actions(imported));
    }

    @Test
    void shouldKeepAFieldTheCorrectionSendsAsItIs() {
        post(Map.of("period", "2021", "value", 16.6, "seriesBreak", "2021年起按新口径"));
        Map<String, Object> current = asViewer().get(URL + "/2021").then().extract().jsonPath().getMap("$");
        Map<String, Object> correction = new LinkedHashMap<>(Map.of("value", 16.7, "version", 0));
        correction.put("seriesBreak", current.get("seriesBreak"));
        asAnalyst().contentType(ContentType.JSON).body(correction).put(URL + "/2021").then().statusCode(200);
        assertEquals("2021年起按新口径", asViewer().get(URL + "/2021").then().extract().path("seriesBreak"));
    }

    /**
     * What the tables hold after {@code write}, from an empty start. The analyst exists before the start, so
     * that its creation (audited the first time any test signs in as it) is in neither picture.
     */
    private static Map<String, List<Map<String, String>>> after(Supplier<Void> write) {
        asAnalyst();
        TestData.reset();
        write.get();
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        tables.put("observation", TestTables.rows("observation", "indicator_id, period", GENERATED));
        tables.put("observation_vintage", TestTables.rows("observation_vintage", "indicator_id, period, id",
                GENERATED));
        tables.put("audit_event", TestTables.rows("audit_event", "id", GENERATED));
        return tables;
    }

    /** The tables of values (observations and vintages) of a picture. */
    private static Map<String, List<Map<String, String>>> values(Map<String, List<Map<String, String>>> tables) {
        Map<String, List<Map<String, String>>> values = new LinkedHashMap<>(tables);
        values.remove("audit_event");
        return values;
    }

    /** The audit log's actions of a picture, in order. */
    private static List<String> actions(Map<String, List<Map<String, String>>> tables) {
        return tables.get("audit_event").stream().map(row -> row.get("action")).toList();
    }

    private static void post(Map<String, Object> body) {
        asAnalyst().contentType(ContentType.JSON).body(body).post(URL).then().statusCode(201);
    }

    private static void importCsv(String csv, String mode) {
        asAnalyst().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/observations/imports?wait=true&mode=" + mode).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));
    }
}
