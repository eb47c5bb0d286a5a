package org.policytracker.report;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestValues;
import org.policytracker.report.chart.ChartData;
import org.policytracker.system.Lang;
import org.policytracker.system.Snapshot;

/**
 * GET /api/targets/{id}/path (issue #18, point 3): a target's whole chart in one request, the same as the status
 * report's chart of that target with the same asOf.
 */
@QuarkusTest
class TargetPathTest {

    private static final String TARGET = "CARBON-2025-NON-FOSSIL-SHARE";

    @Inject
    ReportService reports;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldAnswerTheReportsChartOfTheTarget() {
        TestValues.post("NON_FOSSIL_SHARE", "2020", 15.9);
        TestValues.post("NON_FOSSIL_SHARE", "2021", 16.6);
        TestValues.post("NON_FOSSIL_SHARE", "2022", 17.5);
        TestValues.post("NON_FOSSIL_SHARE", "2023", 17.9);
        String asOf = "2024-06-30";
        JsonPath path = asViewer().queryParam("asOf", asOf).get("/api/targets/" + TARGET + "/path").then()
                .statusCode(200).body("target", equalTo(TARGET)).body("asOf", equalTo(asOf))
                .body("valueBasis", equalTo("LEVEL")).extract().jsonPath();

        ChartData chart = reports.build(new ReportService.Request(Snapshot.of(asOf, null), null, null, Set.of(),
                Set.of(TARGET), false, Lang.EN, "test")).sections().get(0).rows().get(0).chart();
        assertNotNull(chart);
        List<Map<String, Object>> observed = path.getList("observed");
        assertEquals(chart.observed().size(), observed.size(), observed.toString());
        for (int i = 0; i < observed.size(); i++) {
            assertEquals(chart.observed().get(i).year(), observed.get(i).get("year"));
            assertEquals(chart.observed().get(i).value(), ((Number) observed.get(i).get("value")).doubleValue(), 1e-9);
        }
        assertEquals(List.of(2020, 2021, 2022, 2023), observed.stream().map(p -> p.get("year")).toList());
        assertEquals(chart.projected().year(), path.getInt("projected.year"));
        assertEquals(chart.projected().value(), path.getDouble("projected.value"), 1e-9);
        assertEquals(chart.target(), path.getDouble("targetValue"), 1e-9);
        assertEquals(chart.bandLow(), path.getDouble("bandLow"), 1e-9);
        assertEquals(chart.bandHigh(), path.getDouble("bandHigh"), 1e-9);
        assertEquals(chart.fromYear(), path.getInt("fromYear"));
        assertEquals(chart.toYear(), path.getInt("toYear"));
        // The projection's range is the assessment's own.
        JsonPath assessment = asViewer().queryParam("asOf", asOf).get("/api/targets/" + TARGET + "/assessment")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(assessment.getDouble("projectedLow"), path.getDouble("projectedLow"), 1e-9);
        assertEquals(assessment.getDouble("projectedHigh"), path.getDouble("projectedHigh"), 1e-9);
        assertEquals(assessment.getDouble("projected"), path.getDouble("projected.value"), 1e-9);
    }

    @Test
    void shouldAnswerAnEmptyPathForAMilestoneAnd404ForAnUnknownTarget() {
        asViewer().get("/api/targets/CARBON-2030-CO2-PEAK/path").then().statusCode(200)
                .body("observed.size()", equalTo(0));
        asViewer().get("/api/targets/NO-SUCH-TARGET/path").then().statusCode(404);
        asViewer().queryParam("asOf", "x").get("/api/targets/" + TARGET + "/path").then().statusCode(400);
    }
}
