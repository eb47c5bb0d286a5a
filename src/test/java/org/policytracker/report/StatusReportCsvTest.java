package org.policytracker.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;
import static org.policytracker.report.Reports.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;
import org.policytracker.TestValues;

/**
 * The CSV status report read back with Commons CSV: a byte order mark, one row per target, and the
 * same statuses and values as the API. Values are entered for IP_PLEDGE_FINANCING_AMOUNT, which no
 * other test writes to.
 */
@QuarkusTest
class StatusReportCsvTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldWriteOneRowPerTargetWithTheApisValues() throws Exception {
        TestValues.post("IP_PLEDGE_FINANCING_AMOUNT", "2021", 3098);
        TestValues.post("IP_PLEDGE_FINANCING_AMOUNT", "2022", 4868.8);
        String knownAt = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Map<String, String> params = Map.of("format", "csv", "asOf", "2023-06-30", "knownAt", knownAt);

        Response response = Reports.report(params);
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertTrue(
                response.header("Content-Disposition")
                        .startsWith("attachment; filename=\"status-report-2023-06-30-known-"),
                response.header("Content-Disposition"));
        byte[] body = response.asByteArray();
        assertEquals(0xEF, body[0] & 0xFF);
        assertEquals(0xBB, body[1] & 0xFF);
        assertEquals(0xBF, body[2] & 0xFF);

        List<CSVRecord> rows = Reports.csv(body);
        Map<String, Map<String, Object>> dashboard = Reports.dashboard(params);
        assertEquals(dashboard.size(), rows.size(), "one row per target");
        // Above the table, as comment lines: what the report is, as of and as known when, made when and by whom.
        List<String> about = TestFiles.csvComments(body);
        assertEquals("政策目标进展情况报告", about.get(0), about.toString());
        assertTrue(about.contains("截至日期：2023-06-30"), about.toString());
        assertTrue(about.stream().anyMatch(l -> l.startsWith("数据截至录入时间：" + knownAt.substring(0, 10))),
                about.toString());
        assertTrue(about.stream().anyMatch(l -> l.startsWith("生成时间：")), about.toString());
        assertTrue(about.contains("生成人：viewer1"), about.toString());
        for (CSVRecord row : rows) {
            assertEquals(27, row.size(), "every row has every column: " + row);
            Map<String, Object> entry = dashboard.get(row.get("目标编号"));
            assertNotNull(entry, row.get("目标编号"));
            Map<String, Object> a = assessment(entry);
            assertEquals(a.get("status"), row.get("状态代码"), row.get("目标编号"));
            // Rounded to the indicator's published decimals (changes against a base year: two).
            Number precision = (Number) ((Map<?, ?>) entry.get("indicator")).get("precision"); // null: a milestone
            int decimals = "CHANGE_PCT".equals(a.get("valueBasis")) || precision == null ? 2 : precision.intValue();
            assertNumber(a.get("latest") == null ? null : ((Map<?, ?>) a.get("latest")).get("value"),
                    row.get("最新值［单位］"), decimals);
            assertNumber(a.get("projected"), row.get("目标年预计值［单位］"), decimals);
        }
        CSVRecord pledge = rows.stream().filter(r -> r.get("目标编号").equals("IPP-2025-PLEDGE-FINANCING")).findFirst()
                .orElseThrow();
        assertEquals("知识产权质押融资登记金额", pledge.get("指标"));
        assertEquals("亿元", pledge.get("单位"));
        assertEquals("≥ 3,200 亿元（2025年）", pledge.get("目标"), "the wording the app shows");
        assertEquals("3200", pledge.get("目标值［单位］"));
        assertEquals("2020", pledge.get("基期年份"));
        assertEquals("2180", pledge.get("基期值［单位］"));
        assertEquals("2022", pledge.get("最新值年份"));
        assertEquals("4868.8", pledge.get("最新值［单位］"));
        assertEquals("ACHIEVED", pledge.get("状态代码"));
        assertEquals("已实现", pledge.get("状态"));
        assertEquals("预期性", pledge.get("指标属性"));
        assertTrue(pledge.get("来源文件").contains("国发〔2021〕20号"), pledge.get("来源文件"));
        assertTrue(pledge.get("说明").contains("已达到目标"), pledge.get("说明"));

