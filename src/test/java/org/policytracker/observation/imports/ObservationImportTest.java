package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.IMPORTS;
import static org.policytracker.observation.imports.ImportApi.importCsv;
import static org.policytracker.observation.imports.ImportApi.importXlsx;
import static org.policytracker.observation.imports.ImportApi.xlsx;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * Bulk import over HTTP. Each test uses its own indicators and years (1990–1999), so that tests
 * sharing the database do not see each other's values.
 */
@QuarkusTest
class ObservationImportTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldImportCsvWithAByteOrderMark() {
        String csv = "\uFEFFindicator,period,value,source\r\n"
                + "FOREST_COVERAGE,1990,16.74,\"国家林草局, 2021\"\r\n"
                + "FOREST_COVERAGE,1991,16.8,\r\n";
        importCsv(csv, "fileName=forest.csv").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("format", equalTo("CSV"))
                .body("fileName", equalTo("forest.csv"))
                .body("rowsRead", equalTo(2)).body("rowsValid", equalTo(2)).body("rowsWritten", equalTo(2))
                .body("summary.created", equalTo(2))
                .body("errorCount", equalTo(0)).body("errors", hasSize(0))
                .body("createdBy", equalTo("analyst1")).body("finishedAt", notNullValue());
        asViewer().get("/api/indicators/FOREST_COVERAGE/observations/1990").then().statusCode(200)
                .body("value", equalTo(16.74)).body("form", equalTo("LEVEL"))
                .body("source", equalTo("国家林草局, 2021")).body("version", equalTo(0))
                .body("createdBy", equalTo("analyst1"));
        asViewer().get("/api/indicators/FOREST_COVERAGE/observations/1991").then().statusCode(200)
                .body("value", equalTo(16.8)).body("source", nullValue());
    }

    @Test
    void shouldImportCsvWithoutAByteOrderMarkInAnyColumnOrderAndCase() {
        String csv = "Value,FORM,Period,Indicator,note\n"
                + "-3.4,yoy_change_pct,1992,CO2_INTENSITY,比上年下降3.4%\n"
                + "19.8,,1992,NON_FOSSIL_SHARE,\n";
        importCsv(csv, "").then().statusCode(200).body("status", equalTo("SUCCEEDED"))
                .body("rowsWritten", equalTo(2));
        asViewer().get("/api/indicators/CO2_INTENSITY/observations/1992").then().statusCode(200)
                .body("value", equalTo(-3.4)).body("form", equalTo("YOY_CHANGE_PCT"))
                .body("note", equalTo("比上年下降3.4%"));
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE/observations").then().statusCode(200)
                .body("find { it.period == '1992' }.value", equalTo(19.8))
                .body("find { it.period == '1992' }.form", equalTo("LEVEL"));
    }

    @Test
    void shouldImportAnXlsxWorkbook() throws Exception {
        byte[] workbook = xlsx("Data", List.of(
                List.of("indicator", "period", "value", "form", "source"),
                List.of("WIND_SOLAR_CAPACITY", 1990, 5.35, "LEVEL", "国家能源局"),
                List.of("WIND_SOLAR_CAPACITY", "1991", "6.34")));
        importXlsx(workbook, "fileName=wind.xlsx").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("format", equalTo("XLSX"))
                .body("rowsRead", equalTo(2)).body("rowsWritten", equalTo(2));
        asViewer().get("/api/indicators/WIND_SOLAR_CAPACITY/observations").then().statusCode(200)
                .body("find { it.period == '1990' }.value", equalTo(5.35))
                .body("find { it.period == '1990' }.source", equalTo("国家能源局"))
                .body("find { it.period == '1991' }.value", equalTo(6.34));
    }

    @Test
    void shouldWriteNothingWhenOneRowIsBadAndListEveryBadRow() {
        String csv = "indicator,period,value\n"
                + "FOREST_STOCK,1995,150.0\n" // row 2: good
                + "NON_FOSSIL_SHARE,1995,120\n" // row 3: a share above 100
                + "FOREST_STOCK,1996,151.0\n" // row 4: good
                + "NO_SUCH_INDICATOR,1995,1\n" // row 5: unknown indicator
                + "FOREST_STOCK,199x,152.0\n"; // row 6: not a period
        importCsv(csv, "").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rowsRead", equalTo(5)).body("rowsValid", equalTo(2)).body("rowsWritten", equalTo(0))
                .body("errorCount", equalTo(3))
                .body("errors.row", contains(3, 5, 6))
                .body("errors.column", contains("value", "indicator", "period"))
                .body("errors[0].message", equalTo("must be between 0 and 100: the indicator is a share in percent,"
                        + " was 120"))
                .body("errors[0].indicator", equalTo("NON_FOSSIL_SHARE")).body("errors[0].period", equalTo("1995"))
                .body("errors[1].message", containsString("'NO_SUCH_INDICATOR' is not a known indicator code"))
                .body("errors[2].message", containsString("'199x' is not a period"))
                .body("finishedAt", notNullValue());
        asViewer().get("/api/indicators/FOREST_STOCK/observations").then().statusCode(200)
                .body("period", not(hasItem("1995"))).body("period", not(hasItem("1996")));
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE/observations/1995").then().statusCode(404);
    }

    @Test
    void shouldAskToConfirmALevelInAYearOnYearChainOnceAndNotAgainWhenImportedBack() {
        // CO2_INTENSITY is published as changes on the previous year; a level in the middle breaks the chain.
        String csv = "indicator,period,value,form\nCO2_INTENSITY,2021,-3.8,YOY_CHANGE_PCT\n"
                + "CO2_INTENSITY,2022,1.1,LEVEL\n";
        importCsv(csv, "").then().body("status", equalTo("REJECTED")).body("errorCount", equalTo(1))
                .body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("form"))
                .body("errors[0].indicator", equalTo("CO2_INTENSITY")).body("errors[0].period", equalTo("2022"))
                .body("errors[0].code", equalTo("form.breaksChainImport"))
                .body("errors[0].message", containsString("published as “Change on the previous year (%)”"));
        asViewer().get("/api/indicators/CO2_INTENSITY/observations").then().body("$", hasSize(0));
        importCsv(csv, "confirmForms=true").then().body("status", equalTo("SUCCEEDED"))
                .body("confirmForms", equalTo(true)).body("rowsWritten", equalTo(2));
        // Confirmed once: the same file again, unconfirmed, changes nothing and asks nothing.
        importCsv(csv, "mode=upsert").then().body("status", equalTo("SUCCEEDED"))
                .body("summary.unchanged", equalTo(2));
        // A correction of that level in the same form does not ask again.
        importCsv("indicator,period,value,form\nCO2_INTENSITY,2022,1.2,LEVEL\n", "mode=upsert").then()
                .body("status", equalTo("SUCCEEDED")).body("summary.corrected", equalTo(1));
    }

    @Test
    void shouldReadAnExcelPercentageCellAsThePercentageItShows() throws Exception {
        // 0.2403 shows as 24.03 %: once imported as 0.24 % forest coverage. 1.949 shows as 194.90 %: a
        // percentage where cubic metres belong, refused.
        importXlsx(percentCells(Map.of("FOREST_COVERAGE", 0.2403, "FOREST_STOCK", 1.949)), "").then()
                .body("status", equalTo("REJECTED")).body("errors.indicator", contains("FOREST_STOCK"))
                .body("errors[0].code", equalTo("value.percentSign"));
        asViewer().get("/api/indicators/FOREST_COVERAGE/observations").then().body("$", hasSize(0));
        importXlsx(percentCells(Map.of("FOREST_COVERAGE", 0.2403)), "").then().body("status", equalTo("SUCCEEDED"));
        asViewer().get("/api/indicators/FOREST_COVERAGE/observations/2021").then().body("value", equalTo(24.03));
    }

    /** A workbook of 2021 values in cells formatted as percentages ("0.00%"), in the map's order by code. */
    private static byte[] percentCells(Map<String, Double> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "percent-test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Observations");
        List<String> header = List.of("indicator", "period", "value");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        int r = 1;
        for (Map.Entry<String, Double> v : new java.util.TreeMap<>(values).entrySet()) {
            sheet.value(r, 0, v.getKey());
            sheet.value(r, 1, 2021);
            sheet.value(r, 2, v.getValue());
            sheet.style(r, 2).format("0.00%").set();
            r++;
        }
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    void shouldAnswerADryRunLikeTheImportButWriteNothing() {
        String csv = "indicator,period,value\nFOREST_STOCK,1990,101.4\nFOREST_STOCK,1991,102.0\n";
        importCsv(csv, "dryRun=true").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("dryRun", equalTo(true))
                .body("rowsValid", equalTo(2)).body("rowsWritten", equalTo(0))
                .body("summary.created", equalTo(2));
        asViewer().get("/api/indicators/FOREST_STOCK/observations").then().statusCode(200)
                .body("period", not(hasItem("1990")));

        importCsv(csv, "dryRun=false").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("dryRun", equalTo(false))
                .body("rowsWritten", equalTo(2)).body("summary.created", equalTo(2));
        asViewer().get("/api/indicators/FOREST_STOCK/observations").then().statusCode(200)
                .body("find { it.period == '1990' }.value", equalTo(101.4))
                .body("find { it.period == '1991' }.value", equalTo(102.0));
        // A dry run of a bad file answers like the import: REJECTED with the row.
        importCsv("indicator,period,value\nFOREST_STOCK,1992,-1\n", "dryRun=true").then()
                .body("status", equalTo("REJECTED")).body("errors[0].row", equalTo(2))
                .body("errors[0].message", equalTo("must be 0 or more for this indicator, was -1"));
    }

    @Test
    void shouldRefuseAnExistingValueInCreateModeAndCorrectItInUpsertMode() {
        String first = "indicator,period,value,source\nCOAL_CONSUMPTION,1990,7.5,first\n";
        String firstJob = importCsv(first, "fileName=first.csv").then().body("status", equalTo("SUCCEEDED"))
                .extract().path("id");

        importCsv("indicator,period,value\nCOAL_CONSUMPTION,1990,7.7\n", "mode=create").then()
                .body("status", equalTo("REJECTED")).body("rowsWritten", equalTo(0))
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("period"))
                .body("errors[0].indicator", equalTo("COAL_CONSUMPTION")).body("errors[0].period", equalTo("1990"))
                .body("errors[0].code", equalTo("row.exists"))
                .body("errors[0].message", equalTo("has a value already (7.5); to replace it with the file’s value, "
                        + "choose “correct it to the file’s value”"));

        String revised = "indicator,period,value,source\nCOAL_CONSUMPTION,1990,7.7,revised\n";
        String revisedJob = importCsv(revised, "mode=upsert&fileName=revised.csv").then()
                .body("status", equalTo("SUCCEEDED")).body("mode", equalTo("UPSERT"))
                .body("rowsWritten", equalTo(1)).body("summary.corrected", equalTo(1))
                .body("summary.created", equalTo(0)).extract().path("id");
        // Each value's who and when is in its vintages: the one in force and the one it replaced.
        asViewer().get("/api/indicators/COAL_CONSUMPTION/observations/1990").then().statusCode(200)
                .body("value", equalTo(7.7)).body("source", equalTo("revised")).body("version", equalTo(1))
                .body("updatedBy", equalTo("analyst1"))
                .body("priorVintages", hasSize(1))
                .body("priorVintages[0].value", equalTo(7.5)).body("priorVintages[0].source", equalTo("first"))
                .body("priorVintages[0].recordedBy", equalTo("analyst1"))
                .body("priorVintages[0].supersededBy", equalTo("analyst1"))
                .body("priorVintages[0].supersededAt", notNullValue());
        // The audit trail has one event per import: who imported which file (its SHA-256) and what it did.
        String imports = "items.findAll { it.action == 'OBSERVATIONS_IMPORTED' }";
        asViewer().get("/api/audit?size=500").then().statusCode(200)
                .body(imports, hasSize(2))
                .body(imports + ".after.jobId", contains(revisedJob, firstJob))
                .body(imports + "[0].actor", equalTo("analyst1"))
                .body(imports + "[0].after.fileName", equalTo("revised.csv"))
                .body(imports + "[0].after.fileSha256", equalTo(sha256(revised)))
                .body(imports + "[0].after.mode", equalTo("UPSERT"))
                .body(imports + "[0].after.format", equalTo("CSV"))
                .body(imports + "[0].after.corrected", equalTo(1)).body(imports + "[0].after.created", equalTo(0))
                .body(imports + "[1].after.fileSha256", equalTo(sha256(first)))
                .body(imports + "[1].after.created", equalTo(1))
                .body("items.findAll { it.action == 'OBSERVATION_CORRECTED' }", hasSize(0));

        // The same row again changes nothing: no write, no audit entry.
        importCsv(revised, "mode=upsert").then()
                .body("status", equalTo("SUCCEEDED")).body("rowsWritten", equalTo(0))
                .body("summary.unchanged", equalTo(1));
        asViewer().get("/api/audit?size=500").then().body(imports, hasSize(2));
    }

    private static String sha256(String text) {
        return java.util.HexFormat.of()
                .formatHex(org.policytracker.system.Sha256.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldEnterADeletedValueAgainAsSingleEntryDoes() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "1990", "value", 3.8))
                .post("/api/indicators/OIL_CONSUMPTION/observations").then().statusCode(201);
        asAnalyst().delete("/api/indicators/OIL_CONSUMPTION/observations/1990?version=0").then().statusCode(204);

        importCsv("indicator,period,value\nOIL_CONSUMPTION,1990,3.9\n", "").then()
                .body("status", equalTo("SUCCEEDED")).body("summary.created", equalTo(1));
        asViewer().get("/api/indicators/OIL_CONSUMPTION/observations/1990").then().statusCode(200)
                .body("value", equalTo(3.9)).body("version", equalTo(2))
                .body("priorVintages.value", contains(3.8));
        // Single entry's two events; the import's is one for the file, its value's who and when in the vintage.
        String oil1990 = "items.findAll { it.period == '1990' }";
        asViewer().get("/api/audit?indicator=OIL_CONSUMPTION&size=500").then()
                .body(oil1990 + ".action", contains("OBSERVATION_DELETED", "OBSERVATION_CREATED"));
        asViewer().get("/api/audit?size=500").then()
                .body("items.findAll { it.action == 'OBSERVATIONS_IMPORTED' }.after.created", contains(1));
    }

    @Test
    void shouldRefuseTheSameIndicatorAndPeriodTwiceNamingTheFirstRow() {
        String csv = "indicator,period,value\nCO2_EMISSIONS,1990,22.0\nCO2_EMISSIONS,1991,23.0\n"
                + "CO2_EMISSIONS,1990,22.5\n";
        importCsv(csv, "").then().body("status", equalTo("REJECTED"))
                .body("errorCount", equalTo(1))
                .body("errors[0].row", equalTo(4)).body("errors[0].column", equalTo("period"))
                .body("errors[0].indicator", equalTo("CO2_EMISSIONS")).body("errors[0].period", equalTo("1990"))
                .body("errors[0].message", equalTo("is in row 2 already; a file holds one value per indicator and "
                        + "period (per series basis, where the indicator has several)"));
        asViewer().get("/api/indicators/CO2_EMISSIONS/observations").then().body("period", not(hasItem("1991")));
    }

    @Test
    void shouldRefuseAnUnknownColumnInTheHeaderRow() {
        importCsv("indicator,period,value,colour\nFOREST_COVERAGE,1999,20\n", "").then()
                .body("status", equalTo("REJECTED")).body("rowsRead", equalTo(0))
                .body("errors[0].row", equalTo(1)).body("errors[0].column", equalTo("colour"))
                .body("errors[0].message", containsString("'colour' is not a known column; allowed: indicator, "
                        + "period, value, unit, form, qualifier, publication, ytd, confirm, source, note, seriesBreak, basis"));
        importCsv("indicator,value\nFOREST_COVERAGE,20\n", "").then()
                .body("status", equalTo("REJECTED"))
                .body("errors[0].row", equalTo(1)).body("errors[0].column", equalTo("period"))
                .body("errors[0].message", containsString("is missing"));
    }

    @Test
    void shouldRefuseAWrongContentTypeWith415NamingTheAllowedTypes() {
        asAnalyst().contentType(ContentType.JSON).body("{}").post(IMPORTS).then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("errors[0].field", equalTo("Content-Type"))
                .body("errors[0].message", containsString("text/csv"))
                .body("errors[0].message", containsString(ImportApi.XLSX));
    }

    @Test
    void shouldRefuseAViewerWith403AndBadParametersWith400() {
        asViewer().contentType("text/csv").body("indicator,period,value\nFOREST_COVERAGE,1998,20\n"
                .getBytes(StandardCharsets.UTF_8)).post(IMPORTS).then().statusCode(403)
                .contentType("application/problem+json");
        asAnalyst().contentType("text/csv").body("indicator,period,value\n".getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?mode=merge").then().statusCode(400)
                .body("errors[0].field", equalTo("mode"))
                .body("errors[0].message", equalTo("'merge' is not allowed; use one of: CREATE, UPSERT"));
        asAnalyst().contentType("text/csv").body("indicator,period,value\n".getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?dryRun=yes").then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
        asViewer().get(IMPORTS + "/no-such-job").then().statusCode(404).contentType("application/problem+json");
        asViewer().get("/api/indicators/FOREST_COVERAGE/observations/1998").then().statusCode(404);
    }

    @Test
    void shouldDescribeTheEndpointsInOpenApi() {
        asViewer().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/observations/imports'.post.tags", contains("Observation import"))
                .body("paths.'/api/observations/imports/{id}'.get.summary", notNullValue())
                .body("paths.'/api/observations/template.xlsx'.get.responses.'200'", notNullValue());
    }
}
