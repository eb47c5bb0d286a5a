package org.policytracker.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/** The read API's contract (the README's endpoint table): field names, filters, and problem answers. */
@QuarkusTest
class CatalogueApiTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static final List<String> TARGET_FIELDS = List.of("id", "kind", "targetYear", "targetValue", "tolerance",
            "baseYear", "baselineYear", "baselineValue", "binding", "agencies", "indicator", "source");

    @Test
    void shouldListTargetsWithTheContractFields() {
        List<Map<String, Object>> targets = asViewer().get("/api/targets")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath().getList("$");
        assertTrue(targets.size() >= 50, "targets: " + targets.size());
        for (Map<String, Object> target : targets) {
            for (String field : TARGET_FIELDS) {
                assertTrue(target.containsKey(field), target.get("id") + " lacks " + field);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> indicator = (Map<String, Object>) target.get("indicator");
            for (String field : List.of("code", "nameZh", "nameEn", "unit", "theme")) {
                assertTrue(indicator.containsKey(field), target.get("id") + " indicator lacks " + field);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) target.get("source");
            for (String field : List.of("document", "section", "quote", "note")) {
                assertTrue(source.containsKey(field), target.get("id") + " source lacks " + field);
            }
        }
    }

    @Test
    void shouldGetOneTarget() {
        asViewer().get("/api/targets/CARBON-2025-CO2-INTENSITY")
                .then().statusCode(200)
                .body("id", equalTo("CARBON-2025-CO2-INTENSITY"))
                .body("kind", equalTo("CHANGE_VS_BASE"))
                .body("targetValue", equalTo(-18.0))
                .body("baseYear", equalTo(2020))
                .body("indicator.code", equalTo("CO2_INTENSITY"))
                .body("indicator.theme", equalTo("CARBON_ENERGY"))
                .body("source.document", equalTo("carbon-peak-neutrality"))
                .body("source.quote", containsString("下降18%"));
    }

    @Test
    void shouldAnswerUnknownIdsWith404Problem() {
        asViewer().get("/api/targets/NO-SUCH-TARGET")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", containsString("NO-SUCH-TARGET"))
                .body("instance", equalTo("/api/targets/NO-SUCH-TARGET"));
        asViewer().get("/api/indicators/NO_SUCH_INDICATOR")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldFilterByDocumentThemeAndKind() {
        asViewer().queryParam("document", "ftz-facilitation-measures").get("/api/targets")
                .then().statusCode(200).body("$", hasSize(19))
                .body("source.document", everyItem(equalTo("ftz-facilitation-measures")));
        asViewer().queryParam("theme", "SERVICE_TRADE").get("/api/targets")
                .then().statusCode(200).body("indicator.theme", everyItem(equalTo("SERVICE_TRADE")))
                .body("size()", greaterThanOrEqualTo(5));
        asViewer().queryParam("kind", "LEVEL_ABOUT").queryParam("theme", "carbon_energy").get("/api/targets")
                .then().statusCode(200).body("kind", everyItem(equalTo("LEVEL_ABOUT")))
                .body("id", hasItem("CARBON-2025-NON-FOSSIL-SHARE"));
        asViewer().queryParam("document", "no-such-document").get("/api/targets")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldRefuseAnUnknownFilterValueNamingTheParameter() {
        asViewer().queryParam("kind", "GOAL").get("/api/targets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("LEVEL_AT_LEAST"));
    }

    @Test
    void shouldListDocumentsWithTargetCounts() {
        List<Map<String, Object>> documents = asViewer().get("/api/documents")
                .then().statusCode(200).body("$", hasSize(6)).extract().jsonPath().getList("$");
        assertEquals("ftz-facilitation-measures", documents.get(0).get("code"));
        assertEquals("国发〔2021〕12号", documents.get(0).get("number"));
        assertEquals("2021-08-02", documents.get(0).get("issuedOn"));
        assertEquals(19, documents.get(0).get("targetCount"));
        Map<String, Object> reply = documents.stream()
                .filter(d -> d.get("code").equals("cnipa-wilful-infringement-reply"))
                .findFirst().orElseThrow();
        assertEquals(0, reply.get("targetCount"));
    }

    @Test
    void shouldListIndicatorsAndShowOneWithItsTargets() {
        asViewer().get("/api/indicators").then().statusCode(200)
                .body("code", hasItem("NON_FOSSIL_SHARE")).body("[0]", hasKey("unit"));
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE").then().statusCode(200)
                .body("code", equalTo("NON_FOSSIL_SHARE")).body("unit", equalTo("%"))
                .body("targets.id", hasItem("CARBON-2025-NON-FOSSIL-SHARE"))
                .body("targets.id", hasItem("CARBON-2030-NON-FOSSIL-SHARE"))
                .body("targets.id", hasItem("CARBON-2060-NON-FOSSIL-SHARE"))
                .body("targets[0].source.quote", notNullValue());
    }

    @Test
    void shouldDescribeEveryEndpointInOpenApi() {
        String openapi = asViewer().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/targets", "/api/targets/{id}", "/api/documents", "/api/indicators",
                "/api/indicators/{code}", "/api/users", "/api/me")) {
            assertTrue(openapi.contains("\"" + path + "\""), "OpenAPI lacks " + path);
        }
        assertTrue(openapi.contains("\"summary\""));
    }
}
