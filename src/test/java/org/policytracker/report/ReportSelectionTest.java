package org.policytracker.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

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
}
