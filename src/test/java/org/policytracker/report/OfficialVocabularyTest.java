package org.policytracker.report;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;

/** vocabulary=official: the planning commission's terms for the verdicts, from the documented mapping. */
@QuarkusTest
class OfficialVocabularyTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
        post("WIND_SOLAR_CAPACITY", "2024", 14.1); // at least 12 by 2030: met early
        post("NON_FOSSIL_SHARE", "2025", 21.7); // 20 % 左右 by 2025: met, deadline passed
    }

    private static void post(String indicator, String period, double value) {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", period, "value", value))
                .post("/api/indicators/" + indicator + "/observations").then().statusCode(201);
    }

    private static Map<String, CSVRecord> report(String vocabulary) throws Exception {
        byte[] csv = asViewer().queryParam("format", "csv").queryParam("asOf", "2026-06-30")
                .queryParam("vocabulary", vocabulary).get("/api/reports/status").then().statusCode(200).extract()
                .asByteArray();
        List<CSVRecord> rows = TestFiles.csv(csv);
        return rows.stream().collect(Collectors.toMap(r -> r.get("目标编号"), r -> r));
    }

    @Test
    void shouldGiveTheVerdictsInThePlanningCommissionsTermsAndKeepTheStatusCodes() throws Exception {
        Map<String, CSVRecord> official = report("official");
        CSVRecord early = official.get("CARBON-2030-WIND-SOLAR-CAPACITY");
        assertEquals("ACHIEVED", early.get("状态代码"));
        assertEquals("提前实现", early.get("状态"));
        CSVRecord done = official.get("CARBON-2025-NON-FOSSIL-SHARE");
        assertEquals("ACHIEVED", done.get("状态代码"));
        assertEquals("已完成", done.get("状态"), "after the deadline");
        assertTrue(official.values().stream().filter(r -> r.get("状态代码").equals("NO_DATA"))
                .allMatch(r -> r.get("状态").equals("暂无数据")));
        // The standard report keeps the app's words.
        assertEquals("已实现", report("").get("CARBON-2030-WIND-SOLAR-CAPACITY").get("状态"));
        String html = asViewer().queryParam("format", "html").queryParam("vocabulary", "OFFICIAL")
                .get("/api/reports/status").then().statusCode(200).extract().asString();
        assertTrue(html.contains("评估结论采用规划评估用语"), "the report says which words it uses");
    }

    @Test
    void shouldRefuseAnUnknownVocabularyNamingIt() {
        asViewer().queryParam("format", "csv").queryParam("vocabulary", "ndrc").get("/api/reports/status").then()
                .statusCode(400).body("errors[0].field", equalTo("vocabulary"));
    }
}
