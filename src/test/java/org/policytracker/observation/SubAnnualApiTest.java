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
 * Months and quarters through the API (docs/ASSESSMENT.md, "Months, quarters and year to date"): periods
 * 2025Q3 and 2025-07 are accepted, year to date is a flag of a month or quarter, the indicator says what it
 * measures, and a stock's month proves a target met early.
 */
@QuarkusTest
class SubAnnualApiTest {

    private static final String CAPACITY = "/api/indicators/WIND_SOLAR_CAPACITY/observations";
    private static final String ROYALTIES = "/api/indicators/IP_ROYALTIES_TRADE_TOTAL/observations";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldSayWhatEachIndicatorMeasures() {
        asViewer().get("/api/indicators/WIND_SOLAR_CAPACITY").then().body("measure", equalTo("STOCK"));
        asViewer().get("/api/indicators/SERVICE_TRADE_TOTAL").then().body("measure", equalTo("FLOW"));
        asViewer().get("/api/indicators/NON_FOSSIL_SHARE").then().body("measure", equalTo("RATE"));
        asViewer().get("/api/indicators/CARBON_NEUTRALITY").then().body("measure", nullValue());
    }

    @Test
    void shouldAcceptMonthsAndQuartersAndProveAStockTargetEarly() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2024", "value", 14.1)).post(CAPACITY)
                .then().statusCode(201);
        // DHIS2's 202407 is read as the ISO month 2024-07.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "202407", "value", 11.8)).post(CAPACITY)
                .then().statusCode(201).body("period", equalTo("2024-07")).body("periodType", equalTo("MONTHLY"))
                .header("Location", containsString("/2024-07"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2025q1", "value", 14.8)).post(CAPACITY)
                .then().statusCode(201).body("period", equalTo("2025Q1")).body("periodType", equalTo("QUARTERLY"));
        asViewer().get(CAPACITY + "/2024-07").then().statusCode(200).body("value", equalTo(11.8));
        asViewer().get("/api/targets/CARBON-2030-WIND-SOLAR-CAPACITY/assessment").then().statusCode(200)
                .body("status", equalTo("ACHIEVED"))
                .body("latest.period", equalTo("2024"))
                .body("latestIndication.period", equalTo("2025Q1"))
                .body("latestIndication.ytd", equalTo(false))
                .body("explanation.zh", containsString("最新季度数据：截至2025年一季度末为14.8"));
    }

    @Test
    void shouldProveAStockTargetByAMonthBeforeTheYearsFigure() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2023", "value", 10.5)).post(CAPACITY)
                .then().statusCode(201);
        asViewer().get("/api/targets/CARBON-2030-WIND-SOLAR-CAPACITY/assessment").then()
                .body("status", equalTo("ON_TRACK"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2024-07", "value", 12.06,
                "source", "国家能源局 1-7月全国电力工业统计数据")).post(CAPACITY).then().statusCode(201);
        asViewer().get("/api/targets/CARBON-2030-WIND-SOLAR-CAPACITY/assessment").then()
                .body("status", equalTo("ACHIEVED"))
                .body("latest.period", equalTo("2024-07"))
                .body("explanation.zh", containsString("截至2024年7月底为12.06，已达到目标"))
                .body("explanation.en", containsString("At the end of July 2024 the value was 12.06"));
        // As of a day in July the month has not ended: the year before decides.
        asViewer().queryParam("asOf", "2024-07-30").get("/api/targets/CARBON-2030-WIND-SOLAR-CAPACITY/assessment")
                .then().body("status", equalTo("ON_TRACK")).body("latestIndication", nullValue());
    }

    @Test
    void shouldTakeYearToDateForAFlowAndRefuseItWhereItMeansNothing() {
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2024-11", "value", 3300, "ytd", true)).post(ROYALTIES)
                .then().statusCode(201).body("ytd", equalTo(true));
        asViewer().get("/api/targets/IPO-2025-IP-ROYALTIES-TRADE/assessment").then()
                .body("latestIndication.ytd", equalTo(true))
                .body("explanation.zh", containsString("2024年1–11月累计为3,300"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2024", "value", 3300, "ytd", true))
                .post(ROYALTIES).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("ytd"))
                .body("errors[0].message", containsString("month or a quarter"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2025-06", "value", 15, "ytd", true))
                .post(CAPACITY).then().statusCode(400).body("errors[0].field", equalTo("ytd"))
                .body("errors[0].message", containsString("stock"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2025-13", "value", 15)).post(CAPACITY)
                .then().statusCode(400).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("2025-07"));
        asAnalyst().get(CAPACITY + "/2025-06").then().statusCode(404);
    }

    @Test
    void shouldPrintTheLatestIndicationInTheReportsAndExportMonthsThatImportBack() throws Exception {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2024", "value", 3300)).post(ROYALTIES)
                .then().statusCode(201);
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2025-11", "value", 3100, "ytd", true))
                .post(ROYALTIES).then().statusCode(201);
        String html = asViewer().queryParam("format", "html").queryParam("asOf", "2025-12-31")
                .get("/api/reports/status")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("最新月度数据：2025年1–11月累计为3,100"),
                "the verdict says the latest indication");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("年初至今累计"), "the value table marks year to date");

        byte[] export = asViewer().queryParam("format", "csv").queryParam("indicator", "IP_ROYALTIES_TRADE_TOTAL")
                .get("/api/observations/export").then().statusCode(200).extract().asByteArray();
        java.util.List<org.apache.commons.csv.CSVRecord> rows = org.policytracker.TestFiles.csv(export);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("2024", "2025-11"),
                rows.stream().map(r -> r.get("period")).toList());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("", "true"),
                rows.stream().map(r -> r.get("ytd")).toList());
        asAnalyst().contentType("text/csv").body(export)
                .post("/api/observations/imports?wait=true&mode=upsert").then()
                .body("status", equalTo("SUCCEEDED")).body("summary.unchanged", equalTo(2));
        // The import reads months and year to date as the API does, and refuses what the API refuses.
        asAnalyst().contentType("text/csv")
                .body("indicator,period,value,ytd\nIP_ROYALTIES_TRADE_TOTAL,2025Q3,2500,true\n"
                        + "WIND_SOLAR_CAPACITY,2025-06,15,true\n")
                .post("/api/observations/imports?wait=true").then().body("status", equalTo("REJECTED"))
                .body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("ytd"));
    }
}
