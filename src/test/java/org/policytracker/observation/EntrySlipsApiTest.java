package org.policytracker.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.policytracker.TestUsers.PASSWORD;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * The slips of issue 12, each with its exact input, through the API the entry form uses: numbers as
 * people type them, periods that cannot have a value yet or any more, a form that breaks the published
 * chain, and answers in the reader's language.
 */
@QuarkusTest
class EntrySlipsApiTest {

    private static final String CO2 = "/api/indicators/CO2_INTENSITY/observations";
    private static final String FOREST = "/api/indicators/FOREST_COVERAGE/observations";
    private static final String STOCK = "/api/indicators/FOREST_STOCK/observations";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static ValidatableResponse enter(String url, Map<String, Object> body) {
        return asAnalyst().contentType(ContentType.JSON).body(body).post(url).then();
    }

    @Test
    void shouldReadADecimalCommaAsTheDecimalPoint() {
        // Typed "-3,8": once saved as −38 %, which made the target 已实现.
        enter(CO2, Map.of("period", "2021", "value", "-3,8", "form", "YOY_CHANGE_PCT")).statusCode(201)
                .body("value", equalTo(-3.8));
    }

    @Test
    void shouldReadTheMinusSignTheAppPrintsAndFullWidthDigitsAsAMinus() {
        // "−3.8" with U+2212: once saved as +3.8.
        enter(CO2, Map.of("period", "2021", "value", "\u22123.8", "form", "YOY_CHANGE_PCT")).statusCode(201)
                .body("value", equalTo(-3.8));
        enter(CO2, Map.of("period", "2022", "value", "－０．８", "form", "YOY_CHANGE_PCT")).statusCode(201)
                .body("value", equalTo(-0.8));
    }

    @Test
    void shouldReadThousandsSeparatorsAndRefuseWhatCannotBeTold() {
        enter("/api/indicators/SERVICE_TRADE_TOTAL/observations", Map.of("period", "2021", "value", "8,212.5"))
                .statusCode(201).body("value", equalTo(8212.5));
        enter(STOCK, Map.of("period", "2022", "value", "19.493,7")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("value")).body("errors[0].code", equalTo("value.ambiguous"))
                .body("errors[0].message", containsString("'19.493,7'"));
        enter(STOCK, Map.of("period", "2022", "value", "19 493")).statusCode(400)
                .body("errors[0].code", equalTo("value.notANumber"));
        asViewer().get(STOCK).then().body("period", not(hasItem("2022")));
    }

    @Test
    void shouldTakeATrailingPercentOnlyWhereTheValueIsInPercent() {
        enter(FOREST, Map.of("period", "2021", "value", "24.03%")).statusCode(201).body("value", equalTo(24.03));
        enter(STOCK, Map.of("period", "2021", "value", "194.9%")).statusCode(400)
                .body("errors[0].field", equalTo("value")).body("errors[0].code", equalTo("value.percentSign"));
    }

    @Test
    void shouldRefuseAYearThatHasNotEndedAndAcceptTheLastOneThatHas() {
        int thisYear = Year.now(ZoneOffset.UTC).getValue();
        // 2031 in 2026: a value that cannot exist yet; so is this year's until it is over.
        for (int year : new int[]{thisYear + 5, thisYear}) {
            enter(FOREST, Map.of("period", String.valueOf(year), "value", 24.1)).statusCode(400)
                    .body("errors[0].field", equalTo("period")).body("errors[0].code", equalTo("period.notEnded"))
                    .body("errors[0].message", containsString("the last year that has ended is " + (thisYear - 1)));
        }
        enter(FOREST, Map.of("period", String.valueOf(thisYear - 1), "value", 24.1)).statusCode(201);
    }

    @Test
    void shouldRefuseAYearBeforeTheSeriesStartsAndKeepYearsBeforeTheBaselineAsHistory() {
        // FOREST_COVERAGE starts in 1949 (catalogue: seriesStart); its 2025 target's baseline is 2020.
        asViewer().get("/api/indicators/FOREST_COVERAGE").then().body("seriesStart", equalTo(1949));
        enter(FOREST, Map.of("period", "1948", "value", 8.6)).statusCode(400)
                .body("errors[0].field", equalTo("period")).body("errors[0].code", equalTo("period.beforeSeries"))
                .body("errors[0].message", containsString("1949"));
        // 2019, before the baseline: welcome, and shown as history, not as progress.
        enter(FOREST, Map.of("period", "2019", "value", 22.96)).statusCode(201);
        asViewer().get("/api/targets/CARBON-2025-FOREST-COVERAGE/assessment").then().statusCode(200)
                .body("status", equalTo("NO_DATA"));
        asViewer().get(FOREST).then().body("period", hasItem("2019"));
    }

