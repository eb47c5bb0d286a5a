package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;

/** The XLSX template: what it lists, and that uploading it unchanged writes nothing. */
@QuarkusTest
class ImportTemplateTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldListEveryIndicatorAndMissingYearAndImportUnchangedWithoutWriting() throws Exception {
        int last = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 7.1))
                .post("/api/indicators/OIL_CONSUMPTION/observations").then().statusCode(201);
        byte[] template = asViewer().get("/api/observations/template.xlsx").then().statusCode(200)
                .contentType(ImportApi.XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"observation-template-"
                        + LocalDate.now() + ".xlsx\""))
                .extract().asByteArray();

        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            assertEquals(List.of("Observations", "Indicators"), workbook.getSheets().map(Sheet::getName).toList());
            rows = workbook.findSheet("Observations").orElseThrow().read();
            List<Row> indicators = workbook.findSheet("Indicators").orElseThrow().read();
            assertEquals(List.of("code", "nameZh", "nameEn", "unit", "units", "valueType", "seriesStart", "precision",
                    "publishedForm", "forms", "rules", "bases", "measure"), texts(indicators.get(0)));
            Row share = indicators.stream().filter(r -> r.getCellText(0).equals("NON_FOSSIL_SHARE")).findFirst()
                    .orElseThrow();
            assertEquals(List.of("NON_FOSSIL_SHARE", "非化石能源消费比重", "%", "%", "SHARE", "1952", "1", "LEVEL",
                    "LEVEL, YOY_CHANGE_PCT, INDEX"),
                    List.of(share.getCellText(0), share.getCellText(1),
                            share.getCellText(3), share.getCellText(4), share.getCellText(5), share.getCellText(6),
                            share.getCellText(7), share.getCellText(8), share.getCellText(9)));
            assertTrue(share.getCellText(10).startsWith("LEVEL: the share in percent, from 0 to 100;"),
                    share.getCellText(10));
            assertTrue(share.getCellText(10).contains("from 1952 (when the statistic was first published) to " + last),
                    share.getCellText(10));
            assertEquals(BigDecimal.valueOf(1952), share.getCell(6).asNumber(), "years are numbers");
            assertTrue(indicators.stream().noneMatch(r -> r.getCellText(5).equals("STATE")), "no milestone indicators");
            Row attorneys = indicators.stream().filter(r -> r.getCellText(0).equals("LICENSED_PATENT_ATTORNEYS"))
                    .findFirst().orElseThrow();
            assertEquals("万人, 人, 亿人", attorneys.getCellText(4), "the units a value may be given in");
            assertEquals("STOCK", attorneys.getCellText(12), "what a month's value says (no year to date for a stock)");
            assertEquals("RATE", share.getCellText(12));
            Row energy = indicators.stream().filter(r -> r.getCellText(0).equals("ENERGY_INTENSITY")).findFirst()
                    .orElseThrow();
            assertEquals("ORIGINAL 1952, DEDUCTED 2024", energy.getCellText(11), "the bases a value may be on");
            assertEquals("", share.getCellText(11), "one definition, no basis");
        }
        assertEquals(
                List.of("indicator", "nameZh", "nameEn", "period", "value", "unit", "form", "qualifier", "publication",
                        "ytd", "confirm", "source", "note", "seriesBreak", "basis", "createdBy", "createdAt",
                        "updatedBy",
                        "updatedAt"),
                texts(rows.get(0)),
                "the columns of the value export");
        List<String> shareYears = rows.stream().filter(r -> r.getCellText(0).equals("NON_FOSSIL_SHARE"))
                .map(r -> r.getCellText(3)).toList();
        // From 2021 (the plan period) to the last year that has ended: no year that cannot have a value yet.
        assertEquals(IntStream.rangeClosed(2021, last).mapToObj(Integer::toString).toList(), shareYears);
        Row first = rows.stream().filter(r -> r.getCellText(0).equals("NON_FOSSIL_SHARE")).findFirst().orElseThrow();
        assertEquals("", first.getCellText(4), "value left blank");
        assertEquals("%", first.getCellText(5), "the indicator's unit, for the analyst to change if need be");
        assertEquals("LEVEL", first.getCellText(6));
        // Each indicator's row proposes the form it is published in, from a drop-down of the three forms.
        assertEquals(List.of("YOY_CHANGE_PCT"), rows.stream().filter(r -> r.getCellText(0).equals("CO2_INTENSITY"))
                .map(r -> r.getCellText(6)).distinct().toList());
        String sheetXml = TestFiles.zipEntry(template, "xl/worksheets/sheet1.xml");
        assertTrue(sheetXml.contains("type=\"list\"") && sheetXml.contains("\"LEVEL,YOY_CHANGE_PCT,INDEX\""),
                "a drop-down of the forms in the form column");
        assertFalse(rows.stream().anyMatch(r -> r.getCellText(0).equals("CARBON_NEUTRALITY")), "a milestone's");
        List<String> oilYears = rows.stream().filter(r -> r.getCellText(0).equals("OIL_CONSUMPTION"))
                .map(r -> r.getCellText(3)).toList();
        assertTrue(oilYears.contains("2021") && !oilYears.contains("2022"), "2022 has a value: " + oilYears);

        ImportApi.importXlsx(template, "fileName=template.xlsx").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("rowsRead", equalTo(rows.size() - 1)).body("rowsValid", equalTo(0))
                .body("rowsWritten", equalTo(0)).body("summary.skipped", equalTo(rows.size() - 1))
                .body("createdAt", matchesPattern("\\d{4}-.*"));
    }

    private static List<String> texts(Row row) {
        return IntStream.range(0, row.getCellCount()).mapToObj(row::getCellText).toList();
    }
}
