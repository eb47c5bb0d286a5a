package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.XLSX;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policytracker.TestData;
import org.policytracker.TestTables;

/**
 * One value file: an export, unedited, imports back. A dry run SUCCEEDS without an error, and a real
 * upsert changes nothing: every row unchanged, not one row written in any table. For CSV and XLSX, with
 * the values that break naive files (exact decimals, quotes, commas and line breaks in notes, a series
 * break, each form, a bound, a value entered in another unit of its family, a value confirmed against
 * the plausibility rule, a corrected value and a deleted one).
 */
@QuarkusTest
class ValueFileRoundTripTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void shouldImportAnUneditedExportBackChangingNothing(String format) {
        post("NON_FOSSIL_SHARE", Map.of("period", "2021", "value", 16.6, "source", "统计公报, 2021",
                "note", "含\"初步\"数据,\n第二行", "seriesBreak", "2021年起按新口径"));
        // Exact decimals: 0.30000000000000004, implausible after 16.6, so confirmed.
        post("NON_FOSSIL_SHARE", Map.of("period", "2022", "value", 0.1 + 0.2, "confirm", true));
        post("SERVICE_TRADE_TOTAL", Map.of("period", "2023", "value", 9331.3, "publication", "PRELIMINARY"));
        // Text a spreadsheet would take for a formula (OWASP CSV injection): guarded in the CSV, back as it was.
        post("SERVICE_TRADE_TOTAL", Map.of("period", "2024", "value", 10000.0, "confirm", true,
                "source", "=HYPERLINK(\"http://example.com\",\"商务部\")", "note", "@SUM(1)"));
        post("LICENSED_PATENT_ATTORNEYS", Map.of("period", "2021", "value", 31000, "unit", "人"));
        post("CO2_INTENSITY", Map.of("period", "2021", "value", -3.8, "form", "YOY_CHANGE_PCT"));
        post("CO2_INTENSITY", Map.of("period", "2022", "value", 19478.147902, "form", "INDEX", "confirmForm", true));
        post("FOREST_STOCK", Map.of("period", "2022", "value", 194.93));
        post("FOREST_COVERAGE", Map.of("period", "2022", "value", 25, "qualifier", "AT_LEAST"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", 195.0, "note", "更正", "version", 0))
                .put("/api/indicators/FOREST_STOCK/observations/2022").then().statusCode(200);
        post("FOREST_STOCK", Map.of("period", "2023", "value", 200.0));
        asAnalyst().delete("/api/indicators/FOREST_STOCK/observations/2023?version=0").then().statusCode(204);

        byte[] file = asViewer().queryParam("format", format).get("/api/observations/export").then().statusCode(200)
                .extract().asByteArray();
        Map<String, List<Map<String, String>>> before = tables();
        if (format.equals("csv")) {
            String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("\"'=HYPERLINK(") && text.contains(",'@SUM(1),"),
                    "formula characters are guarded with an apostrophe: " + text);
        }

        upload(format, file, "mode=upsert&dryRun=true").then().body("status", equalTo("SUCCEEDED"))
                .body("errorCount", equalTo(0)).body("rowsRead", equalTo(9)).body("summary.unchanged", equalTo(9));
        upload(format, file, "mode=upsert").then().body("status", equalTo("SUCCEEDED"))
                .body("errorCount", equalTo(0)).body("rowsWritten", equalTo(0))
                .body("summary.created", equalTo(0)).body("summary.corrected", equalTo(0))
                .body("summary.unchanged", equalTo(9));

        assertEquals(before, tables(), "an unedited export changes nothing");
    }

    private static Response upload(String format, byte[] file, String query) {
        return asAnalyst().contentType(format.equals("csv") ? "text/csv" : XLSX).body(file)
                .post(ImportApi.IMPORTS + "?wait=true&" + query);
    }

    private static void post(String indicator, Map<String, Object> body) {
        asAnalyst().contentType(ContentType.JSON).body(body).post("/api/indicators/" + indicator + "/observations")
                .then().statusCode(201);
    }

    private static Map<String, List<Map<String, String>>> tables() {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        tables.put("observation", TestTables.rows("observation", "id", Set.of()));
        tables.put("observation_vintage", TestTables.rows("observation_vintage", "id", Set.of()));
        tables.put("audit_event", TestTables.rows("audit_event", "id", Set.of()));
        return tables;
    }
}
