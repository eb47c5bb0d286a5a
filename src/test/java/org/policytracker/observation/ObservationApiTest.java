package org.policytracker.observation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * Entering, correcting and deleting values through the API: validation answers, duplicates,
 * stale writes, vintages and the audit log. Each test uses its own indicator so tests stay
 * independent of order.
 */
@QuarkusTest
class ObservationApiTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static final String SHARE = "/api/indicators/FOREST_COVERAGE/observations";

    @Test
    void shouldStoreAValueWithWhoAndWhen() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2021", "value", 23.5, "form", "LEVEL", "source", "国家林草局公报", "note", "first"))
                .post(SHARE)
                .then().statusCode(201)
                .header("Location", containsString("/api/indicators/FOREST_COVERAGE/observations/2021"))
                .body("value", equalTo(23.5)).body("period", equalTo("2021")).body("periodType", equalTo("YEARLY"))
                .body("createdBy", equalTo("analyst1")).body("createdAt", notNullValue())
                .body("version", equalTo(0)).body("priorVintages", empty()).body("warnings", empty());
        asViewer().get(SHARE).then().statusCode(200).body("period", hasItem("2021"));
    }

    @Test
    void shouldRefuseASecondValueForThePeriodAndSayHowToCorrect() {
        String url = "/api/indicators/FOREST_STOCK/observations";
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 178.0)).post(url)
                .then().statusCode(201);
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 179.0)).post(url)
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("period")).body("errors[0].code", equalTo("observation.exists"))
                .body("detail",
                        equalTo("period: FOREST_STOCK has a value for 2021 (MONITORING) already (178); to change it,"
                                + " correct that value"));
        asViewer().get(url + "/2021").then().body("value", equalTo(178.0));
    }

    @Test
    void shouldKeepTheEarlierValueAsAVintageWhenCorrected() {
        String url = "/api/indicators/NON_FOSSIL_SHARE/observations";
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2020", "value", 15.9, "source", "2020年统计公报")).post(url)
                .then().statusCode(201);
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("value", 16.0, "source", "中国统计年鉴2021（修订）", "version", 0)).put(url + "/2020")
                .then().statusCode(200).body("value", equalTo(16.0)).body("version", equalTo(1))
                .body("priorVintages", hasSize(1))
                .body("priorVintages[0].value", equalTo(15.9))
                .body("priorVintages[0].source", equalTo("2020年统计公报"))
                .body("priorVintages[0].recordedBy", equalTo("analyst1"))
                .body("priorVintages[0].supersededAt", notNullValue());
        // A writer who still holds version 0 is refused, and nothing changes.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", 15.0, "version", 0)).put(url + "/2020")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("version")).body("errors[0].code", equalTo("version.stale"))
                .body("detail", containsString("(it is now 16)"));
        asViewer().get(url + "/2020").then().body("value", equalTo(16.0));
        asViewer().queryParam("indicator", "NON_FOSSIL_SHARE").get("/api/audit").then().statusCode(200)
                .body("items.action", hasItems("OBSERVATION_CREATED", "OBSERVATION_CORRECTED"))
                .body("items[0].action", equalTo("OBSERVATION_CORRECTED"))
                .body("items[0].before.value", equalTo(15.9)).body("items[0].after.value", equalTo(16.0))
                .body("items[0].actor", equalTo("analyst1"));
    }

    @Test
    void shouldDeleteWithTheCurrentVersionOnlyAndAuditIt() {
        String url = "/api/indicators/WIND_SOLAR_CAPACITY/observations";
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 6.35)).post(url)
                .then().statusCode(201);
        asAnalyst().queryParam("version", 7).delete(url + "/2021").then().statusCode(409);
        asAnalyst().delete(url + "/2021").then().statusCode(400).body("errors[0].field", equalTo("version"));
        asAnalyst().queryParam("version", 0).delete(url + "/2021").then().statusCode(204);
        asViewer().get(url + "/2021").then().statusCode(404);
        asViewer().queryParam("indicator", "WIND_SOLAR_CAPACITY").get("/api/audit").then()
                .body("items[0].action", equalTo("OBSERVATION_DELETED"))
                .body("items[0].before.value", equalTo(6.35)).body("items[0].after", nullValue());
        // The period can be entered again after a deletion.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 6.36)).post(url)
                .then().statusCode(201).body("priorVintages", hasSize(1));
    }

    @Test
    void shouldAnswerUnknownIndicatorsWith404() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 1.0))
                .post("/api/indicators/NO_SUCH/observations")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldNameTheFieldAndTheAllowedRangeOfBadInput() {
        String url = "/api/indicators/NON_FOSSIL_SHARE/observations";
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "1951", "value", 10.0)).post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("first published (1952)"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 120.0)).post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("between 0 and 100"));
        asAnalyst().contentType(ContentType.JSON).body("{\"period\": \"2022\", \"value\": \"abc\"}").post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("value"));
        asAnalyst().contentType(ContentType.JSON).body("{\"period\": \"2022\", \"value\": \"NaN\"}").post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("finite"));
        asAnalyst().contentType(ContentType.JSON).body("{\"period\": \"2022\", \"value\": 1, \"form\": \"RATIO\"}")
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("form"))
                .body("errors[0].message", containsString("YOY_CHANGE_PCT"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022Q5", "value", 10.0)).post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", 10.0)).post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
        asViewer().get(url).then().body("period", Matchers.not(hasItem("2022")));
    }

    @Test
    void shouldWarnOfAnOutlierAndRefuseATenfoldJumpUnlessConfirmed() {
        String url = "/api/indicators/FOREST_STOCK/observations";
        double[] series = {170.0, 172.0, 175.6, 177.0};
        for (int i = 0; i < series.length; i++) {
            asAnalyst().contentType(ContentType.JSON)
                    .body(Map.of("period", String.valueOf(2010 + i), "value", series[i]))
                    .post(url).then().statusCode(201).body("warnings", empty());
        }
        // A 13 % rise in a year is plausible, but far from this quiet series: stored, with a warning.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2014", "value", 200.0)).post(url)
                .then().statusCode(201).body("value", equalTo(200.0))
                .body("warnings[0].field", equalTo("value"))
                .body("warnings[0].message", containsString("far from the rest of the series"));
        // Ten times the previous year is a likely unit slip: refused unless confirmed, then warned of too.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2015", "value", 2000.0)).post(url)
                .then().statusCode(409).body("errors[0].field", equalTo("value"))
                .body("errors[0].code", equalTo("value.implausible"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2015", "value", 2000.0, "confirm", true))
                .post(url).then().statusCode(201).body("confirm", equalTo(true))
                .body("warnings[0].message", containsString("far from the rest of the series"));
    }

    @Test
    void shouldRefuseViewersWriting() {
        asViewer().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 1.0))
                .post("/api/indicators/CO2_INTENSITY/observations").then().statusCode(403);
    }

    @Test
    void shouldTakeYearOnYearChangesButNotForRates() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2021", "value", -3.8, "form", "YOY_CHANGE_PCT"))
                .post("/api/indicators/ENERGY_INTENSITY/observations").then().statusCode(201)
                .body("form", equalTo("YOY_CHANGE_PCT"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 5.0, "form", "YOY_CHANGE_PCT"))
                .post("/api/indicators/SERVICE_EXPORT_GROWTH/observations").then().statusCode(400)
                .body("errors[0].field", equalTo("form"));
    }
}