        CSVRecord co2 = rows.stream().filter(r -> r.get("目标编号").equals("CARBON-2025-CO2-INTENSITY")).findFirst()
                .orElseThrow();
        assertEquals("比2020年下降18%（2025年）", co2.get("目标"));
        assertEquals("-18", co2.get("目标值［单位］"), "change targets are signed percent against the base year");
        assertEquals("%（比2020年累计变化）", co2.get("单位"));
    }

    @Test
    void shouldQuoteEnglishTextWithCommasAndKeepItExact() throws Exception {
        Map<String, String> params = Map.of("format", "csv", "lang", "en", "document", "carbon-peak-neutrality");
        Response response = Reports.report(params);
        assertTrue(response.header("Content-Disposition").contains("status-report-carbon-peak-neutrality-"),
                response.header("Content-Disposition"));
        assertTrue(response.header("Content-Disposition").contains("-en.csv"), response.header("Content-Disposition"));
        List<CSVRecord> rows = Reports.csv(response.asByteArray());
        Map<String, Map<String, Object>> dashboard = Reports.dashboard(params);
        assertEquals(dashboard.size(), rows.size());
        String title = asViewer().get("/api/targets/CARBON-2030-WIND-SOLAR-CAPACITY").then().extract()
                .path("source.documentTitleEn");
        assertTrue(title.contains(","), "the English title has commas, so the field must be quoted");
        CSVRecord wind = rows.stream().filter(r -> r.get("Target id").equals("CARBON-2030-WIND-SOLAR-CAPACITY"))
                .findFirst().orElseThrow();
        assertEquals(title, wind.get("Source document"));
        assertEquals("≥ 12 × 100 million kW by 2030", wind.get("Target"), "the wording the app shows");
        assertEquals("Total installed capacity of wind and solar power", wind.get("Indicator"));
        assertTrue(Set.of("Achieved", "On track", "At risk", "Off track", "Missed", "No data")
                .contains(wind.get("Status")));
    }

    @Test
    void shouldFilterByThemeAndStatus() throws Exception {
        List<CSVRecord> ip = Reports.csv(Reports.report(Map.of("format", "csv", "theme", "intellectual_property"))
                .asByteArray());
        assertEquals(Reports.dashboard(Map.of("theme", "INTELLECTUAL_PROPERTY")).size(), ip.size());
        assertTrue(ip.stream().allMatch(r -> r.get("领域").equals("知识产权")));

        List<CSVRecord> some = Reports.csv(Reports.report(Map.of("format", "csv", "status", "NO_DATA, ACHIEVED"))
                .asByteArray());
        Map<String, Map<String, Object>> all = Reports.dashboard(Map.of());
        long expected = all.values().stream().filter(e -> Set.of("NO_DATA", "ACHIEVED").contains(Reports.status(e)))
                .count();
        assertEquals(expected, some.size());
        assertEquals(Set.of("NO_DATA", "ACHIEVED").containsAll(some.stream().map(r -> r.get("状态代码"))
                .collect(Collectors.toSet())), true);
    }

    @Test
    void shouldNameTheParameterAndTheAllowedValuesWhenOneIsWrong() {
        problem(Map.of("format", "docx"), "format", "csv, xlsx, pdf, html");
        problem(Map.of(), "format", "csv, xlsx, pdf, html");
        problem(Map.of("format", "csv", "lang", "fr"), "lang", "zh, en");
        problem(Map.of("format", "csv", "status", "ON_TRACK,DONE"), "status",
                "ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, MISSED, NO_DATA");
        problem(Map.of("format", "csv", "theme", "SPACE"), "theme",
                "CARBON_ENERGY, INTELLECTUAL_PROPERTY, SERVICE_TRADE, FTZ");
        problem(Map.of("format", "csv", "document", "no-such-document"), "document", "carbon-peak-neutrality");
        problem(Map.of("format", "csv", "asOf", "2024-02-30"), "asOf", "YYYY-MM-DD");
        problem(Map.of("format", "csv", "knownAt", "yesterday"), "knownAt", "YYYY-MM-DD");
        problem(Map.of("format", "csv", "disposition", "download"), "disposition", "inline, attachment");
        RestAssured.given().queryParam("format", "csv").get("/api/reports/status").then().statusCode(401);
    }

    @Test
    void shouldNameTheFileAfterWhatAndWhen() {
        Response response = Reports.report(Map.of("format", "xlsx", "asOf", "2026-11-27"));
        assertEquals("attachment; filename=\"status-report-2026-11-27.xlsx\"", response.header("Content-Disposition"));
        response = Reports.report(Map.of("format", "pdf", "asOf", "2026-11-27", "theme", "FTZ"));
        assertEquals("attachment; filename=\"status-report-ftz-2026-11-27.pdf\"",
                response.header("Content-Disposition"));
        assertTrue(response.contentType().startsWith("application/pdf"));
        response = Reports.report(Map.of("format", "html", "asOf", "2026-11-27", "knownAt", "2026-11-20"));
        assertEquals("inline; filename=\"status-report-2026-11-27-known-20261120T235959Z.html\"",
                response.header("Content-Disposition"));
    }

    @Test
    void shouldDescribeTheEndpointsInOpenApi() {
        String openapi = asViewer().get("/q/openapi").then().statusCode(200).extract().asString();
        assertTrue(openapi.contains("/api/reports/status:") && openapi.contains("/api/observations/export:"));
        assertTrue(openapi.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    private static void problem(Map<String, String> params, String field, String allowed) {
        asViewer().queryParams(params).get("/api/reports/status").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(allowed));
    }

    /** The CSV's number is the API's, rounded half away from zero to {@code decimals}, as plain text. */
    private static void assertNumber(Object expected, String actual, int decimals) {
        if (expected == null) {
            assertEquals("", actual);
            return;
        }
        BigDecimal rounded = new BigDecimal(expected.toString()).setScale(decimals, RoundingMode.HALF_UP);
        assertEquals(0, rounded.compareTo(new BigDecimal(actual)),
                expected + " rounded to " + decimals + " vs " + actual);
        assertTrue(new BigDecimal(actual).scale() <= decimals, "no more decimals than published: " + actual);
    }
}
