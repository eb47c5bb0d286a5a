package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.importCsv;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;

/**
 * {@code publication} (PRELIMINARY, FINAL, ESTIMATED) through the API, the import, the export, the audit
 * and the assessment: the revised 2020 non-fossil share is the 2025 target's baseline, with the
 * difference from the catalogue's 15.9 said; a preliminary latest figure is said to be one.
 */
@QuarkusTest
class PublicationApiTest {

    private static final String SHARE = "/api/indicators/NON_FOSSIL_SHARE/observations";
    private static final String TARGET = "/api/targets/CARBON-2025-NON-FOSSIL-SHARE/assessment";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldUseTheRevisedBaselineYearFigureAndSayHowFirmTheLatestIs() {
        asViewer().get(TARGET).then().statusCode(200).body("baseline.value", equalTo(15.9))
                .body("catalogueBaseline", nullValue());

        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2020", "value", 16.0, "publication", "FINAL", "source", "中国统计年鉴2021"))
                .post(SHARE).then().statusCode(201).body("publication", equalTo("FINAL"));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024", "value", 19.8, "publication", "PRELIMINARY")).post(SHARE)
                .then().statusCode(201).body("publication", equalTo("PRELIMINARY"));
        asViewer().get(TARGET).then().statusCode(200)
                .body("baseline.period", equalTo("2020"))
                .body("baseline.value", equalTo(16.0))
                .body("baseline.publication", equalTo("FINAL"))
                .body("catalogueBaseline", equalTo(15.9))
                .body("latest.publication", equalTo("PRELIMINARY"))
                .body("explanation.zh", containsString("目录基准值为15.9，相差+0.1"))
                .body("explanation.en", containsString("The 2024 figure is preliminary"));

        // The final 2024 figure corrects the preliminary one, which stays as a vintage and in the audit.
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("value", 19.8, "publication", "FINAL", "version", 0)).put(SHARE + "/2024")
                .then().statusCode(200).body("publication", equalTo("FINAL"))
                .body("priorVintages[0].publication", equalTo("PRELIMINARY"));
        asViewer().get(TARGET).then().body("latest.publication", equalTo("FINAL"))
                .body("explanation.en", not(containsString("preliminary")));
        asViewer().queryParam("indicator", "NON_FOSSIL_SHARE").get("/api/audit").then().statusCode(200)
                .body("items[0].action", equalTo("OBSERVATION_CORRECTED"))
                .body("items[0].before.publication", equalTo("PRELIMINARY"))
                .body("items[0].after.publication", equalTo("FINAL"));
    }

    @Test
    void shouldRefuseAPublicationThatIsNotOneNamingTheFieldAndTheAllowed() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024", "value", 19.8, "publication", "初步")).post(SHARE)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("publication"))
                .body("errors[0].message", containsString("PRELIMINARY"));
        asAnalyst().get(SHARE + "/2024").then().statusCode(404);
    }

    @Test
    void shouldImportAndExportThePublicationColumn() throws Exception {
        importCsv("indicator,period,value,publication\nNON_FOSSIL_SHARE,2023,17.9,final\nNON_FOSSIL_SHARE,2024,19.8,\n",
                "").then().body("status", equalTo("SUCCEEDED"));
        asViewer().get(SHARE + "/2023").then().statusCode(200).body("publication", equalTo("FINAL"));
        asViewer().get(SHARE + "/2024").then().statusCode(200).body("publication", nullValue());

        importCsv("indicator,period,value,publication\nNON_FOSSIL_SHARE,2022,17.5,revised\n", "")
                .then().body("status", equalTo("REJECTED")).body("errors[0].column", equalTo("publication"))
                .body("errors[0].row", equalTo(2));
        asViewer().get(SHARE + "/2022").then().statusCode(404);

        byte[] export = asViewer().queryParam("format", "csv").queryParam("indicator", "NON_FOSSIL_SHARE")
                .get("/api/observations/export").then().statusCode(200).extract().asByteArray();
        List<CSVRecord> rows = TestFiles.csv(export);
        assertEquals(List.of("FINAL", ""), rows.stream().map(r -> r.get("publication")).toList());
        // Imported back unedited, the file changes nothing.
        importCsv(new String(export, java.nio.charset.StandardCharsets.UTF_8), "mode=upsert").then()
                .body("status", equalTo("SUCCEEDED")).body("summary.unchanged", equalTo(2));
    }

    @Test
    void shouldPrintTheReleaseInTheReports() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024", "value", 19.8, "publication", "PRELIMINARY")).post(SHARE)
                .then().statusCode(201);
        String html = asViewer().queryParam("format", "html").get("/api/reports/status").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("初步核算"), "the value's release is printed under it");
        assertTrue(html.contains("2024年数据为初步核算数"), "and the verdict says it rests on it");
    }
}