    @Test
    void shouldAskForConfirmationOfALevelInAYearOnYearChain() {
        // CO2_INTENSITY is published as changes on the previous year; a level in the middle breaks the chain.
        enter(CO2, Map.of("period", "2021", "value", -3.8, "form", "YOY_CHANGE_PCT")).statusCode(201);
        enter(CO2, Map.of("period", "2022", "value", 1.2, "form", "LEVEL")).statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("form")).body("errors[0].code", equalTo("form.breaksChain"))
                .body("errors[0].message", containsString("Confirm"));
        asViewer().get(CO2).then().body("period", not(hasItem("2022")));
        enter(CO2, Map.of("period", "2022", "value", 1.2, "form", "LEVEL", "confirmForm", true)).statusCode(201)
                .body("form", equalTo("LEVEL"));
        // A correction that changes the form asks too.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", 0.9, "form", "LEVEL", "version", 0))
                .put(CO2 + "/2021").then().statusCode(409).body("errors[0].code", equalTo("form.breaksChain"));
    }

    @Test
    void shouldAnswerInChineseUnlessEnglishIsAskedFor() {
        asAnalyst(); // creates the user
        ValidatableResponse chinese = given().auth().preemptive().basic("analyst1", PASSWORD)
                .contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 120.0)).post(FOREST).then();
        chinese.statusCode(400).contentType("application/problem+json").header("Content-Language", "zh")
                .body("errors[0].field", equalTo("value")).body("errors[0].code", equalTo("value.share"))
                .body("errors[0].message", matchesPattern(".*[\\u4e00-\\u9fff].*120.*"))
                .body("title", matchesPattern(".*[\\u4e00-\\u9fff].*"));
        enter(FOREST, Map.of("period", "2021", "value", 120.0)).statusCode(400).header("Content-Language", "en")
                .body("errors[0].code", equalTo("value.share"))
                .body("errors[0].message", equalTo("must be between 0 and 100: the indicator is a share in percent,"
                        + " was 120"));
    }

    @Test
    void shouldListADeletedValueAndRestoreItWithItsHistoryAndAudit() {
        enter(FOREST, Map.of("period", "2021", "value", 24.02, "source", "国家林草局")).statusCode(201);
        asAnalyst().queryParam("version", 0).delete(FOREST + "/2021").then().statusCode(204);
        asViewer().get(FOREST).then().body("period", not(hasItem("2021")));
        asViewer().get(FOREST + "/deleted").then().statusCode(200).body("$", hasSize(1))
                .body("[0].period", equalTo("2021")).body("[0].value", equalTo(24.02))
                .body("[0].deletedAt", notNullValue()).body("[0].updatedBy", equalTo("analyst1"));
        long version = asViewer().get(FOREST + "/deleted").then().extract().jsonPath().getLong("[0].version");
        // Viewers may not restore; a stale version is refused.
        asViewer().queryParam("version", version).post(FOREST + "/2021/restore").then().statusCode(403);
        asAnalyst().queryParam("version", version + 5).post(FOREST + "/2021/restore").then().statusCode(409);
        asAnalyst().queryParam("version", version).post(FOREST + "/2021/restore").then().statusCode(200)
                .body("value", equalTo(24.02)).body("source", equalTo("国家林草局"));
        asViewer().get(FOREST + "/2021").then().statusCode(200).body("value", equalTo(24.02));
        asViewer().get(FOREST + "/deleted").then().body("$", hasSize(0));
        asViewer().queryParam("indicator", "FOREST_COVERAGE").get("/api/audit").then()
                .body("items[0].action", equalTo("OBSERVATION_RESTORED"))
                .body("items[0].after.value", equalTo(24.02))
                .body("items[1].action", equalTo("OBSERVATION_DELETED"));
        // Restoring twice: there is nothing deleted left for the period.
        asAnalyst().queryParam("version", version + 1).post(FOREST + "/2021/restore").then().statusCode(404);
    }
}
