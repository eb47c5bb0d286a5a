package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.observation.imports.ImportApi.IMPORTS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * An import run on a worker: 202 with a Location to poll, and the counters at the end equal the
 * rows. The file is as large as the catalogue allows (every indicator that takes values × the
 * years 2030–2100, some 2,000 rows), with the test profile saving progress every 500 rows.
 */
@QuarkusTest
class ImportJobAsyncTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldRunOnAWorkerAndReportProgressCountersEqualToTheRows() throws Exception {
        List<Map<String, Object>> indicators = asViewer().get("/api/indicators").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.valueType != 'STATE' }");
        StringBuilder csv = new StringBuilder("indicator,period,value,form,source,confirm\r\n");
        int rows = 0;
        // Up to 80 years of each indicator, ending with the last year that has ended, none before its series.
        int last = Year.now(ZoneOffset.UTC).getValue() - 1;
        for (Map<String, Object> indicator : indicators) {
            for (int year = Math.max((Integer) indicator.get("seriesStart"), last - 79); year <= last; year++) {
                csv.append(indicator.get("code")).append(',').append(year).append(',')
                        .append(value((String) indicator.get("valueType"), year)).append(',')
                        .append(indicator.get("publishedForm"))
                        // Made-up levels, far from the catalogue's baselines: confirmed against the plausibility rule.
                        .append(",\"generated, for the async test\",true\r\n");
                rows++;
            }
        }
        assertTrue(rows > 1000, "more rows than two progress steps (%test progress-every=500): " + rows);

        Response accepted = asAnalyst().contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?fileName=generated.csv");
        accepted.then().statusCode(202).body("status", equalTo("QUEUED")).body("fileName", equalTo("generated.csv"));
        String id = accepted.path("id");
        String location = accepted.header("Location");
        assertTrue(location.endsWith("/api/observations/imports/" + id), location);

        int nonFossilStart = indicators.stream().filter(i -> "NON_FOSSIL_SHARE".equals(i.get("code")))
                .map(i -> (Integer) i.get("seriesStart")).findFirst().orElseThrow();
        Response job = ImportApi.awaitFinished(location);
        job.then().body("status", equalTo("SUCCEEDED"))
                .body("rowsRead", equalTo(rows)).body("rowsValid", equalTo(rows)).body("rowsWritten", equalTo(rows))
                .body("summary.created", equalTo(rows)).body("errorCount", equalTo(0));
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE/observations").then().statusCode(200)
                .body("$", hasSize(last - Math.max(nonFossilStart, last - 79) + 1))
                .body("find { it.period == '" + last + "' }.value", equalTo(value("SHARE", last)))
                .body("find { it.period == '" + last + "' }.source", equalTo("generated, for the async test"));
    }

    /** A value every value type accepts, different by year. */
    private static double value(String valueType, int year) {
        return "SHARE".equals(valueType) ? (year - 1900) / 2.0 : year - 1900 + 0.25;
    }
}
