package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.importCsv;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;

/** The bulk import keys a value by indicator, period and series basis, as the API does. */
@QuarkusTest
class SeriesBasesImportTest {

    private static final String ENERGY = "/api/indicators/ENERGY_INTENSITY/observations";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldImportOneValuePerBasisOfAPeriodAndRefuseTheSameBasisTwice() throws Exception {
        String header = "indicator,period,value,form,basis\n";
        importCsv(header + "ENERGY_INTENSITY,2023,-0.5,YOY_CHANGE_PCT,ORIGINAL\n"
                + "ENERGY_INTENSITY,2023,-1.2,YOY_CHANGE_PCT,DEDUCTED\n"
                + "ENERGY_INTENSITY,2023,-1.3,YOY_CHANGE_PCT,DEDUCTED\n", "")
                .then().body("status", equalTo("REJECTED"))
                .body("errors[0].row", equalTo(4)).body("errors[0].column", equalTo("period"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("row 3"));
        asViewer().get(ENERGY).then().body("size()", equalTo(0));

        importCsv(header + "ENERGY_INTENSITY,2023,-0.5,YOY_CHANGE_PCT,ORIGINAL\n"
                + "ENERGY_INTENSITY,2023,-1.2,YOY_CHANGE_PCT,DEDUCTED\n", "")
                .then().body("status", equalTo("SUCCEEDED")).body("rowsWritten", equalTo(2));
        asViewer().get(ENERGY).then().body("basis", containsInAnyOrder("ORIGINAL", "DEDUCTED"));

        // The export keeps both apart and imports back unchanged; a row on one basis corrects that one only.
        byte[] export = asViewer().queryParam("format", "csv").queryParam("indicator", "ENERGY_INTENSITY")
                .get("/api/observations/export").then().statusCode(200).extract().asByteArray();
        List<CSVRecord> rows = TestFiles.csv(export);
        assertEquals(2, rows.size());
        importCsv(new String(export, StandardCharsets.UTF_8), "mode=upsert").then()
                .body("status", equalTo("SUCCEEDED")).body("summary.unchanged", equalTo(2));
        importCsv(header + "ENERGY_INTENSITY,2023,-1.1,YOY_CHANGE_PCT,DEDUCTED\n", "mode=upsert").then()
                .body("status", equalTo("SUCCEEDED"));
        asViewer().get(ENERGY + "/2023?basis=DEDUCTED").then().body("value", equalTo(-1.1))
                .body("priorVintages[0].value", equalTo(-1.2));
        asViewer().get(ENERGY + "/2023?basis=ORIGINAL").then().body("value", equalTo(-0.5))
                .body("priorVintages.size()", equalTo(0));
    }
}
