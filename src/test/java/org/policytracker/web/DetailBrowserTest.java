package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.policytracker.TestUsers;

/** A target's page: the Chart.js chart with its data, the explanation, provenance and history. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class DetailBrowserTest extends BrowserTest {

    static final String TARGET = "SERVICE-TRADE-2025-KNOWLEDGE-INTENSIVE-GROWTH"; // 年均增长8%左右 from 2947.6 in 2020

    @BeforeEach
    void values() {
        enterValue("KNOWLEDGE_INTENSIVE_SERVICE_TRADE", "2021", 3480, "LEVEL");
        enterValue("KNOWLEDGE_INTENSIVE_SERVICE_TRADE", "2022", 3810, "LEVEL");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> chartDatasets() {
        List<Map<String, Object>> sets = js("const chart = Chart.getChart(document.getElementById('target-chart'));"
                + "return chart.data.datasets.map(d => ({id: d.id, label: d.label, xs: d.data.map(p => p.x),"
                + " ys: d.data.map(p => p.y), dash: d.borderDash || [], fill: String(d.fill)}));");
        return sets.stream().collect(Collectors.toMap(d -> (String) d.get("id"), d -> d));
    }

    private static List<Double> numbers(Object list) {
        return ((List<?>) list).stream().map(n -> ((Number) n).doubleValue()).toList();
    }

    @Test
    void shouldShowTheProjectionsRangeAndHowFirmTheVerdictIs() {
        enterValue("WIND_SOLAR_CAPACITY", "2021", 6.4, "LEVEL"); // at least 12 by 2030, 5.34 in 2020
        enterValue("WIND_SOLAR_CAPACITY", "2022", 7.6, "LEVEL");
        enterValue("WIND_SOLAR_CAPACITY", "2023", 8.4, "LEVEL");
        Map<String, Object> a = TestUsers.asViewer().get("/api/targets/CARBON-2030-WIND-SOLAR-CAPACITY/assessment")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        signInAsViewer();
        open("/targets/CARBON-2030-WIND-SOLAR-CAPACITY");
        awaitTarget("CARBON-2030-WIND-SOLAR-CAPACITY");
        String figures = waitFor(By.cssSelector(".figures")).getText();
        assertTrue(figures.contains("预计值80%区间") && figures.contains("把握程度") && figures.contains("3个数值，观测3年"),
                figures);
        Map<String, Map<String, Object>> sets = chartDatasets();
        assertEquals(
                List.of(((Number) a.get("projectedLow")).doubleValue(),
                        ((Number) a.get("projectedHigh")).doubleValue()),
                numbers(sets.get("projectedRange").get("ys")), "the range drawn at the deadline");
        assertEquals(List.of(2030.0, 2030.0), numbers(sets.get("projectedRange").get("xs")));
    }

    @Test
    void shouldShowEverySourceOfACommitmentAndTheCataloguesRevisions() {
        enterValue("COPYRIGHT_INDUSTRIES_GDP_SHARE", "2021", 7.41, "LEVEL");
        signInAsViewer();
        open("/targets/IPO-2025-COPYRIGHT-GDP-SHARE");
        awaitTarget("IPO-2025-COPYRIGHT-GDP-SHARE");
        String provenance = waitFor(By.cssSelector(".provenance")).getText();
        assertTrue(provenance.contains("亦见于") && provenance.contains("版权产业增加值占GDP比重超过7.39%"), provenance);
        assertTrue(provenance.contains("（三）发展目标"), provenance);
        String revisions = waitFor(By.cssSelector(".revisions")).getText();
        assertTrue(revisions.contains("编目修订记录") && revisions.contains("收录"), revisions);
    }

    @Test
    void shouldMarkAnUnconfirmedTargetValueOnTheChart() {
        enterValue("IP_PROTECTION_SATISFACTION", "2021", 80.6, "LEVEL");
        signInAsViewer();
        open("/targets/IPP-2025-PROTECTION-SATISFACTION"); // 82 from an image table, unconfirmed
        awaitTarget("IPP-2025-PROTECTION-SATISFACTION");
        waitFor(By.id("target-chart"));
        assertEquals("目标（未经确认）", chartDatasets().get("target").get("label"));
    }

    @Test
    void shouldShowHowTheWordingIsReadAndThatAJudgementIsNeeded() {
        for (String year : List.of("2021", "2022", "2023")) {
            enterValue("ENERGY_INTENSITY", year, -2.0, "YOY_CHANGE_PCT");
        }
        signInAsViewer();
        open("/targets/CARBON-2030-ENERGY-INTENSITY");
        awaitTarget("CARBON-2030-ENERGY-INTENSITY");
        assertEquals("大幅下降（2030年）", waitFor(By.cssSelector(".detail-goal .goal-text")).getText());
        assertEquals("待判断", waitFor(By.cssSelector(".detail-goal .judgement-needed")).getText());
        String reading = waitFor(By.cssSelector(".provenance .reading")).getText();
        assertTrue(reading.contains("“大幅下降” 比基期至少下降13.5%；达到下限后，是否符合措辞由分析师判断"), reading);
        assertTrue(reading.contains("依据原文：单位国内生产总值能耗比2020年下降13.5%"), reading);
        String main = browser().findElement(By.tagName("main")).getText();
        assertTrue(main.contains("到2030年是否称得上“大幅下降”，需分析师判断。"), main);
        assertTrue(waitFor(By.cssSelector(".figures")).getText().contains("2020年（基准年，水平未知）"),
                "no baseline level is known: not shown as 0");

        open("/?judgement=NEEDED");
        waitUntil("only the targets whose wording needs a judgement are listed",
                () -> browser().findElements(By.cssSelector("li.target-row")).size() == 1);
        assertEquals("CARBON-2030-ENERGY-INTENSITY",
                browser().findElement(By.cssSelector("li.target-row")).getAttribute("data-target-id"));
    }

    @Test
    void shouldNameAMissingYearAndWhatItWouldHaveNeededOnceTheDeadlineHasPassed() {
        // Read today (late 2026): the 2025 deadline has passed, and 2023 is missing from the chain.
        enterValue("CO2_INTENSITY", "2021", -3.8, "YOY_CHANGE_PCT");
        enterValue("CO2_INTENSITY", "2022", -0.8, "YOY_CHANGE_PCT");
        enterValue("CO2_INTENSITY", "2024", -3.4, "YOY_CHANGE_PCT");
        enterValue("CO2_INTENSITY", "2025", -5.1, "YOY_CHANGE_PCT");
        signInAsViewer();
        open("/targets/CARBON-2025-CO2-INTENSITY");
        awaitTarget("CARBON-2025-CO2-INTENSITY");
        String figures = waitFor(By.cssSelector(".figures")).getText();
        assertTrue(figures.contains("缺失年份") && figures.contains("2023年（需−6.27%）"), figures);
        String main = browser().findElement(By.tagName("main")).getText();
        assertTrue(main.contains("目标年2025年已过，但缺少2023年数据"), main);
        assertTrue(!figures.contains("按当前速度"), "no projection for a past deadline: " + figures);
    }

    @Test
    void shouldDrawTheChartWithBaselineActualTargetBandProjectionAndToday() {
        signInAsViewer();
        open("/targets/" + TARGET + "?asOf=2022-12-31"); // before the 2025 deadline: a pace verdict
        awaitTarget(TARGET);
        waitFor(By.id("target-chart"));
        Map<String, Map<String, Object>> sets = chartDatasets();

        assertEquals(List.of(2020.0, 2021.0, 2022.0), numbers(sets.get("actual").get("xs")));
        assertEquals(List.of(2947.6, 3480.0, 3810.0), numbers(sets.get("actual").get("ys")));
        assertEquals(List.of(2947.6), numbers(sets.get("baseline").get("ys")));
        assertEquals(List.of(2025.0), numbers(sets.get("target").get("xs")));
        double expectedTarget = 2947.6 * Math.pow(1.08, 5); // the level 8 % a year leads to
        assertEquals(expectedTarget, numbers(sets.get("target").get("ys")).get(0), 0.01);
        // 左右: a band from 7.5 % to 8.5 % a year, filled between its edges.
        assertEquals(2947.6 * Math.pow(1.075, 5), numbers(sets.get("targetLow").get("ys")).get(0), 0.01);
        assertEquals(2947.6 * Math.pow(1.085, 5), numbers(sets.get("targetHigh").get("ys")).get(0), 0.01);
        assertEquals("-1", sets.get("targetLow").get("fill"));
        // The projection: dashed, from the latest value to the deadline, ending at the API's projection.
        Map<String, Object> projected = sets.get("projected");
        assertFalse(((List<?>) projected.get("dash")).isEmpty(), "the projection is dashed");
        assertEquals(List.of(2022.0, 2025.0), numbers(projected.get("xs")));
        double apiProjection = TestUsers.asViewer().get("/api/targets/" + TARGET + "/assessment?asOf=2022-12-31").then()
                .extract().jsonPath().getDouble("projected");
        assertEquals(apiProjection, numbers(projected.get("ys")).get(1), 0.01);
        // Today's marker.
        Number today = js(
                "return Chart.getChart(document.getElementById('target-chart')).options.plugins.todayLine.x;");
        LocalDate now = LocalDate.now();
        assertEquals(now.getYear() + (now.getDayOfYear() - 1) / 365.0, today.doubleValue(), 0.02);
        assertTrue(sets.size() >= 6, "datasets: " + sets.keySet());
        assertEquals(List.of(), consoleErrors(), "no errors in the browser console");
        // One request draws the chart (GET .../path, issue #18): no assessment per observed year.
        List<String> requests = js("return performance.getEntriesByType('resource').map(e => e.name);");
        assertEquals(1, requests.stream().filter(u -> u.contains("/api/targets/" + TARGET + "/path")).count(),
                requests.toString());
        assertEquals(1, requests.stream().filter(u -> u.contains("/api/targets/" + TARGET + "/assessment")).count(),
                "the page's own assessment only: " + requests);
    }

    @Test
    void shouldShowExplanationRatesProvenanceHistoryAndAudit() {
        signInAsViewer();
        open("/targets/" + TARGET + "?asOf=2022-12-31"); // before the 2025 deadline: a pace verdict
        awaitTarget(TARGET);
        Map<String, Object> target = TestUsers.asViewer().get("/api/targets/" + TARGET).then().extract().jsonPath()
                .getMap("");
        Map<String, Object> assessment = TestUsers.asViewer()
                .get("/api/targets/" + TARGET + "/assessment?asOf=2022-12-31").then()
                .extract().jsonPath().getMap("");
        String page = browser().findElement(By.tagName("main")).getText();
        assertTrue(browser().findElement(By.cssSelector(".detail-goal")).getText().contains("年均增长8%左右（2021–2025年）"));
        assertTrue(browser().findElement(By.cssSelector(".moment-note")).getText().contains("2022-12-31"),
                "the page says the date it shows the target as of");
        @SuppressWarnings("unchecked")
        Map<String, String> explanation = (Map<String, String>) assessment.get("explanation");
        assertTrue(page.contains(explanation.get("zh")), "Chinese explanation");
        assertTrue(page.contains(explanation.get("en")), "English explanation too");
        assertTrue(page.contains("+8.00%/年"), "required annual rate, with two decimals as every rate");
        assertTrue(page.contains("%/年"), "observed annual rate");
        @SuppressWarnings("unchecked")
        Map<String, String> source = (Map<String, String>) target.get("source");
        assertEquals(source.get("quote"), browser().findElement(By.cssSelector(".provenance .quote")).getText());
        assertTrue(page.contains(source.get("section")));
        assertNotNull(browser().findElement(By.cssSelector("tr[data-period='2021']")));
        assertTrue(browser().findElement(By.cssSelector("tr[data-period='2022']")).getText().contains("3,810.0 亿美元"));
        assertTrue(browser().findElement(By.cssSelector("tr[data-period='2022']")).getText().contains("analyst1"));
        assertTrue(browser().findElement(By.id("audit-title")).isDisplayed());
        assertTrue(page.contains("录入数据"), "the audit trail lists the entries");
        // The chart's numbers are there as a table too.
        assertTrue(browser().findElement(By.cssSelector(".chart-table")).getAttribute("textContent").contains("3,480"));
    }

    @Test
    void shouldListAnAboutTargetsBandOnceInTheChartTableFromItsLowerToItsUpperEdge() {
        enterValue("NON_FOSSIL_SHARE", "2021", 16.6, "LEVEL");
        signInAsViewer();
        String target = "CARBON-2025-NON-FOSSIL-SHARE"; // 20%左右, ±0.5
        open("/targets/" + target);
        awaitTarget(target);
        waitFor(By.id("target-chart"));
        List<String> bandRows = js("return [...document.querySelectorAll('.chart-table tbody tr')]"
                + ".map(r => r.textContent).filter(t => t.includes('–'));");
        assertEquals(1, bandRows.size(), "the band once: " + bandRows);
        assertTrue(bandRows.get(0).contains("2025") && bandRows.get(0).contains("19.5% – 20.5%"), bandRows.get(0));
    }

    @Test
    void shouldSayWhenATargetDoesNotExist() {
        signInAsViewer();
        open("/targets/NO-SUCH-TARGET");
        assertTrue(waitFor(By.cssSelector("main h1")).getText().contains("未找到"));
        assertTrue(browser().findElement(By.tagName("main")).getText().contains("NO-SUCH-TARGET"));
    }
}
