package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policytracker.TestUsers;

/** An analyst enters and corrects values and sets a milestone; user text always shows as text. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class AnalystEntryBrowserTest extends BrowserTest {

    private WebElement entryForm() {
        return waitFor(By.cssSelector("form.entry-form"));
    }

    /** Opens the target's page and answers its entry form, with the period set. */
    private WebElement openEntry(String target, String year) {
        open("/targets/" + target);
        awaitTarget(target);
        WebElement form = entryForm();
        WebElement period = form.findElement(By.name("period"));
        period.clear();
        period.sendKeys(year);
        return form;
    }

    private String status() {
        return browser().findElement(By.cssSelector(".detail-goal .status")).getAttribute("data-status");
    }

    @Test
    void shouldEnterAValueAndSeeTheStatusChange() {
        signInAsAnalyst();
        String target = "IPP-2025-PLEDGE-FINANCING"; // ≥ 3200 亿元 by 2025, from 2180 in 2020
        open("/targets/" + target);
        awaitTarget(target);
        assertEquals("NO_DATA", status());
        WebElement form = entryForm();
        Select unit = new Select(form.findElement(By.name("unit")));
        assertEquals("亿元", unit.getFirstSelectedOption().getText(), "the unit next to the value, the indicator's");
        assertEquals(List.of("亿元", "元", "万元", "万亿元"), unit.getOptions().stream().map(WebElement::getText).toList(),
                "to pick from its family");
        new Select(form.findElement(By.name("form"))).selectByValue("YOY_CHANGE_PCT");
        assertEquals("%（比上年）", form.findElement(By.cssSelector(".unit")).getText());
        assertFalse(form.findElement(By.name("unit")).isDisplayed(), "a change has no unit to pick");
        new Select(form.findElement(By.name("form"))).selectByValue("LEVEL");
        WebElement period = form.findElement(By.name("period"));
        period.clear();
        period.sendKeys("2025");
        form.findElement(By.name("value")).sendKeys("3300");
        form.findElement(By.name("source")).sendKeys("国家知识产权局");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement flash = waitFor(By.cssSelector(".flash .notice-success"));
        assertTrue(flash.getText().contains("状态由“暂无数据”变为“已实现”"), flash.getText());
        assertEquals("ACHIEVED", status());
        assertTrue(browser().findElement(By.cssSelector("tr[data-period='2025']")).getText().contains("3,300.0 亿元"));
        String chartValues = js("return JSON.stringify(Chart.getChart(document.getElementById('target-chart'))"
                + ".data.datasets.find(d => d.id === 'actual').data);");
        assertEquals("[{\"x\":2020,\"y\":2180},{\"x\":2025,\"y\":3300}]", chartValues);

        // Correct it: the row's button fills the form, which then says it corrects and keeps the old value.
        browser().findElement(By.cssSelector("tr[data-period='2025'] button")).click();
        form = entryForm();
        assertTrue(form.findElement(By.cssSelector(".notice-info")).getText().contains("2025年已有数值"));
        WebElement value = form.findElement(By.name("value"));
        value.clear();
        value.sendKeys("3400");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil("the corrected value", () -> browser().findElement(By.cssSelector("tr[data-period='2025']"))
                .getText().contains("3,400.0 亿元"));
        WebElement vintages = browser().findElement(By.cssSelector("tr[data-period='2025'] details.vintages"));
        vintages.findElement(By.tagName("summary")).click();
        assertTrue(vintages.getText().contains("3,300.0 亿元"), vintages.getText());
        assertTrue(browser().findElement(By.tagName("main")).getText().contains("更正数据"), "audit trail");
    }

    @Test
    void shouldCorrectAValueWithoutClearingItsSeriesBreakAndEditTheBreak() {
        TestUsers.asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2021", "value", 24.02, "source", "国家林草局", "seriesBreak", "2021年起按年度监测"))
                .post("/api/indicators/FOREST_COVERAGE/observations").then().statusCode(201);
        signInAsAnalyst();
        String target = "CARBON-2025-FOREST-COVERAGE";
        open("/targets/" + target);
        awaitTarget(target);
        assertTrue(browser().findElement(By.cssSelector("tr[data-period='2021']")).getText()
                .contains("2021年起按年度监测"), "the history shows the break");

        browser().findElement(By.cssSelector("tr[data-period='2021'] button")).click();
        WebElement form = entryForm();
        assertEquals("2021年起按年度监测", form.findElement(By.name("seriesBreak")).getAttribute("value"),
                "the form shows the break it corrects");
        WebElement value = form.findElement(By.name("value"));
        value.clear();
        value.sendKeys("24.03");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        Map<String, Object> corrected = TestUsers.asViewer().get("/api/indicators/FOREST_COVERAGE/observations/2021")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(24.03, ((Number) corrected.get("value")).doubleValue());
        assertEquals("2021年起按年度监测", corrected.get("seriesBreak"), "a correction never clears the break");
        assertEquals("国家林草局", corrected.get("source"));

        browser().findElement(By.cssSelector("tr[data-period='2021'] button")).click();
        form = entryForm();
        WebElement seriesBreak = form.findElement(By.name("seriesBreak"));
        seriesBreak.clear();
        seriesBreak.sendKeys("第三次全国国土调查后口径");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil("the edited break", () -> "第三次全国国土调查后口径".equals(TestUsers.asViewer()
                .get("/api/indicators/FOREST_COVERAGE/observations/2021").then().extract().path("seriesBreak")));
    }

    @Test
    void shouldEnterAPublishedBoundAndSeeItProveTheTargetAsAMarkNotAPoint() {
        // On the inventory basis of the target's baseline (from 2021 the basis in force is monitoring).
        TestUsers.asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("period", "2021", "value", 23.3, "basis", "INVENTORY"))
                .post("/api/indicators/FOREST_COVERAGE/observations").then().statusCode(201);
        signInAsAnalyst();
        WebElement form = openEntry("CARBON-2025-FOREST-COVERAGE", "2022"); // ≥ 24.1 % by 2025, from 23.04 in 2020
        new Select(form.findElement(By.name("qualifier"))).selectByValue("AT_LEAST");
        Select basis = new Select(form.findElement(By.name("basis")));
        assertEquals(List.of("按期间适用的口径", "全国森林资源清查", "林草生态综合监测"),
                basis.getOptions().stream().map(WebElement::getText).toList());
        basis.selectByValue("INVENTORY");
        form.findElement(By.name("value")).sendKeys("25");
        form.findElement(By.name("source")).sendKeys("森林覆盖率超过25%");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(By.cssSelector(".flash .notice-success"));
        assertEquals("ACHIEVED", status());
        String row = browser().findElement(By.cssSelector("tr[data-period='2022']")).getText();
        assertTrue(row.contains("≥ 25"), row);
        assertTrue(browser().findElement(By.tagName("main")).getText().contains("2022年公布为25以上"),
                "the explanation says the bound proved it");
        String actual = js("return JSON.stringify(Chart.getChart(document.getElementById('target-chart'))"
                + ".data.datasets.find(d => d.id === 'actual').data);");
        assertEquals("[{\"x\":2020,\"y\":23.04},{\"x\":2021,\"y\":23.3}]", actual,
                "a bound is not a point of the line");
        String bounds = js("return JSON.stringify(Chart.getChart(document.getElementById('target-chart'))"
                + ".data.datasets.find(d => d.id === 'bounds').data);");
        assertEquals("[{\"x\":2022,\"y\":25}]", bounds, "it is a mark of its own");
    }

    @Test
    void shouldEnterTheFinalBaselineYearFigureAndSeeItBesideTheCataloguesBaseline() {
        signInAsAnalyst();
        WebElement form = openEntry("CARBON-2025-NON-FOSSIL-SHARE", "2020"); // catalogue baseline 15.9 (first published)
        Select publication = new Select(form.findElement(By.name("publication")));
        assertEquals(List.of("未注明", "初步核算", "最终核实", "估计"),
                publication.getOptions().stream().map(WebElement::getText).toList());
        publication.selectByValue("FINAL");
        form.findElement(By.name("value")).sendKeys("16.0");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        assertEquals("FINAL", TestUsers.asViewer().get("/api/indicators/NON_FOSSIL_SHARE/observations/2020").then()
                .statusCode(200).extract().path("publication"));

        String row = browser().findElement(By.cssSelector("tr[data-period='2020']")).getText();
        assertTrue(row.contains("最终核实"), row);
        String baseline = waitFor(By.cssSelector(".catalogue-baseline")).getText();
        assertTrue(baseline.contains("目录基准值15.9"), baseline);
        assertTrue(browser().findElement(By.tagName("main")).getText().contains("基准值采用录入的2020年数据16.0（最终核实数）"),
                "the explanation says which baseline it used");
    }

    @Test
    void shouldEnterAMonthThatProvesAStockTargetEarlyAndAFlowsYearToDate() {
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2023", "value", 10.5))
                .post("/api/indicators/WIND_SOLAR_CAPACITY/observations").then().statusCode(201);
        signInAsAnalyst();
        WebElement form = openEntry("CARBON-2030-WIND-SOLAR-CAPACITY", "2024-07"); // at least 12 by 2030
        WebElement ytdField = form.findElement(By.cssSelector(".field[data-field='ytd']"));
        assertFalse(ytdField.isDisplayed(), "a stock's value is never year to date");
        form.findElement(By.name("value")).sendKeys("12.06");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        assertEquals("ACHIEVED", status());
        assertTrue(browser().findElement(By.tagName("main")).getText().contains("截至2024年7月底为12.06，已达到目标"),
                "the explanation says the month proved it");
        assertTrue(browser().findElement(By.cssSelector("tr[data-period='2024-07']")).isDisplayed());
        String actual = js("return JSON.stringify(Chart.getChart(document.getElementById('target-chart'))"
                + ".data.datasets.find(d => d.id === 'actual').data.map(p => [Math.round(p.x * 100) / 100, p.y]));");
        assertEquals("[[2020,5.34],[2023,10.5],[2023.58,12.06]]", actual, "the month at its end within 2024");

        // A flow's month may be the sum of the year so far; it is shown beside the annual series.
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2024", "value", 3300))
                .post("/api/indicators/IP_ROYALTIES_TRADE_TOTAL/observations").then().statusCode(201);
        form = openEntry("IPO-2025-IP-ROYALTIES-TRADE", "2025-11");
        ytdField = form.findElement(By.cssSelector(".field[data-field='ytd']"));
        waitUntil("the year-to-date choice shows for a flow's month", ytdField::isDisplayed);
        ytdField.findElement(By.name("ytd")).click();
        form.findElement(By.name("value")).sendKeys("3100");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        assertEquals(Boolean.TRUE,
                TestUsers.asViewer().get("/api/indicators/IP_ROYALTIES_TRADE_TOTAL/observations/2025-11")
                        .then().statusCode(200).extract().path("ytd"));
        String figures = browser().findElement(By.cssSelector(".figures")).getText();
        assertTrue(figures.contains("年内最新数据") && figures.contains("2025年1–11月累计"), figures);
        assertTrue(browser().findElement(By.cssSelector("tr[data-period='2025-11']")).getText().contains("年初至今累计"));
        String indication = js("return JSON.stringify(Chart.getChart(document.getElementById('target-chart'))"
                + ".data.datasets.find(d => d.id === 'indication').data.map(p => [Math.round(p.x * 100) / 100, p.y]));");
        assertEquals("[[2024.92,3100]]", indication, "a mark of its own beside the annual line");
    }

    @Test
    void shouldRecordAJudgementBesideTheComputedStatusAndFilterTheOverviewOnIt() {
        signInAsAnalyst();
        open("/targets/CARBON-2030-ENERGY-INTENSITY");
        awaitTarget("CARBON-2030-ENERGY-INTENSITY");
        String computed = status();
        WebElement form = waitFor(By.cssSelector("form.judgement-form"));
        new Select(form.findElement(By.name("status"))).selectByValue("ON_TRACK");
        form.findElement(By.name("reason")).sendKeys("大幅下降按规划口径理解为下降13.5%以上");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        assertEquals(computed, status(), "the computed status is not changed");
        assertEquals("分析师：进展顺利", waitFor(By.cssSelector(".detail-goal .judgement-mark")).getText());
        assertTrue(browser().findElement(By.cssSelector(".judgement-current")).getText()
                .contains("大幅下降按规划口径理解为下降13.5%以上"));

        open("/?judgement=ANY");
        waitUntil("only the judged target is listed",
                () -> browser().findElements(By.cssSelector("li.target-row")).size() == 1);
        WebElement row = browser().findElement(By.cssSelector("li.target-row"));
        assertEquals("CARBON-2030-ENERGY-INTENSITY", row.getAttribute("data-target-id"));
        assertTrue(row.findElement(By.cssSelector(".judgement-mark")).getText().contains("进展顺利"));

        open("/targets/CARBON-2030-ENERGY-INTENSITY");
        awaitTarget("CARBON-2030-ENERGY-INTENSITY");
        waitFor(By.cssSelector(".judgement-withdraw")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        assertTrue(browser().findElements(By.cssSelector(".detail-goal .judgement-mark")).isEmpty());
    }

    @Test
    void shouldSayABreakOfSeriesBasisAndWhichBasisEachValueIsOn() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("period", "2021", "value", -2.7, "form", "YOY_CHANGE_PCT"),
                Map.of("period", "2024", "value", -3.8, "form", "YOY_CHANGE_PCT"))) {
            TestUsers.asAnalyst().contentType(ContentType.JSON).body(body)
                    .post("/api/indicators/ENERGY_INTENSITY/observations").then().statusCode(201);
        }
        signInAsAnalyst();
        open("/targets/CARBON-2025-ENERGY-INTENSITY");
        awaitTarget("CARBON-2025-ENERGY-INTENSITY");
        String notice = waitFor(By.cssSelector(".series-break-notice")).getText();
        assertTrue(notice.contains("2024年起统计口径变更（能源消费总量 → 扣除原料用能和非化石能源消费量后）")
                && notice.contains("新口径的数值未用于评估"), notice);
        String row = browser().findElement(By.cssSelector("tr[data-period='2024']")).getText();
        assertTrue(row.contains("口径：扣除原料用能和非化石能源消费量后"), row);
        String older = browser().findElement(By.cssSelector("tr[data-period='2021']")).getText();
        assertTrue(older.contains("口径：能源消费总量"), older);
    }

    @Test
    void shouldCatchAUnitSlipAndLetTheAnalystPickTheUnitOrConfirm() {
        signInAsAnalyst();
        WebElement form = openEntry("IPP-2025-PATENT-ATTORNEYS", "2021"); // 达到4万人
        form.findElement(By.name("value")).sendKeys("31000");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement alert = waitFor(By.cssSelector(".form-alert .confirm-value"));
        String said = form.findElement(By.cssSelector(".form-alert")).getText();
        assertTrue(said.contains("是否应为 31,000人"), said);
        assertEquals(404, TestUsers.asAnalyst().get("/api/indicators/LICENSED_PATENT_ATTORNEYS/observations/2021")
                .statusCode(), "nothing is stored before the analyst decides");
        assertTrue(alert.isDisplayed());

        // The unit picker offers the family; 人 is converted and kept as typed.
        Select unit = new Select(form.findElement(By.name("unit")));
        assertEquals(List.of("万人", "人", "亿人"), unit.getOptions().stream().map(WebElement::getText).toList());
        unit.selectByValue("人");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        String row = browser().findElement(By.cssSelector("tr[data-period='2021']")).getText();
        assertTrue(row.contains("3.1") && row.contains("录入为 31,000人"), row);

        // A figure that is right although far from the series is stored once confirmed, and marked.
        form = openEntry("IPP-2025-PATENT-ATTORNEYS", "2022");
        form.findElement(By.name("value")).sendKeys("40");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".form-alert .confirm-value")).click();
        waitFor(By.cssSelector(".flash .notice-success"));
        row = browser().findElement(By.cssSelector("tr[data-period='2022']")).getText();
        assertTrue(row.contains("已确认"), row);
    }

    @Test
    void shouldShowTheServersFieldErrorNextToTheField() {
        signInAsAnalyst();
        WebElement form = openEntry("IPP-2025-PREFECTURE-PUBLIC-SERVICE-COVERAGE", "2021"); // a share: 0–100
        WebElement value = form.findElement(By.name("value"));
        value.sendKeys("140");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = waitFor(By.cssSelector("[data-field='value'] .field-error"));
        assertTrue(error.getText().contains("须在 0 到 100 之间"), error.getText());
        assertEquals("true", value.getAttribute("aria-invalid"));
        assertTrue(form.findElement(By.cssSelector(".form-alert")).getText().contains("请求未被接受"));
        assertEquals("NO_DATA", status());
    }

    @Test
    void shouldShowAScriptInANoteAsText() {
        signInAsAnalyst();
        String target = "IPP-2025-OVERSEAS-PATENT-GRANTS";
        String payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>&lt;b&gt;";
        WebElement form = openEntry(target, "2021");
        form.findElement(By.name("value")).sendKeys("5.1");
        form.findElement(By.name("source")).sendKeys(payload);
        form.findElement(By.name("note")).sendKeys(payload);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".flash .notice-success"));

        WebElement row = browser().findElement(By.cssSelector("tr[data-period='2021']"));
        assertEquals(payload, row.findElement(By.cssSelector(".note-text")).getText());
        assertEquals(payload, row.findElement(By.cssSelector(".source-text")).getText());
        assertEquals(0L,
                ((Number) js("return document.querySelectorAll('main img, main script').length;")).longValue());
        assertNull(js("return window.__xss === undefined ? null : window.__xss;"), "no script ran");
        assertTrue(browser().findElement(By.cssSelector(".audit-after")).getText().contains(payload),
                "the audit shows it as text too");
    }

    @Test
    void shouldSetAMilestoneStateWithEvidence() {
        signInAsAnalyst();
        String target = "FTZ-M05";
        open("/targets/" + target);
        awaitTarget(target);
        WebElement form = waitFor(By.cssSelector("form.milestone-form"));
        new Select(form.findElement(By.name("state"))).selectByValue("DONE");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = waitFor(By.cssSelector("form.milestone-form [data-field='date'] .field-error"));
        assertTrue(error.getText().contains("状态为“已完成”时必填"), error.getText());

        form = browser().findElement(By.cssSelector("form.milestone-form"));
        new Select(form.findElement(By.name("state"))).selectByValue("IN_PROGRESS");
        form.findElement(By.name("evidence")).sendKeys("商务部通知 <b>2022</b>");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement flash = waitFor(By.cssSelector(".flash .notice-success"));
        assertTrue(flash.getText().contains("已保存"), flash.getText());
        assertTrue(browser().findElement(By.cssSelector(".milestone")).getText().contains("进行中 · 商务部通知 <b>2022</b>"));
        assertTrue(browser().findElement(By.tagName("main")).getText().contains("设置里程碑状态"), "audit trail");
    }
}
