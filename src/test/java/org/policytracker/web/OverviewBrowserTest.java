package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policytracker.TestUsers;

/** The overview: every target, counts per status as filters, search, languages, and where it loads from. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class OverviewBrowserTest extends BrowserTest {

    @BeforeEach
    void someTargetHasData() {
        // So that not every target is NO_DATA and a status filter has something to narrow.
        enterValue("PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE", "2020", 11.97, "LEVEL");
        // Read today, after the 2025 deadlines: a 2030 target met early has a status of its own.
        enterValue("WIND_SOLAR_CAPACITY", "2024", 14.1, "LEVEL");
    }

    private List<String> apiTargetIds() {
        return TestUsers.asViewer().get("/api/targets").then().statusCode(200).extract().jsonPath().getList("id");
    }

    @Test
    void shouldListEveryTargetGroupedByThemeWithStatusAsText() {
        signInAsViewer();
        List<WebElement> rows = overviewRows();
        List<String> expected = apiTargetIds();
        Set<String> shown = rows.stream().map(r -> r.getAttribute("data-target-id")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(expected), shown);
        assertEquals(expected.size(), rows.size());
        assertEquals(4, browser().findElements(By.cssSelector("section.theme-group")).size(), "four themes");
        for (WebElement row : rows) {
            WebElement status = row.findElement(By.cssSelector(".status"));
            assertFalse(status.findElement(By.cssSelector(".status-text")).getText().isBlank(), "status in words");
            assertFalse(status.findElement(By.cssSelector(".status-icon")).getText().isBlank(), "status as a shape");
            assertFalse(row.findElement(By.cssSelector(".target-goal")).getText().isBlank(), "target wording");
        }
        WebElement pilot = browser()
                .findElement(By.cssSelector("li[data-target-id='SERVICE-TRADE-2025-PILOT-MEASURES']"));
        assertTrue(pilot.getText().contains("≥ 122 项（2025年）"), pilot.getText());
        WebElement patents = browser()
                .findElement(By.cssSelector("li[data-target-id='IPO-2025-PATENT-INTENSIVE-GDP-SHARE']"));
        assertTrue(patents.getText().contains("≥ 13%（2025年）"), patents.getText());
        assertTrue(patents.getText().contains("11.97%（2020年）"), patents.getText());
        assertTrue(patents.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-label")
                .startsWith("完成 26%"));
        assertTrue(patents.getText().contains("预期性"), "binding or anticipatory");
        WebElement co2 = browser().findElement(By.cssSelector("li[data-target-id='CARBON-2025-CO2-INTENSITY']"));
        assertTrue(co2.getText().contains("比2020年下降18%"), co2.getText());
        WebElement share = browser().findElement(By.cssSelector("li[data-target-id='CARBON-2025-NON-FOSSIL-SHARE']"));
        assertTrue(share.getText().contains("20%左右（±0.5，2025年）"), share.getText());
    }

    @Test
    void shouldNarrowTheListByStatusAndKeepTheFilterInTheAddress() {
        signInAsViewer();
        int all = overviewRows().size();
        WebElement noData = browser().findElement(By.cssSelector("button.count[data-status='NO_DATA']"));
        int expected = Integer.parseInt(noData.findElement(By.cssSelector(".count-number")).getText());
        noData.click();
        waitUntil("the list shows only NO_DATA",
                () -> browser().findElements(By.cssSelector("li.target-row")).size() == expected);
        assertTrue(expected < all, expected + " of " + all);
        assertEquals("true", noData.getAttribute("aria-pressed"));
        browser().findElements(By.cssSelector("li.target-row"))
                .forEach(r -> assertEquals("NO_DATA", r.getAttribute("data-status")));
        assertTrue(browser().getCurrentUrl().endsWith("#/?status=NO_DATA"), browser().getCurrentUrl());

        // The export links carry the selection: the CSV report has one row per target shown.
        String csvLink = browser().findElement(By.cssSelector("nav.export-links a[data-format='csv']"))
                .getAttribute("href");
        assertTrue(csvLink.contains("/api/reports/status?") && csvLink.contains("status=NO_DATA")
                && csvLink.contains("target="), csvLink);
        String csv = (String) ((JavascriptExecutor) browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERR ' + e));",
                csvLink);
        long dataRows = csv.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1;
        assertEquals(expected, dataRows, "one CSV row per target on screen: a list narrowed to 暂无数据 keeps them");
        assertEquals(4, browser().findElements(By.cssSelector("nav.export-links a")).size());

        browser().navigate().refresh(); // the filter survives a reload
        assertEquals(expected, overviewRows().size());
        browser().findElement(By.cssSelector("button.count[data-status='NO_DATA']")).click();
        waitUntil("all targets again", () -> browser().findElements(By.cssSelector("li.target-row")).size() == all);
    }

    @Test
    void shouldSearchAndFilterByThemeAndYear() {
        signInAsViewer();
        int all = overviewRows().size();
        WebElement search = browser().findElement(By.name("q"));
        search.sendKeys("森林");
        waitUntil("only forest targets", () -> browser().findElements(By.cssSelector("li.target-row")).size() == 4);
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitUntil("all again", () -> browser().findElements(By.cssSelector("li.target-row")).size() == all);

        new Select(browser().findElement(By.name("theme"))).selectByValue("FTZ");
        new Select(browser().findElement(By.name("year"))).selectByValue("2022");
        waitUntil("FTZ measures due 2022",
                () -> browser().findElements(By.cssSelector("section.theme-group")).size() == 1);
        assertEquals("FTZ", browser().findElement(By.cssSelector("section.theme-group")).getAttribute("data-theme"));

        search.sendKeys("no target has this text");
        WebElement empty = waitFor(By.cssSelector(".results .empty"));
        assertTrue(empty.getText().contains("没有符合筛选条件的目标"), empty.getText());
        empty.findElement(By.tagName("button")).click();
        waitUntil("filters cleared", () -> browser().findElements(By.cssSelector("li.target-row")).size() == all);
    }

    @Test
    void shouldLoadWithOneApiCallAndNoRequestOutsideTheApp() {
        signInAsViewer();
        overviewRows();
        List<Map<String, Object>> entries = js("return performance.getEntriesByType('resource')"
                + ".map(e => ({name: e.name, type: e.initiatorType}));");
        String origin = origin() + "/";
        entries.forEach(e -> assertTrue(((String) e.get("name")).startsWith(origin), "request outside the app: " + e));
        // Who is signed in, the sign-in page's question whether to offer single sign-on, and whether the
        // sample dataset is loaded (for its banner) are the page's calls, not the overview's data.
        List<String> dataCalls = entries.stream().map(e -> (String) e.get("name"))
                .filter(n -> n.startsWith(origin + "api/") && !n.equals(origin + "api/me")
                        && !n.equals(origin + "api/sample") && !n.startsWith(origin + "api/session/"))
                .toList();
        assertEquals(List.of(origin + "api/dashboard"), dataCalls, "the overview's data in one call");
        assertTrue(entries.stream()
                .anyMatch(e -> ((String) e.get("name")).endsWith("/webjars/chart.js/dist/chart.umd.js")));
        assertEquals("function", js("return typeof Chart;"), "Chart.js from the webjar");

        // Also the detail page, which draws a chart.
        browser().findElement(By.cssSelector("li[data-target-id='IPO-2025-PATENT-INTENSIVE-GDP-SHARE'] a.target-name"))
                .click();
        awaitTarget("IPO-2025-PATENT-INTENSIVE-GDP-SHARE");
        waitFor(By.id("target-chart"));
        List<String> all = js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
        all.forEach(name -> assertTrue(name.startsWith(origin), "request outside the app: " + name));
        assertEquals(List.of(), consoleErrors(),
                "no errors (such as a refused Content-Security-Policy) in the console");
    }

    @Test
    void shouldSwitchToEnglishAndKeepTheChoice() {
        signInAsViewer();
        overviewRows();
        assertEquals("zh-CN", js("return document.documentElement.lang;"));
        browser().findElement(By.id("lang")).click();
        waitUntil("English labels",
                () -> "Targets overview".equals(browser().findElement(By.cssSelector("main h1")).getText()));
        assertTrue(((String) js("return document.documentElement.lang;")).startsWith("en"));
        WebElement pilot = waitFor(By.cssSelector("li[data-target-id='SERVICE-TRADE-2025-PILOT-MEASURES']"));
        assertTrue(pilot.getText().contains("≥ 122 measures by 2025"), pilot.getText());
        assertTrue(browser().findElement(By.cssSelector("button.count[data-status='NO_DATA']")).getText()
                .contains("No data"));
        String body = browser().findElement(By.tagName("body")).getText();
        assertFalse(body.matches("(?s).*\\b(status|filter|col|overview|goal)\\.[a-zA-Z]+.*"),
                "a label key left untranslated");

        browser().navigate().refresh();
        waitUntil("still English", () -> "Targets overview".equals(waitFor(By.cssSelector("main h1")).getText()));
        browser().findElement(By.id("lang")).click();
        waitUntil("Chinese again", () -> "目标概览".equals(browser().findElement(By.cssSelector("main h1")).getText()));
    }

    @Test
    void shouldWorkWithTheKeyboard() {
        signInAsViewer();
        overviewRows();
        // The page's heading has the focus after loading; Tab goes on to the status counts, then a target.
        assertEquals("H1", js("return document.activeElement.tagName;"));
        String focused = "";
        for (int i = 0; i < 40 && !focused.contains("count-AT_RISK"); i++) {
            browser().switchTo().activeElement().sendKeys(Keys.TAB);
            focused = js("return document.activeElement.className;");
        }
        assertTrue(focused.contains("count-AT_RISK"), "a status count is reachable by Tab: " + focused);
        browser().switchTo().activeElement().sendKeys(Keys.ENTER);
        waitUntil("filtered by the keyboard", () -> browser().getCurrentUrl().endsWith("status=AT_RISK"));
        browser().switchTo().activeElement().sendKeys(Keys.SPACE);
        waitUntil("filter cleared by the keyboard", () -> browser().getCurrentUrl().endsWith("#/"));
        for (int i = 0; i < 60 && !"target-name".equals(focused); i++) {
            browser().switchTo().activeElement().sendKeys(Keys.TAB);
            focused = js("return document.activeElement.className;");
        }
        assertEquals("target-name", focused, "a target's link is reachable by Tab");
        browser().switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".detail-head"));
        assertEquals("H1", js("return document.activeElement.tagName;"), "the new page's heading has the focus");
        // The skip link shows when it has the focus.
        js("document.querySelector('.skip-link').focus();");
        assertTrue(browser().findElement(By.cssSelector(".skip-link")).getRect().getX() >= 0,
                "skip link visible on focus");
    }

    @Test
    void shouldFitAPhoneAndLabelEveryField() {
        signInAsViewer();
        overviewRows();
        List<String> unlabelled = js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.outerHTML);");
        assertEquals(List.of(), unlabelled);
        try {
            Browser.emulateWidth(browser(), 390, 844, true);
            waitUntil("the page lays out at 390 px",
                    () -> ((Number) js("return window.innerWidth;")).intValue() == 390);
            long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;"))
                    .longValue();
            assertTrue(overflow <= 0, "horizontal scrolling at 390 px: " + overflow + " px too wide");
            assertTrue(browser().findElement(By.cssSelector("li.target-row .cell-label")).isDisplayed(),
                    "cells are labelled on a phone");
        } finally {
            Browser.clearEmulation(browser());
        }
    }
}
