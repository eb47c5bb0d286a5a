package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.importCsv;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/** The value file's unit and confirm columns: the rules of single entry (UnitsApiTest), by row. */
@QuarkusTest
class UnitImportTest {

    private static final String ATTORNEYS = "/api/indicators/LICENSED_PATENT_ATTORNEYS/observations";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldApplyTheSameRulesByRowInAnImport() {
        importCsv("indicator,period,value,unit\nLICENSED_PATENT_ATTORNEYS,2021,31000,\n"
                + "SERVICE_TRADE_TOTAL,2021,52982.7,亿元\n", "")
                .then().body("status", equalTo("REJECTED"))
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("value"))
                .body("errors[0].message", containsString("31,000 人"))
                .body("errors[1].row", equalTo(3)).body("errors[1].column", equalTo("unit"));
        asViewer().get(ATTORNEYS + "/2021").then().statusCode(404);

        importCsv("indicator,period,value,unit,confirm\nLICENSED_PATENT_ATTORNEYS,2021,31000,人,\n"
                + "LICENSED_PATENT_ATTORNEYS,2022,40,,true\n", "")
                .then().body("status", equalTo("SUCCEEDED"));
        asViewer().get(ATTORNEYS + "/2021").then().body("value", equalTo(3.1)).body("unit", equalTo("人"));
        asViewer().get(ATTORNEYS + "/2022").then().body("value", equalTo(40.0)).body("confirm", equalTo(true));
    }
}
