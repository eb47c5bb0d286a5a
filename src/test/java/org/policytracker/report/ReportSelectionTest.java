package org.policytracker.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;
import org.policytracker.TestValues;

/** A report of the targets the web app shows: the target parameter selects them by id. */
@QuarkusTest
class ReportSelectionTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldReportOnlyTheSelectedTargets() throws Exception {
        List<CSVRecord> rows = Reports.csv(Reports.report(Map.of("format", "csv",
                "target", "CARBON-2025-CO2-INTENSITY, FTZ-M10")).asByteArray());
        assertEquals(2, rows.size());
        asViewer().queryParams(Map.of("format", "csv", "target", "CARBON-2025-CO2-INTENSITY,NOPE"))
                .get("/api/reports/status").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("target")).body("detail", containsString("NOPE"));
    }

    @Test
    void shouldLeaveOutTheTargetsWithoutDataWhenAskedAndSayHowManyInEveryFormat() throws Exception {
        // Read today, after the 2025 deadlines: a 2030 target met early, and a 2025 value of 2025 targets.
        TestValues.post("WIND_SOLAR_CAPACITY", "2024", 14.1);
        TestValues.post("NON_FOSSIL_SHARE", "2025", 21.7);
        int total = Reports.dashboard(Map.of()).size();
        Map<String, Integer> counts = Reports.counts(Reports.dashboard(Map.of()));
        int withData = total - counts.get("NO_DATA");
        assertTrue(withData >= 2 && counts.get("NO_DATA") > 40, counts.toString());

        byte[] csv = Reports.report(Map.of("format", "csv", "omitNoData", "true")).asByteArray();
        List<CSVRecord> rows = Reports.csv(csv);
        assertEquals(withData, rows.size(), "only the targets with data are listed");
        assertTrue(rows.stream().noneMatch(r -> r.get("状态代码").equals("NO_DATA")));
        assertTrue(TestFiles.csvComments(csv).stream().anyMatch(l -> l.contains("未逐一列出暂无数据的 "
                + counts.get("NO_DATA") + " 个目标")), TestFiles.csvComments(csv).toString());
        assertEquals(total, Reports.csv(Reports.report(Map.of("format", "csv")).asByteArray()).size(),
                "every target without the option");

        try (PDDocument with = Loader.loadPDF(Reports.report(Map.of("format", "pdf")).asByteArray());
                PDDocument without = Loader.loadPDF(Reports.report(Map.of("format", "pdf", "omitNoData", "true",
                        "lang", "en")).asByteArray())) {
            String text = new PDFTextStripper().getText(without);
            assertTrue(without.getNumberOfPages() < with.getNumberOfPages(), without.getNumberOfPages() + " pages vs "
                    + with.getNumberOfPages());
            assertTrue(text.replaceAll("\\s+", " ").contains(counts.get("NO_DATA")
                    + " targets without data (no values entered yet) are counted but not listed"), text);
            assertTrue(text.contains(total + " targets"), "the counts still cover every target");
        }
        String html = Reports.report(Map.of("format", "html", "omitNoData", "true")).asString();
        assertTrue(html.contains("CARBON-2030-WIND-SOLAR-CAPACITY") && !html.contains("CARBON-2025-CO2-INTENSITY"),
                "the HTML lists only targets with data");
        asViewer().queryParams(Map.of("format", "csv", "omitNoData", "maybe")).get("/api/reports/status").then()
                .statusCode(400).body("errors[0].field", equalTo("omitNoData"));
    }
}
