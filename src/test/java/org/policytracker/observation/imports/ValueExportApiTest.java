package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;
import org.policytracker.TestValues;

/**
 * Exporting the values as CSV and XLSX through the API, filtered by indicator and period.
 */
@QuarkusTest
class ValueExportApiTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static final String CODE = "OVERSEAS_INVENTION_PATENT_GRANTS";

    @Test
    void shouldExportTheValuesOfAnIndicatorAsCsvAndXlsx() throws Exception {
        TestValues.post(CODE, "2021", 5.2, "LEVEL", "国家知识产权局年报 2021", "含港澳台, \"PCT\" 途径\n第二行");
        TestValues.post(CODE, "2022", 5.8);
        TestValues.post(CODE, "2023", 6.1);

        Response csv = asViewer().queryParam("format", "csv").queryParam("indicator", CODE)
                .queryParam("from", "2021").queryParam("to", "2023").get("/api/observations/export");
        csv.then().statusCode(200);
        assertEquals("attachment; filename=\"observations-overseas-invention-patent-grants-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv\"", csv.header("Content-Disposition"));
        assertTrue(csv.contentType().startsWith("text/csv"));
        List<CSVRecord> rows = TestFiles.csv(csv.asByteArray());
        assertEquals(3, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals(CODE, first.get("indicator"));
        assertEquals("海外发明专利授权量", first.get("nameZh"));
        assertEquals("万件", first.get("unit"));
        assertEquals("2021", first.get("period"));
        assertEquals("5.2", first.get("value"));
        assertEquals("LEVEL", first.get("form"));
        assertEquals("国家知识产权局年报 2021", first.get("source"));
        assertEquals("含港澳台, \"PCT\" 途径\n第二行", first.get("note"), "quotes, commas and line breaks survive");
        assertEquals("analyst1", first.get("createdBy"));
        assertTrue(first.get("createdAt").endsWith("Z"), first.get("createdAt"));
        assertEquals(List.of("2021", "2022", "2023"), rows.stream().map(r -> r.get("period")).toList());

        List<CSVRecord> later = TestFiles.csv(asViewer().queryParams(Map.of("format", "csv", "indicator", CODE,
                "from", "2022", "to", "2029")).get("/api/observations/export").asByteArray());
        assertEquals(List.of("2022", "2023"), later.stream().map(r -> r.get("period")).toList());
        List<CSVRecord> middle = TestFiles.csv(asViewer().queryParams(Map.of("format", "csv", "indicator", CODE,
                "from", "2022-01-01", "to", "2022")).get("/api/observations/export").asByteArray());
        assertEquals(List.of("2022"), middle.stream().map(r -> r.get("period")).toList());

        byte[] xlsx = asViewer().queryParams(Map.of("format", "xlsx", "indicator", CODE, "from", "2021", "to", "2023"))
                .get("/api/observations/export")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> sheet = wb.getFirstSheet().read();
            assertEquals("Observations", wb.getFirstSheet().getName(), "the sheet the import reads");
            assertEquals(4, sheet.size());
            assertEquals("indicator", sheet.get(0).getCellText(0));
            Row row = sheet.get(2);
            assertEquals("2022", row.getCellText(ValueFile.headers().indexOf("period")));
            assertEquals(CellType.NUMBER, row.getCell(ValueFile.headers().indexOf("value")).getType());
            assertEquals(0,
                    new BigDecimal("5.8").compareTo(row.getCell(ValueFile.headers().indexOf("value")).asNumber()));
            assertEquals(CellType.NUMBER, row.getCell(ValueFile.headers().indexOf("createdAt")).getType(),
                    "entered at is a date-time");
            assertEquals(LocalDate.now(ZoneOffset.UTC),
                    row.getCell(ValueFile.headers().indexOf("createdAt")).asDate().toLocalDate());
            assertEquals("含港澳台, \"PCT\" 途径\n第二行", sheet.get(1).getCellText(ValueFile.headers().indexOf("note")));
        }
    }

    @Test
    void shouldExportEveryIndicatorWhenNoneIsNamed() throws Exception {
        TestValues.post(CODE, "2019", 4.1);
        List<CSVRecord> rows = TestFiles.csv(asViewer().queryParam("format", "csv").get("/api/observations/export")
                .asByteArray());
        assertTrue(rows.stream().anyMatch(r -> r.get("indicator").equals(CODE) && r.get("period").equals("2019")));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).get("indicator").compareTo(rows.get(i).get("indicator")) <= 0,
                    "ordered by indicator");
        }
    }

    @Test
    void shouldNameTheParameterWhenOneIsWrong() {
        problem(Map.of("format", "pdf"), "format", "csv, xlsx");
        problem(Map.of(), "format", "csv, xlsx");
        problem(Map.of("format", "csv", "indicator", "NO_SUCH"), "indicator", "GET /api/indicators");
        problem(Map.of("format", "csv", "from", "last year"), "from", "2021Q1");
        problem(Map.of("format", "csv", "from", "2023", "to", "2021"), "to", "before");
    }

    private static void problem(Map<String, String> params, String field, String message) {
        asViewer().queryParams(params).get("/api/observations/export").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].message", containsString(message));
    }
}
