package org.policytracker.assessment;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * Assessments through the API, on values entered the way statistical offices publish them. Each
 * test starts from no values (TestData) and enters its own.
 */
@QuarkusTest
class AssessmentApiTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Inject
    EntityManagerFactory emf;

    @Test
    void shouldChainYearOnYearChangesForTheCo2IntensityTarget() {
        post("CO2_INTENSITY", "2021", -3.8, "YOY_CHANGE_PCT");
        post("CO2_INTENSITY", "2022", -0.8, "YOY_CHANGE_PCT");
        asViewer().queryParam("asOf", "2023-06-30").get("/api/targets/CARBON-2025-CO2-INTENSITY/assessment")
                .then().statusCode(200)
                .body("target", equalTo("CARBON-2025-CO2-INTENSITY"))
                .body("asOf", equalTo("2023-06-30"))
                // (1 − 0.038)(1 − 0.008) − 1 = −4.5696 %, not −4.6 %.
                .body("latest.period", equalTo("2022"))
                .body("latest.value", closeTo(-4.5696, 1e-9))
                .body("baseline.period", equalTo("2020"))
                .body("baseline.value", closeTo(0.0, 1e-12))
                // Needs (0.82)^(1/5) − 1 = −3.89 % a year; achieved (0.954304)^(1/2) − 1 = −2.31 % a year.
                .body("requiredAnnualRate", closeTo(-3.89129, 1e-4))
                .body("observedAnnualRate", closeTo(-2.31152, 1e-4))
                .body("ratio", closeTo(0.59402, 1e-4))
                .body("status", equalTo("OFF_TRACK"))
                .body("explanation.zh", containsString("3.89"))
                .body("explanation.en", containsString("3.89"));
    }

    @Test
    void shouldSeeOnlyWhatWasKnownAtATime() throws Exception {
        post("IP_ROYALTIES_TRADE_TOTAL", "2022", 3400, "LEVEL");
        OffsetDateTime between = OffsetDateTime.now(ZoneOffset.UTC);
        Thread.sleep(20);
        Map<String, Object> created = asViewer().get("/api/indicators/IP_ROYALTIES_TRADE_TOTAL/observations/2022")
                .then().extract().jsonPath().getMap("$");
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("value", 3600, "version", created.get("version"))).put(
                        "/api/indicators/IP_ROYALTIES_TRADE_TOTAL/observations/2022")
                .then().statusCode(200);
        // Now: 3600 ≥ 3500, the 2025 target is met.
        String url = "/api/targets/IPO-2025-IP-ROYALTIES-TRADE/assessment";
        asViewer().queryParam("asOf", "2023-12-31").get(url)
                .then().body("status", equalTo("ACHIEVED")).body("latest.value", equalTo(3600.0));
        // Known at the time before the correction: 3400, not yet met; the same answer as then.
        asViewer().queryParam("asOf", "2023-12-31").queryParam("knownAt", between.toString()).get(url)
                .then().body("latest.value", equalTo(3400.0))
                .body("status", isOneOf("ON_TRACK", "AT_RISK", "OFF_TRACK"))
                .body("knownAt", notNullValue());
        // As of a date before the period ended: nothing after the baseline yet.
        asViewer().queryParam("asOf", "2022-12-30").get(url)
                .then().body("status", equalTo("NO_DATA"));
    }

    @Test
    void shouldMarkAMilestoneAchievedWhenDone() {
        String url = "/api/targets/FTZ-M02/milestone";
        asViewer().queryParam("asOf", "2022-01-01").get("/api/targets/FTZ-M02/assessment").then()
                .body("status", equalTo("NO_DATA"));
        asViewer().get(url).then().statusCode(200).body("version", equalTo(0)).body("state", nullValue());
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("state", "DONE", "version", 0)).put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "evidence", "交通运输部起草管理办法", "date", "2021-10-01", "version", 0))
                .put(url).then().statusCode(200).body("state", equalTo("IN_PROGRESS")).body("version", equalTo(1));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("state", "DONE", "evidence", "交通运输部公告2022年第x号", "date", "2022-05-01", "version", 0))
                .put(url).then().statusCode(409);
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("state", "DONE", "evidence", "交通运输部公告2022年第x号", "date", "2022-05-01", "version", 1))
                .put(url).then().statusCode(200).body("state", equalTo("DONE"))
                .body("history[0].state", equalTo("IN_PROGRESS"));
        asViewer().queryParam("asOf", "2022-06-30").get("/api/targets/FTZ-M02/assessment").then()
                .body("status", equalTo("ACHIEVED"));
        asViewer().queryParam("target", "FTZ-M02").get("/api/audit").then()
                .body("items[0].action", equalTo("MILESTONE_STATE_SET")).body("items[0].after.state", equalTo("DONE"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("state", "DONE", "version", 0))
                .put("/api/targets/CARBON-2025-CO2-INTENSITY/milestone").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldTakeTheMilestoneStateInForceOnTheAsOfDateAsKnownAtKnownAt() throws InterruptedException {
        String url = "/api/targets/FTZ-M03/milestone";
        String assessment = "/api/targets/FTZ-M03/assessment";
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "evidence", "起草", "date", "2021-11-01", "version", 0))
                .put(url).then().statusCode(200);
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("state", "DONE", "evidence", "印发", "date", "2022-06-15", "version", 1))
                .put(url).then().statusCode(200);
        asViewer().queryParam("asOf", "2021-10-31").get(assessment).then().body("status", equalTo("NO_DATA"));
        asViewer().queryParam("asOf", "2022-03-31").get(assessment).then().body("status", equalTo("ON_TRACK"))
                .body("explanation.zh", containsString("正在推进"));
        asViewer().queryParam("asOf", "2022-07-31").get(assessment).then().body("status", equalTo("ACHIEVED"));
        Thread.sleep(20);
        String beforeCorrection = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
        Thread.sleep(20);
        // A correction: it was still in progress in May; the June DONE no longer holds.
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "evidence", "印发推迟", "date", "2022-05-01", "version", 2))
                .put(url).then().statusCode(200);
        asViewer().queryParam("asOf", "2022-07-31").get(assessment).then().body("status", equalTo("ON_TRACK"));
        asViewer().queryParam("asOf", "2022-03-31").get(assessment).then().body("status", equalTo("ON_TRACK"));
        asViewer().queryParam("asOf", "2022-07-31").queryParam("knownAt", beforeCorrection).get(assessment).then()
                .body("status", equalTo("ACHIEVED"));
    }

    @Test
    void shouldAssessEveryTargetOnTheDashboardInConstantQueries() {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        long before = dashboardStatements(stats);
        for (int year = 2021; year <= 2024; year++) {
            post("HIGH_VALUE_INVENTION_PATENTS_PER_10K", String.valueOf(year), 6.3 + (year - 2020) * 1.2, "LEVEL");
            post("LICENSED_PATENT_ATTORNEYS", String.valueOf(year), 2.5 + (year - 2020) * 0.3, "LEVEL");
        }
        long after = dashboardStatements(stats);
        assertEquals(before, after, "the dashboard's queries must not grow with the values");
        // targets, values, milestone states, judgements, and the lazy joins: a fixed handful.
        assertTrue(after <= 7, "statements for one dashboard call: " + after);
    }

    @Test
    void shouldServeTheDashboardWithTheContractFields() {
        List<Map<String, Object>> entries = asViewer().get("/api/dashboard").then().statusCode(200)
                .body("id", everyItem(notNullValue())).extract().jsonPath().getList("$");
        assertTrue(entries.size() >= 50);
        for (Map<String, Object> e : entries) {
            assertTrue(e.containsKey("indicator") && e.containsKey("source") && e.containsKey("kind"), e.toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) e.get("assessment");
            for (String field : List.of("status", "latest", "baseline", "progress", "elapsed", "projected",
                    "observedAnnualRate", "requiredAnnualRate", "ratio", "explanation")) {
                assertTrue(a.containsKey(field), e.get("id") + " assessment lacks " + field);
            }
            assertTrue(List.of("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "MISSED", "NO_DATA")
                    .contains(a.get("status")), String.valueOf(a.get("status")));
        }
        asViewer().queryParam("asOf", "2024-13-01").get("/api/dashboard").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        asViewer().queryParam("knownAt", "yesterday").get("/api/dashboard").then().statusCode(400)
                .body("errors[0].field", equalTo("knownAt"));
        asViewer().queryParam("theme", "FTZ").get("/api/dashboard").then().statusCode(200)
                .body("assessment.status", everyItem(notNullValue())).body("[0]", hasKey("assessment"));
    }

    /**
     * The dashboard's own statements: those of a dashboard call less those of a call that only signs in
     * ({@code /api/me} runs no query of its own; signing in checks the throttle and reads the user).
     */
    private long dashboardStatements(Statistics stats) {
        asViewer().get("/api/me").then().statusCode(200); // the test user exists before counting
        stats.clear();
        asViewer().get("/api/me").then().statusCode(200);
        long signIn = stats.getPrepareStatementCount();
        stats.clear();
        asViewer().get("/api/dashboard").then().statusCode(200);
        return stats.getPrepareStatementCount() - signIn;
    }

    private static void post(String indicator, String period, double value, String form) {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", period, "value", value, "form", form))
                .post("/api/indicators/" + indicator + "/observations").then().statusCode(201);
    }
}
