package org.policytracker.assessment;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/** A 2025 target read in December 2026 with a year missing: the gap named, in the past tense (API, reports). */
@QuarkusTest
class PastDeadlineApiTest {

    private static final String CO2 = "/api/indicators/CO2_INTENSITY/observations";
    private static final String TARGET = "/api/targets/CARBON-2025-CO2-INTENSITY/assessment";

    @BeforeEach
    void ownData() {
        TestData.reset();
        for (Object[] p : new Object[][]{{"2021", -3.8}, {"2022", -0.8}, {"2024", -3.4}, {"2025", -5.1}}) {
            asAnalyst().contentType(ContentType.JSON)
                    .body(Map.of("period", p[0], "value", p[1], "form", "YOY_CHANGE_PCT")).post(CO2)
                    .then().statusCode(201);
        }
    }

    @Test
    void shouldNameTheGapAndWhatItNeedsAfterTheDeadline() {
        asViewer().queryParam("asOf", "2026-12-01").get(TARGET).then().statusCode(200)
                .body("status", equalTo("NO_DATA"))
                .body("projected", nullValue())
                .body("gaps", hasSize(1))
                .body("gaps[0].period", equalTo("2023"))
                .body("gaps[0].form", equalTo("YOY_CHANGE_PCT"))
                .body("gaps[0].requiredValue", closeTo(-6.27, 0.01))
                .body("gaps[0].withinObservedRange", equalTo(false))
                .body("explanation.zh", containsString("若2023年比上年下降至少6.27%，目标即已实现"))
                .body("explanation.en", not(containsString("will be")));
        // As of the end of 2024 the deadline is ahead: a pace verdict, the gap listed without a value.
        asViewer().queryParam("asOf", "2024-12-31").get(TARGET).then().statusCode(200)
                .body("status", not(equalTo("NO_DATA")))
                .body("gaps[0].period", equalTo("2023"))
                .body("gaps[0].requiredValue", nullValue());
        // Entering the missing year completes the chain: the verdict is ACHIEVED or MISSED, no gap.
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2023", "value", -0.4, "form", "YOY_CHANGE_PCT")).post(CO2)
                .then().statusCode(201);
        asViewer().queryParam("asOf", "2026-12-01").get(TARGET).then()
                .body("status", equalTo("MISSED")).body("gaps", hasSize(0));
    }

    @Test
    void shouldPrintTheGapInTheReports() {
        String html = asViewer().queryParam("format", "html").queryParam("asOf", "2026-12-01")
                .get("/api/reports/status").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("若2023年比上年下降至少6.27%，目标即已实现"),
                "the report says the gap and what it needs");
    }
}
