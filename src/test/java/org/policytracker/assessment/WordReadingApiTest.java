package org.policytracker.assessment;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;

/**
 * Wording read by the catalogue (docs/ASSESSMENT.md, "Wording that needs judgement"): the reading on the target, in
 * the assessment's explanation, and the judgement it asks for, filtered on its own in the dashboard and the report.
 */
@QuarkusTest
class WordReadingApiTest {

    private static final String ENERGY = "CARBON-2030-ENERGY-INTENSITY"; // 单位国内生产总值能耗大幅下降
    private static final String TRADE = "SERVICE-TRADE-2025-TOTAL"; // 服务贸易规模稳中有增

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static void fallsTwoPercentAYear() {
        for (String year : List.of("2021", "2022", "2023")) {
            asAnalyst().contentType(ContentType.JSON)
                    .body(Map.of("period", year, "value", -2.0, "form", "YOY_CHANGE_PCT"))
                    .post("/api/indicators/ENERGY_INTENSITY/observations").then().statusCode(201);
        }
    }

    @Test
    void shouldCarryTheCataloguesReadingOnTheTargetInItsOwnWords() {
        asViewer().get("/api/targets/" + ENERGY).then().statusCode(200)
                .body("wording.zh", equalTo("大幅下降（2030年）"))
                .body("wording.en", equalTo("fall substantially by 2030"))
                .body("reading.term", equalTo("大幅下降"))
                .body("reading.minimumChange", equalTo(13.5))
                .body("reading.needsJudgement", equalTo(true))
                .body("reading.citation", equalTo("单位国内生产总值能耗比2020年下降13.5%"))
                .body("reading.justificationEn",
                        containsString("whether a larger fall is substantial is for the analyst"));
        asViewer().get("/api/targets/" + TRADE).then().statusCode(200)
                .body("wording.zh", equalTo("稳中有增（2025年）"))
                .body("reading.minimumChange", equalTo(0.0))
                .body("reading.needsJudgement", equalTo(false));
        asViewer().get("/api/targets/CARBON-2025-CO2-INTENSITY").then().body("reading", equalTo(null));
    }

    @Test
    void shouldJudgeThePaceTowardsTheMinimumAndAskForTheAnalystsJudgement() {
        fallsTwoPercentAYear();
        asViewer().queryParam("asOf", "2024-06-30").get("/api/targets/" + ENERGY + "/assessment").then()
                .statusCode(200)
                .body("status", equalTo("ON_TRACK"))
                .body("needsJudgement", equalTo(true))
                .body("requiredAnnualRate", closeTo((Math.pow(0.865, 0.1) - 1) * 100, 1e-9))
                .body("explanation.zh", containsString("编目将“大幅下降”解读为比2020年下降至少13.5%"))
                .body("explanation.zh", containsString("到2030年是否称得上“大幅下降”，需分析师判断。"))
                .body("explanation.en", containsString("The catalogue reads “fall substantially” as a fall of at least "
                        + "13.5 % from 2020"));
    }

    @Test
    void shouldFilterTheDashboardOnTheJudgementAndOnTheComputedStatusEachOnItsOwn() {
        fallsTwoPercentAYear();
        String dashboard = "/api/dashboard";
        asViewer().queryParam("asOf", "2024-06-30").queryParam("judgement", "NEEDED").get(dashboard).then()
                .statusCode(200)
                .body("id", hasItem(ENERGY))
                .body("id", not(hasItem(TRADE)))
                .body("findAll { it.assessment.needsJudgement == false }.size()", equalTo(0))
                .body("findAll { it.assessment.judgement != null }.size()", equalTo(0));

        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("status", "AT_RISK", "reason", "年均下降2%，但2024年起口径调整，是否“大幅”尚难判断"))
                .put("/api/targets/" + ENERGY + "/judgement").then().statusCode(200);
        asViewer().queryParam("asOf", "2024-06-30").queryParam("judgement", "NEEDED").get(dashboard).then()
                .body("id", not(hasItem(ENERGY)));
        asViewer().queryParam("asOf", "2024-06-30").queryParam("judgement", "AT_RISK").get(dashboard).then()
                .body("id", equalTo(List.of(ENERGY)));
        asViewer().queryParam("asOf", "2024-06-30").queryParam("status", "ON_TRACK").queryParam("judgement", "ANY")
                .get(dashboard).then().body("id", equalTo(List.of(ENERGY)));
        asViewer().queryParam("asOf", "2024-06-30").queryParam("status", "AT_RISK").queryParam("judgement", "ANY")
                .get(dashboard).then().body("id", equalTo(List.of()));
        asViewer().queryParam("judgement", "NONE").get(dashboard).then().body("id", not(hasItem(ENERGY)))
                .body("id", hasItem(TRADE));
    }

    @Test
    void shouldSayInTheReportThatAJudgementIsNeededAndFilterOnIt() throws Exception {
        fallsTwoPercentAYear();
        byte[] csv = asViewer().queryParam("format", "csv").queryParam("asOf", "2024-06-30")
                .queryParam("judgement", "NEEDED").get("/api/reports/status").then().statusCode(200).extract()
                .asByteArray();
        List<CSVRecord> rows = TestFiles.csv(csv);
        CSVRecord energy = rows.stream().filter(r -> r.get("目标编号").equals(ENERGY)).findFirst().orElseThrow();
        assertEquals("需分析师判断，尚未记录", energy.get("分析师判断"));
        assertEquals("进展顺利", energy.get("状态"), "the computed verdict stays beside it");
        assertTrue(rows.stream().noneMatch(r -> r.get("目标编号").equals(TRADE)), "only targets that need a judgement");
        assertTrue(TestFiles.csvComments(csv).stream().anyMatch(l -> l.contains("分析师判断：需判断而未记录")),
                TestFiles.csvComments(csv).toString());

        String html = asViewer().queryParam("format", "html").queryParam("asOf", "2024-06-30")
                .queryParam("target", ENERGY).get("/api/reports/status").then().statusCode(200).extract().asString();
        assertTrue(html.contains("judgement-pending") && html.contains("需分析师判断，尚未记录"), "the HTML report says so");
    }

    @Test
    void shouldRefuseAnUnknownJudgementFilterNamingIt() {
        for (String url : List.of("/api/dashboard", "/api/reports/status?format=csv")) {
            asViewer().queryParam("judgement", "MAYBE").get(url).then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("judgement"))
                    .body("errors[0].message", containsString("ANY, NONE, NEEDED, ACHIEVED"));
        }
    }
}
