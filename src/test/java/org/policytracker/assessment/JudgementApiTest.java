package org.policytracker.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;

/**
 * The analyst's judgement beside the computed status (docs/ASSESSMENT.md, "The analyst's judgement"):
 * recorded with who and when, audited, kept with its history, reproducible with knownAt, withdrawn by
 * DELETE, shown in the assessment, the dashboard and the reports, never instead of the computed status.
 */
@QuarkusTest
class JudgementApiTest {

    private static final String TARGET = "CARBON-2030-ENERGY-INTENSITY"; // 单位GDP能耗大幅下降: needs judgement
    private static final String URL = "/api/targets/" + TARGET + "/judgement";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static Map<String, Object> judgement(String status, String reason) {
        return Map.of("status", status, "reason", reason, "evidence", "国务院新闻办公室新闻发布会，2026-03-05");
    }

    @Test
    void shouldRecordAJudgementBesideTheComputedStatusAndKeepItsHistory() {
        String computed = asViewer().get("/api/targets/" + TARGET + "/assessment").then().statusCode(200)
                .body("judgement", nullValue()).extract().path("status");
        asAnalyst().contentType(ContentType.JSON).body(judgement("ON_TRACK", "大幅下降按规划口径理解为下降13.5%以上，按现有速度可达"))
                .put(URL).then().statusCode(200)
                .body("judgement.status", equalTo("ON_TRACK"))
                .body("judgement.recordedBy", equalTo("analyst1"))
                .body("history", hasSize(1));
        OffsetDateTime between = OffsetDateTime.now();
        asAnalyst().contentType(ContentType.JSON).body(judgement("ACHIEVED", "官方表述为“基本完成”"))
                .put(URL).then().statusCode(200).body("judgement.status", equalTo("ACHIEVED"))
                .body("history", hasSize(2));

        asViewer().get("/api/targets/" + TARGET + "/assessment").then()
                .body("status", equalTo(computed))
                .body("judgement.status", equalTo("ACHIEVED"))
                .body("judgement.reason", equalTo("官方表述为“基本完成”"));
        // As known between the two, the first judgement was in force.
        asViewer().queryParam("knownAt", between.toString()).get("/api/targets/" + TARGET + "/assessment").then()
                .body("judgement.status", equalTo("ON_TRACK"));
        List<Map<String, Object>> dashboard = asViewer().get("/api/dashboard").then().statusCode(200).extract()
                .path("findAll { it.id == '" + TARGET + "' }.assessment");
        assertEquals("ACHIEVED", ((Map<?, ?>) dashboard.get(0).get("judgement")).get("status"));
        assertEquals(computed, dashboard.get(0).get("status"), "the computed status is unchanged");

        asViewer().queryParam("target", TARGET).get("/api/audit").then().statusCode(200)
                .body("items[0].action", equalTo("JUDGEMENT_RECORDED"))
                .body("items[0].before.status", equalTo("ON_TRACK"))
                .body("items[0].after.status", equalTo("ACHIEVED"));

        asAnalyst().delete(URL).then().statusCode(204);
        asViewer().get(URL).then().body("judgement", nullValue()).body("history", hasSize(3))
                .body("history[0].status", nullValue());
        asViewer().get("/api/targets/" + TARGET + "/assessment").then().body("judgement", nullValue());
        asAnalyst().delete(URL).then().statusCode(404);
        asViewer().queryParam("target", TARGET).get("/api/audit").then()
                .body("items[0].action", equalTo("JUDGEMENT_WITHDRAWN"));
    }

    @Test
    void shouldRefuseABadJudgementNamingTheFieldAndWriteNothing() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("status", "BASICALLY_DONE", "reason", "x")).put(URL)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, MISSED, NO_DATA"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("status", "ACHIEVED")).put(URL).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        asViewer().contentType(ContentType.JSON).body(judgement("ACHIEVED", "x")).put(URL).then().statusCode(403);
        asAnalyst().contentType(ContentType.JSON).body(judgement("ACHIEVED", "x")).put("/api/targets/NO-SUCH/judgement")
                .then().statusCode(404);
        asViewer().get(URL).then().body("history", hasSize(0));
    }

    @Test
    void shouldPrintTheJudgementBesideTheVerdictInTheReports() throws Exception {
        asAnalyst().contentType(ContentType.JSON).body(judgement("ACHIEVED", "官方表述为“基本完成”")).put(URL).then()
                .statusCode(200);
        String html = asViewer().queryParam("format", "html").get("/api/reports/status").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("分析师判断（人工记录，非计算结果）") && html.contains("官方表述为“基本完成”"),
                "the HTML report shows the judgement, marked as the analyst's");
        byte[] csv = asViewer().queryParam("format", "csv").get("/api/reports/status").then().statusCode(200)
                .extract().asByteArray();
        CSVRecord row = TestFiles.csv(csv).stream().filter(r -> r.get("目标编号").equals(TARGET)).findFirst()
                .orElseThrow();
        assertEquals("已实现", row.get("分析师判断"));
        assertTrue(row.get("判断理由").startsWith("官方表述为“基本完成”；依据：国务院新闻办公室新闻发布会"), row.get("判断理由"));
    }
}
