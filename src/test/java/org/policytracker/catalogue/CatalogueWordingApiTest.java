package org.policytracker.catalogue;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;
import org.policytracker.TestValues;
import org.policytracker.report.Reports;

/**
 * Targets worded as the source says them (以上, 力争, the reading's own term), the unit of a target's value said
 * explicitly, unconfirmed figures marked in the reports, and an unknown level never shown as 0.
 */
@QuarkusTest
class CatalogueWordingApiTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldWordTargetsAsTheSourceDoesAndSayTheUnitOfTheirValue() {
        asViewer().get("/api/targets/CARBON-2030-CO2-INTENSITY").then().statusCode(200)
                .body("wording.zh", equalTo("比2005年下降65%以上（2030年）"))
                .body("wording.en", equalTo("65% or more below 2005 by 2030"))
                .body("targetValue", equalTo(-65.0))
                .body("targetUnit.zh", equalTo("%（比2005年累计变化）"))
                .body("targetUnit.en", equalTo("% change vs 2005"));
        asViewer().get("/api/targets/IPP-2025-PREFECTURE-PUBLIC-SERVICE-COVERAGE").then()
                .body("wording.zh", equalTo("力争覆盖率达到 50%（2025年）"));
        asViewer().get("/api/targets/SERVICE-TRADE-2025-KNOWLEDGE-INTENSIVE-GROWTH").then()
                .body("targetUnit.zh", equalTo("%/年")).body("targetUnit.en", equalTo("% a year"));
        asViewer().get("/api/targets/CARBON-2030-WIND-SOLAR-CAPACITY").then().body("targetUnit.zh", equalTo("亿千瓦"));
        asViewer().get("/api/targets/CARBON-2030-ENERGY-INTENSITY").then().body("targetUnit", nullValue())
                .body("wording.zh", equalTo("大幅下降（2030年）"));
    }

    @Test
    void shouldSayThatTheForestBaselinesAreOnTheInventoryBasis() {
        for (String id : java.util.List.of("CARBON-2025-FOREST-COVERAGE", "CARBON-2030-FOREST-COVERAGE",
                "CARBON-2025-FOREST-STOCK", "CARBON-2030-FOREST-STOCK")) {
            asViewer().get("/api/targets/" + id).then().statusCode(200)
                    .body("baselineBasis", equalTo("INVENTORY"))
                    .body("source.note",
                            org.hamcrest.Matchers.containsString("on the forest inventory basis (INVENTORY)"))
                    .body("source.noteZh", org.hamcrest.Matchers.containsString("全国森林资源清查口径（INVENTORY）"));
        }
    }

    @Test
    void shouldHoldOneCommitmentStatedInTwoDocumentsAsOneTargetWithBothSources() throws Exception {
        String id = "IPO-2025-COPYRIGHT-GDP-SHARE"; // 达到7.5% in the outline, the IP plan's table row too
        asViewer().get("/api/targets/" + id).then().statusCode(200)
                .body("source.document", equalTo("ip-powerhouse-outline"))
                .body("sources.size()", equalTo(2))
                .body("sources[0].quote", equalTo("版权产业增加值占GDP比重达到7.5%"))
                .body("sources[1].document", equalTo("ip-protection-plan-14fyp"))
                .body("sources[1].quote", equalTo("版权产业增加值占GDP比重超过7.39%"))
                .body("sources[1].documentTitleZh", org.hamcrest.Matchers.containsString("知识产权保护和运用规划"));
        asViewer().get("/api/targets/IPP-2025-COPYRIGHT-GDP-SHARE").then().statusCode(404);
        asViewer().queryParam("document", "ip-protection-plan-14fyp").get("/api/targets").then()
                .body("id", org.hamcrest.Matchers.hasItem(id));
        asViewer().queryParam("document", "ip-powerhouse-outline").get("/api/dashboard").then()
                .body("id", org.hamcrest.Matchers.hasItem(id));
        java.util.List<String> dashboard = asViewer().get("/api/dashboard").then().extract().path("id");
        assertEquals(1, dashboard.stream().filter(id::equals).count(), "counted once");
        assertEquals(dashboard.size(), dashboard.stream().distinct().count());
        java.util.List<String> copyright = asViewer().get("/api/dashboard").then().extract()
                .path("findAll { it.indicator.code == 'COPYRIGHT_INDUSTRIES_GDP_SHARE' }.id");
        assertEquals(java.util.List.of(id), copyright, "one target for the one commitment");
        int planCount = asViewer().get("/api/documents").then().extract()
                .path("find { it.code == 'ip-protection-plan-14fyp' }.targetCount");
        java.util.List<String> plan = asViewer().queryParam("document", "ip-protection-plan-14fyp").get("/api/targets")
                .then().extract().path("id");
        assertEquals(plan.size(), planCount, "a document counts every target it states");

        byte[] csv = Reports.report(Map.of("format", "csv", "document", "ip-protection-plan-14fyp")).asByteArray();
        CSVRecord row = TestFiles.csv(csv).stream().filter(r -> r.get("目标编号").equals(id)).findFirst().orElseThrow();
        assertTrue(row.get("亦见于").contains("知识产权保护和运用规划") && row.get("亦见于").contains("一、规划背景"),
                row.get("亦见于"));
        String html = Reports.report(Map.of("format", "html", "target", id)).asString();
        assertTrue(html.contains("亦见："), "the HTML report names both sources");
    }

    @Test
    void shouldMarkUnconfirmedFiguresAndNeverShowAnUnknownLevelAsZero() throws Exception {
        TestValues.post("ENERGY_INTENSITY", "2021", -2.7, "YOY_CHANGE_PCT", "国家统计局公报", null);
        String targets = "IPP-2025-PROTECTION-SATISFACTION,CARBON-2030-ENERGY-INTENSITY,CARBON-2025-CO2-INTENSITY";
        byte[] csv = Reports.report(Map.of("format", "csv", "target", targets, "asOf", "2022-06-30")).asByteArray();
        Map<String, CSVRecord> rows = new java.util.HashMap<>();
        TestFiles.csv(csv).forEach(r -> rows.put(r.get("目标编号"), r));
        assertEquals("目标值", rows.get("IPP-2025-PROTECTION-SATISFACTION").get("未经确认"),
                "the table's 82 is from an image and unconfirmed");
        assertEquals("", rows.get("CARBON-2025-CO2-INTENSITY").get("未经确认"));
        CSVRecord energy = rows.get("CARBON-2030-ENERGY-INTENSITY");
        assertEquals("", energy.get("基期值［单位］"), "no baseline level is known: not 0");
        assertEquals("2020", energy.get("基期年份"));

        String html = Reports.report(Map.of("format", "html", "target", targets, "asOf", "2022-06-30")).asString();
        assertTrue(html.contains("<dd class=\"unconfirmed\">目标值</dd>"), "the HTML report marks it");
        assertTrue(html.contains("2020年（基准年，水平未知）"), "the reference year is said as such");
        assertTrue(html.contains("目标 82（未经确认）"), "and so does the target line of its chart");
        String en = Reports.report(Map.of("format", "html", "target", targets, "asOf", "2022-06-30", "lang", "en"))
                .asString();
        assertTrue(en.contains("<dd class=\"unconfirmed\">target value</dd>"), "in English too");
        assertEquals("0", rows.get("CARBON-2025-CO2-INTENSITY").get("基期值［单位］"),
                "a change against its own base year is a known 0, and stays");
    }
}
