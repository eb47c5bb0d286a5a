package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.policytracker.TestUsers;
import org.policytracker.TestValues;

/**
 * A new office's first hour on the overview: guidance on an empty database, the sample dataset an admin
 * loads and removes, the as-of control, and a report export that leaves out the targets without data.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class FirstStartBrowserTest extends BrowserTest {

    private String fetchText(String url) {
        return (String) ((JavascriptExecutor) browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERR ' + e));",
                url);
    }

    private String csvLink() {
        return browser().findElement(By.cssSelector("nav.export-links a[data-format='csv']")).getAttribute("href");
    }

    private static List<String> dataLines(String csv) {
        return csv.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("\uFEFF#")).skip(1)
                .toList();
    }

    @Test
    void shouldTellAViewerOnAnEmptyDatabaseWhatComesFirstAndWhoMayDoIt() {
        signInAsViewer();
        int all = overviewRows().size();
        WebElement first = waitFor(By.cssSelector("section.first-steps"));
        assertTrue(first.getText().contains("从这里开始"), first.getText());
        assertTrue(first.getText().contains("全部 " + all + " 个目标"), first.getText());
        assertTrue(first.getText().contains("您是查看者：录入数值需要分析员或管理员"), first.getText());
        assertTrue(first.findElements(By.cssSelector("button.load-sample")).isEmpty(), "only admins load samples");
    }

    @Test
    void shouldLetAnAdminLoadAMarkedSampleAndRemoveItAgain() {
        signInAsAdmin();
        overviewRows();
        waitFor(By.cssSelector("section.first-steps button.load-sample")).click();
        WebElement banner = waitFor(By.cssSelector(".sample-banner"));
        assertTrue(banner.getText().contains("示例数据，非官方统计"), banner.getText());
        assertTrue(banner.getText().contains("admin"), banner.getText());
        assertTrue(browser().findElements(By.cssSelector("section.first-steps")).isEmpty(), "no first steps now");
        assertTrue(overviewRows().stream().anyMatch(r -> !"NO_DATA".equals(r.getAttribute("data-status"))),
                "the sample gives targets a status");
        // The report made meanwhile says so.
        assertTrue(fetchText(csvLink()).lines().limit(3).anyMatch(l -> l.contains("示例数据，非官方统计")));

        browser().findElement(By.cssSelector(".sample-banner button.remove-sample")).click();
        waitFor(By.cssSelector("section.first-steps"));
        assertTrue(browser().findElements(By.cssSelector(".sample-banner")).isEmpty(), "the banner is gone");
        assertEquals(0, TestUsers.asViewer().get("/api/indicators/NON_FOSSIL_SHARE/observations").then()
                .extract().jsonPath().getList("$").size(), "the sample values are gone");
    }

    @Test
    void shouldShowTheOverviewAndItsExportsAsOfADate() {
        TestValues.post("PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE", "2021", 12.44);
        TestValues.post("PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE", "2022", 12.71);
        signInAsViewer();
        overviewRows();
        assertTrue(browser().findElements(By.name("knownAt")).isEmpty(), "known-at is for admins");
        WebElement asOf = browser().findElement(By.name("asOf"));
        asOf.sendKeys("2021-12-31");
        browser().findElement(By.cssSelector("form.moment button[type=submit]")).click();
        waitFor(By.cssSelector(".moment-note"));
        assertTrue(browser().getCurrentUrl().contains("asOf=2021-12-31"), browser().getCurrentUrl());
        WebElement patents = browser().findElement(
                By.cssSelector("li[data-target-id='IPO-2025-PATENT-INTENSIVE-GDP-SHARE'] .latest-value"));
        assertTrue(patents.getText().contains("2021"), "the latest value as of 2021: " + patents.getText());
        assertTrue(csvLink().contains("asOf=2021-12-31"), csvLink());
        assertTrue(fetchText(csvLink()).lines().limit(4).anyMatch(l -> l.contains("2021-12-31")),
                "the report is as of the date too");

        signInAsAdmin();
        overviewRows();
        assertFalse(browser().findElements(By.name("knownAt")).isEmpty(), "admins can set known-at");
    }

    @Test
    void shouldExportTheReportWithoutTheTargetsWithoutDataAndSayHowManyWereLeftOut() {
        TestValues.post("PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE", "2025", 13.1); // read after the 2025 deadline
        signInAsViewer();
        int all = overviewRows().size();
        WebElement omit = browser().findElement(By.name("omitNoData"));
        assertTrue(omit.isSelected(), "on by default");
        List<String> withData = TestUsers.asViewer().get("/api/dashboard").then().extract().jsonPath()
                .getList("findAll { it.assessment.status != 'NO_DATA' }.id");
        assertTrue(withData.contains("IPO-2025-PATENT-INTENSIVE-GDP-SHARE") && withData.size() < all,
                withData.toString());
        String csv = fetchText(csvLink());
        List<String> rows = dataLines(csv);
        assertEquals(withData.size(), rows.size(), "only the targets with data: " + rows);
        assertTrue(rows.stream().allMatch(r -> withData.stream().anyMatch(r::contains)), rows.toString());
        assertTrue(csv.contains("未逐一列出暂无数据的 " + (all - withData.size()) + " 个目标"),
                csv.substring(0, Math.min(600, csv.length())) + " all=" + all + " withData=" + withData.size());
        String pdfLink = browser().findElement(By.cssSelector("nav.export-links a[data-format='pdf']"))
                .getAttribute("href");
        assertTrue(pdfLink.contains("omitNoData=true"), pdfLink);

        omit.click();
        waitUntil("the links list every target", () -> !csvLink().contains("omitNoData"));
        assertEquals(all, dataLines(fetchText(csvLink())).size(), "every target when asked for");
    }
}
