package org.policytracker.observation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
 * Series bases as catalogue data and on each value: the indicator lists them, a value takes the one in
 * force for its period unless it states another, an unknown one is refused, and the assessment never
 * chains across them (docs/ASSESSMENT.md, "Series bases and breaks").
 */
@QuarkusTest
class SeriesBasesApiTest {

    private static final String ENERGY = "/api/indicators/ENERGY_INTENSITY/observations";
    private static final String TARGET = "/api/targets/CARBON-2025-ENERGY-INTENSITY/assessment";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldListTheBasesOfAnIndicatorWithTheirSourceAndTheBasisOfABaseline() {
        asViewer().get("/api/indicators/ENERGY_INTENSITY").then().statusCode(200)
                .body("bases.code", org.hamcrest.Matchers.contains("ORIGINAL", "DEDUCTED"))
                .body("bases[1].from", equalTo("2024"))
                .body("bases[1].nameZh", equalTo("扣除原料用能和非化石能源消费量后"))
                .body("bases[1].source", containsString("2024年国民经济和社会发展统计公报"))
                .body("targets.find { it.id == 'CARBON-2025-ENERGY-INTENSITY' }.baselineBasis", equalTo("ORIGINAL"));
        asViewer().get("/api/indicators/FOREST_STOCK").then().statusCode(200)
                .body("bases.code", org.hamcrest.Matchers.contains("INVENTORY", "MONITORING"));
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE").then().statusCode(200).body("bases", empty())
                .body("targets[0].baselineBasis", nullValue());
    }

