package org.policytracker.sample;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestValues;

/**
 * The sample dataset: an admin loads it into an empty database and removes it again; meanwhile real
 * values are refused (so the two never mix) and every page of every report says it shows sample data.
 */
@QuarkusTest
class SampleDatasetTest {

    private static final String NOTE_ZH = "示例数据，非官方统计";
    private static final String NOTE_EN = "Sample data, not official statistics";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldLoadIntoAnEmptyDatabaseRefuseRealValuesMeanwhileAndRemoveWhole() {
        asViewer().get("/api/sample").then().statusCode(200).body("loaded", equalTo(false));
        asAnalyst().post("/api/sample").then().statusCode(403);

        asAdmin().post("/api/sample").then().statusCode(200).body("loaded", equalTo(true))
                .body("loadedBy", equalTo("admin")).body("loadedAt", notNullValue());
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE/observations").then()
                .body("$", hasSize(greaterThan(0))).body("createdBy", everyItem(equalTo("sample")));
        asViewer().get("/api/dashboard").then().body("assessment.status", hasItem(not(equalTo("NO_DATA"))));

        // Real values are refused while it is loaded, by single entry and by import alike.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 24.02))
                .post("/api/indicators/FOREST_COVERAGE/observations").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].code", equalTo("sample.loaded"));
        asAnalyst().contentType("text/csv").body("indicator,period,value\nFOREST_COVERAGE,2021,24.02\n")
                .post("/api/observations/imports?wait=true").then().statusCode(409)
                .body("errors[0].code", equalTo("sample.loaded"));
        asAdmin().post("/api/sample").then().statusCode(409);

        asAdmin().delete("/api/sample").then().statusCode(200).body("loaded", equalTo(false));
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE/observations").then().body("$", hasSize(0));
        asViewer().get("/api/audit").then().body("items", hasSize(0));
        asAdmin().delete("/api/sample").then().statusCode(409).body("errors[0].code", equalTo("sample.notLoaded"));
        TestValues.post("FOREST_COVERAGE", "2021", 24.02);
    }

    @Test
    void shouldNotLoadIntoADatabaseWithRealValues() {
        TestValues.post("FOREST_COVERAGE", "2021", 24.02);
        asAdmin().post("/api/sample").then().statusCode(409).body("errors[0].code", equalTo("sample.notEmpty"));
        asViewer().get("/api/sample").then().body("loaded", equalTo(false));
        asViewer().get("/api/indicators/FOREST_COVERAGE/observations").then().body("$", hasSize(1));
    }

    @Test
    void shouldSayOnEveryPageOfEveryReportThatItShowsSampleData() throws Exception {
        asAdmin().post("/api/sample").then().statusCode(200);

        byte[] pdf = report("pdf", "zh");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertTrue(stripper.getText(document).replaceAll("\\s+", "").contains(NOTE_ZH),
                        "page " + page + " does not say it shows sample data");
            }
        }
        String html = new String(report("html", "en"), StandardCharsets.UTF_8);
        assertTrue(html.contains(NOTE_EN), "the HTML report");
        String csv = new String(report("csv", "zh"), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        assertTrue(csv.lines().limit(6).anyMatch(l -> l.startsWith("#") && l.contains(NOTE_ZH)), csv.substring(0, 400));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(report("xlsx", "zh")))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertTrue(sheets.size() > 1);
            for (Sheet sheet : sheets) {
                List<Row> rows = sheet.read();
                assertTrue(rows.stream().limit(8).anyMatch(r -> r.stream().anyMatch(
                        c -> c != null && c.getText().contains(NOTE_ZH))), "sheet " + sheet.getName());
            }
        }
        asAdmin().delete("/api/sample").then().statusCode(200);
        String after = new String(report("csv", "zh"), StandardCharsets.UTF_8);
        assertEquals(false, after.contains(NOTE_ZH), "a report made after removal is not marked");
    }

    private static byte[] report(String format, String lang) {
        return asViewer().queryParams(Map.of("format", format, "lang", lang)).get("/api/reports/status").then()
                .statusCode(200).extract().asByteArray();
    }
}
