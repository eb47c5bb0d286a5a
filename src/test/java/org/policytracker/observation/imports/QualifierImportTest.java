package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.observation.imports.ImportApi.importCsv;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/** The value file's qualifier column: read case-insensitively, blank is EXACT, anything else refused by row. */
@QuarkusTest
class QualifierImportTest {

    private static final String FOREST = "/api/indicators/FOREST_COVERAGE/observations";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldImportAQualifierColumnAndRefuseAnUnknownOneByRow() {
        importCsv("indicator,period,value,qualifier\nFOREST_COVERAGE,2022,25,at_least\nFOREST_COVERAGE,2021,23.3,\n",
                "")
                .then().body("status", equalTo("SUCCEEDED"));
        asAnalyst().get(FOREST + "/2022").then().statusCode(200).body("qualifier", equalTo("AT_LEAST"));
        asAnalyst().get(FOREST + "/2021").then().statusCode(200).body("qualifier", equalTo("EXACT"));

        importCsv("indicator,period,value,qualifier\nFOREST_COVERAGE,2023,25,over\n", "")
                .then().body("status", equalTo("REJECTED")).body("errors[0].column", equalTo("qualifier"))
                .body("errors[0].row", equalTo(2));
        asAnalyst().get(FOREST + "/2023").then().statusCode(404);
    }
}