    @Test
    void shouldPutAValueOnTheBasisInForceUnlessItSaysAnother() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2023", "value", -0.5, "form", "YOY_CHANGE_PCT")).post(ENERGY)
                .then().statusCode(201).body("basis", equalTo("ORIGINAL"));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024", "value", -3.8, "form", "YOY_CHANGE_PCT")).post(ENERGY)
                .then().statusCode(201).body("basis", equalTo("DEDUCTED"));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2020", "value", 100, "form", "INDEX", "basis", "DEDUCTED", "confirmForm", true))
                .post(ENERGY).then().statusCode(201).body("basis", equalTo("DEDUCTED"));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("value", 88.4, "form", "INDEX", "version", 0, "confirmForm", true)).put(ENERGY + "/2024")
                .then().statusCode(200).body("basis", equalTo("DEDUCTED"));
        asViewer().get(TARGET).then().statusCode(200)
                .body("basis", equalTo("DEDUCTED"))
                .body("breaks", hasSize(1))
                .body("breaks[0].period", equalTo("2024"))
                .body("breaks[0].fromBasis", equalTo("ORIGINAL"))
                .body("breaks[0].toBasis", equalTo("DEDUCTED"))
                .body("breaks[0].linked", equalTo(true))
                .body("byBasis.basis", org.hamcrest.Matchers.contains("DEDUCTED", "ORIGINAL"))
                .body("explanation.zh", containsString("按“扣除原料用能和非化石能源消费量后”口径："));
    }

    @Test
    void shouldSayAnUnlinkedBreakAndNotUseTheNewBasis() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2021", "value", -2.7, "form", "YOY_CHANGE_PCT")).post(ENERGY)
                .then().statusCode(201);
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024", "value", -3.8, "form", "YOY_CHANGE_PCT")).post(ENERGY)
                .then().statusCode(201);
        asViewer().get(TARGET).then().statusCode(200)
                .body("basis", equalTo("ORIGINAL"))
                .body("latest.period", equalTo("2021"))
                .body("breaks[0].linked", equalTo(false))
                .body("byBasis", empty())
                .body("explanation.en", containsString("so its values are not used"));
    }

    @Test
    void shouldRefuseABasisThatIsNotOneOfTheIndicatorsNamingTheAllowed() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024", "value", -3.8, "form", "YOY_CHANGE_PCT", "basis", "NEW"))
                .post(ENERGY).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("basis"))
                .body("errors[0].message", containsString("ORIGINAL, DEDUCTED"));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024", "value", 19.8, "basis", "DEDUCTED"))
                .post("/api/indicators/NON_FOSSIL_SHARE/observations").then().statusCode(400)
                .body("errors[0].field", equalTo("basis"))
                .body("errors[0].message", containsString("one definition"));
        asAnalyst().get(ENERGY + "/2024").then().statusCode(404);
    }

    @Test
    void shouldHoldOneValuePerBasisOfAPeriodEachWithItsOwnHistory() {
        // 2023 as first published on the old definition, and as republished on the new one.
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2023", "value", -0.5, "form", "YOY_CHANGE_PCT")).post(ENERGY)
                .then().statusCode(201).header("Location", containsString("/2023?basis=ORIGINAL"));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2023", "value", -1.2, "form", "YOY_CHANGE_PCT", "basis", "DEDUCTED"))
                .post(ENERGY).then().statusCode(201).body("basis", equalTo("DEDUCTED"));
        // The same basis twice is still one value: correct it instead.
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2023", "value", -1.3, "form", "YOY_CHANGE_PCT", "basis", "DEDUCTED"))
                .post(ENERGY).then().statusCode(409).body("errors[0].field", equalTo("period"));
        asViewer().get(ENERGY).then().statusCode(200)
                .body("findAll { it.period == '2023' }.basis", org.hamcrest.Matchers.containsInAnyOrder("ORIGINAL",
                        "DEDUCTED"));
        // Without ?basis= a path names the value on the basis in force for the period (ORIGINAL in 2023).
        asViewer().get(ENERGY + "/2023").then().statusCode(200).body("value", equalTo(-0.5));
        asViewer().get(ENERGY + "/2023?basis=DEDUCTED").then().statusCode(200).body("value", equalTo(-1.2));
        asViewer().get(ENERGY + "/2023?basis=NEW").then().statusCode(400).body("errors[0].field", equalTo("basis"));

        // A correction changes the value on its basis only, and keeps the other's history apart.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", -1.1, "form", "YOY_CHANGE_PCT", "version", 0))
                .put(ENERGY + "/2023?basis=DEDUCTED").then().statusCode(200).body("basis", equalTo("DEDUCTED"))
                .body("priorVintages", hasSize(1)).body("priorVintages[0].value", equalTo(-1.2));
        asViewer().get(ENERGY + "/2023?basis=ORIGINAL").then().body("value", equalTo(-0.5))
                .body("priorVintages", empty());
        // A body naming another basis than the value's is refused: a value on another basis is another value.
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("value", -0.6, "form", "YOY_CHANGE_PCT", "version", 0, "basis", "DEDUCTED"))
                .put(ENERGY + "/2023?basis=ORIGINAL").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("basis"))
                .body("errors[0].message", containsString("ORIGINAL"));
        asViewer().get(ENERGY + "/2023?basis=ORIGINAL").then().body("value", equalTo(-0.5)).body("version",
                equalTo(0));

        // Deleting one leaves the other; restoring it without naming the basis finds the only deleted one.
        asAnalyst().queryParam("version", 1).queryParam("basis", "DEDUCTED").delete(ENERGY + "/2023").then()
                .statusCode(204);
        asViewer().get(ENERGY).then().body("findAll { it.period == '2023' }.basis", org.hamcrest.Matchers.contains(
                "ORIGINAL"));
        asAnalyst().queryParam("version", 2).post(ENERGY + "/2023/restore").then().statusCode(200)
                .body("basis", equalTo("DEDUCTED")).body("value", equalTo(-1.1));
    }

    @Test
    void shouldLinkANewBasisByABaselineYearValueBesideTheOldOne() {
        // The baseline year published on both definitions: a level each; 2024 on the new one only.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2020", "value", 100, "form", "INDEX",
                "confirmForm", true)).post(ENERGY).then().statusCode(201).body("basis", equalTo("ORIGINAL"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2020", "value", 100, "form", "INDEX",
                "basis", "DEDUCTED", "confirmForm", true)).post(ENERGY).then().statusCode(201);
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2024", "value", 88.0, "form", "INDEX",
                "confirmForm", true)).post(ENERGY).then().statusCode(201).body("basis", equalTo("DEDUCTED"));
        asViewer().get(TARGET).then().statusCode(200)
                .body("basis", equalTo("DEDUCTED"))
                .body("breaks[0].linked", equalTo(true))
                .body("latest.period", equalTo("2024"))
                .body("byBasis[0].basis", equalTo("DEDUCTED"));
    }
}
