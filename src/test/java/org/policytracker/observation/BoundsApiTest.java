package org.policytracker.observation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * A value published as a bound ("森林覆盖率超过25%") is entered with {@code qualifier}, kept, corrected
 * like any other, and proves the 2025 forest target met without entering a rate or a projection. The values
 * are stated on the inventory basis of the target's baseline (docs/ASSESSMENT.md, "Series bases and breaks").
 */
@QuarkusTest
class BoundsApiTest {

    private static final String FOREST = "/api/indicators/FOREST_COVERAGE/observations";
    // As of mid-2023: the 2025 deadline ahead, so that the values give a pace verdict (after it, PastDeadlineTest).
    private static final String TARGET = "/api/targets/CARBON-2025-FOREST-COVERAGE/assessment?asOf=2023-06-30";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldKeepABoundAndLetItProveTheTargetMet() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 23.3, "basis", "INVENTORY"))
                .post(FOREST)
                .then().statusCode(201).body("qualifier", equalTo("EXACT"));
        asViewer().get(TARGET).then().statusCode(200).body("status", equalTo("ON_TRACK"));

        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2022", "value", 25, "qualifier", "AT_LEAST", "source", "森林覆盖率超过25%",
                        "basis", "INVENTORY"))
                .post(FOREST).then().statusCode(201).body("qualifier", equalTo("AT_LEAST"))
                .body("value", equalTo(25.0));
        asViewer().get(TARGET).then().statusCode(200)
                .body("status", equalTo("ACHIEVED"))
                .body("latest.period", equalTo("2022"))
                .body("latest.qualifier", equalTo("AT_LEAST"))
                .body("projected", nullValue())
                .body("observedAnnualRate", nullValue())
                .body("explanation.en", containsString("published as at least 25"));

        // Corrected to an exact figure below the target: the exact value decides again, and the bound
        // stays in the value's history.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", 23.9, "version", 0, "basis", "INVENTORY"))
                .put(FOREST + "/2022").then().statusCode(200).body("qualifier", equalTo("EXACT"))
                .body("priorVintages[0].qualifier", equalTo("AT_LEAST"));
        asViewer().get(TARGET).then().statusCode(200).body("status", equalTo("ON_TRACK"))
                .body("latest.qualifier", equalTo("EXACT"));
    }

    @Test
    void shouldRefuseAQualifierThatIsNotOneNamingTheFieldAndTheAllowed() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 25, "qualifier", "MORE"))
                .post(FOREST).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("qualifier"))
                .body("errors[0].message", containsString("AT_LEAST"));
        asAnalyst().get(FOREST + "/2022").then().statusCode(404);
    }
}
