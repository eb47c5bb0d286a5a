package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policytracker.TestUsers;
import org.policytracker.TestValues;

/**
 * The slips of issue 12 as an analyst makes them in the entry form, and the way back from a wrong value:
 * typed numbers read as meant, periods refused in Chinese, a form that breaks the chain confirmed,
 * delete with undo and restore, and the form first on a phone.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class EntrySlipsBrowserTest extends BrowserTest {

    private static final String CO2_TARGET = "CARBON-2025-CO2-INTENSITY"; // published as changes on the year before
    private static final String FOREST_TARGET = "CARBON-2025-FOREST-COVERAGE";

    private WebElement entryForm() {
        return waitFor(By.cssSelector("form.entry-form"));
    }

    /** Types into the entry form and saves. */
    private void enter(String period, String value) {
        WebElement form = entryForm();
        WebElement p = form.findElement(By.name("period"));
        p.clear();
        p.sendKeys(period);
        WebElement v = form.findElement(By.name("value"));
        v.clear();
        v.sendKeys(value);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static Object stored(String indicator, String period, String field) {
        return TestUsers.asViewer().get("/api/indicators/" + indicator + "/observations/" + period).then()
                .statusCode(200).extract().path(field);
    }

    @Test
    void shouldReadADecimalCommaAndTheMinusSignAsTypedAndProposeThePublishedForm() {
        signInAsAnalyst();
        open("/targets/" + CO2_TARGET);
        awaitTarget(CO2_TARGET);
        assertEquals("YOY_CHANGE_PCT", new Select(entryForm().findElement(By.name("form"))).getFirstSelectedOption()
                .getAttribute("value"), "the form the indicator is published in");
        // "-3,8": once saved as −38 %.
        enter("2021", "-3,8");
        waitFor(By.cssSelector(".flash .notice-success"));
        assertEquals(-3.8, ((Number) stored("CO2_INTENSITY", "2021", "value")).doubleValue());
        // "−0.8" with U+2212, the minus the app prints: once saved as +0.8.
        enter("2022", "\u22120.8");
        waitUntil("the 2022 row", () -> !browser().findElements(By.cssSelector("tr[data-period='2022']")).isEmpty());
        assertEquals(-0.8, ((Number) stored("CO2_INTENSITY", "2022", "value")).doubleValue());
        assertTrue(browser().findElement(By.cssSelector("tr[data-period='2022']")).getText().contains("\u22120.8"),
                browser().findElement(By.cssSelector("tr[data-period='2022']")).getText());
    }

    @Test
    void shouldRefuseInChineseAYearThatHasNotEndedOrPrecedesTheSeriesAndKeepHistoryBeforeTheBaseline() {
        signInAsAnalyst();
        open("/targets/" + FOREST_TARGET);
        awaitTarget(FOREST_TARGET);
        int thisYear = Year.now(ZoneOffset.UTC).getValue();
        enter(String.valueOf(thisYear + 5), "24.1");
        WebElement error = waitFor(By.cssSelector("[data-field='period'] .field-error"));
        assertTrue(error.getText().contains((thisYear + 5) + "年尚未结束"), error.getText());
        assertTrue(error.getText().contains("最近结束的年份是 " + (thisYear - 1) + "年"), error.getText());

        enter("1948", "8.6");
        waitUntil("the series start is named", () -> browser()
                .findElement(By.cssSelector("[data-field='period'] .field-error")).getText().contains("1949"));
        assertTrue(browser().findElement(By.cssSelector("[data-field='period'] .field-error")).getText()
                .contains("早于该统计的起始年份"));

        enter("2019", "22.96"); // before the 2020 baseline: history, welcome
        waitUntil("the 2019 row", () -> !browser().findElements(By.cssSelector("tr[data-period='2019']")).isEmpty());
        assertEquals(22.96, ((Number) stored("FOREST_COVERAGE", "2019", "value")).doubleValue());
    }

    @Test
    void shouldAskBeforeALevelBreaksAYearOnYearChain() {
        signInAsAnalyst();
        open("/targets/" + CO2_TARGET);
        awaitTarget(CO2_TARGET);
        new Select(entryForm().findElement(By.name("form"))).selectByValue("LEVEL");
        enter("2021", "1.2");
        WebElement confirm = waitFor(By.cssSelector("form.entry-form button.confirm-form"));
        String alert = browser().findElement(By.cssSelector("form.entry-form .form-alert")).getText();
        assertTrue(alert.contains("打断") && alert.contains("比上年"), alert);
        assertEquals(404, TestUsers.asViewer().get("/api/indicators/CO2_INTENSITY/observations/2021").statusCode(),
                "nothing stored before the confirmation");
        confirm.click();
        waitFor(By.cssSelector(".flash .notice-success"));
        assertEquals("LEVEL", stored("CO2_INTENSITY", "2021", "form"));
    }

    @Test
    void shouldDeleteAValueAfterConfirmationUndoItAndRestoreItFromTheHistory() {
        TestValues.post("FOREST_COVERAGE", "2021", 24.02, "LEVEL", "国家林草局", null);
        signInAsAnalyst();
        open("/targets/" + FOREST_TARGET);
        awaitTarget(FOREST_TARGET);
        browser().findElement(By.cssSelector("tr[data-period='2021'] button.delete")).click();
        assertEquals(200, TestUsers.asViewer().get("/api/indicators/FOREST_COVERAGE/observations/2021").statusCode(),
                "nothing is deleted before the confirmation");
        waitFor(By.cssSelector("tr[data-period='2021'] button.confirm-delete")).click();

        WebElement undo = waitFor(By.cssSelector(".flash button.undo"));
        assertTrue(browser().findElement(By.cssSelector(".flash")).getText().contains("已删除 2021年的数值"));
        assertTrue(browser().findElements(By.cssSelector("tr[data-period='2021']")).isEmpty(), "the row is gone");
        undo.click();
        waitUntil("the value is back", () -> !browser().findElements(By.cssSelector("tr[data-period='2021']"))
                .isEmpty());
        assertEquals(24.02, ((Number) stored("FOREST_COVERAGE", "2021", "value")).doubleValue());
        assertEquals("国家林草局", stored("FOREST_COVERAGE", "2021", "source"));

        // Deleted again, it is listed under the history and restored from there.
        browser().findElement(By.cssSelector("tr[data-period='2021'] button.delete")).click();
        waitFor(By.cssSelector("tr[data-period='2021'] button.confirm-delete")).click();
        WebElement deleted = waitFor(By.cssSelector("details.deleted-values"));
        deleted.findElement(By.tagName("summary")).click();
        assertTrue(deleted.getText().contains("analyst1 删除于"), deleted.getText());
        deleted.findElement(By.cssSelector("li[data-period='2021'] button.restore")).click();
        waitUntil("restored", () -> browser().findElement(By.cssSelector(".flash")).getText()
                .contains("已恢复 2021年的数值"));
        assertEquals(24.02, ((Number) stored("FOREST_COVERAGE", "2021", "value")).doubleValue());
        String audit = browser().findElement(By.tagName("main")).getText();
        assertTrue(audit.contains("删除数据") && audit.contains("恢复数据"), "the audit trail has both");
    }

    @Test
    void shouldPutTheEntryFormFirstAndKeepTheRowActionsInReachOnAPhone() {
        TestValues.post("FOREST_COVERAGE", "2021", 24.02);
        TestValues.post("FOREST_COVERAGE", "2022", 24.1);
        signInAsAnalyst();
        try {
            Browser.emulateWidth(browser(), 390, 844, true);
            open("/targets/" + FOREST_TARGET);
            awaitTarget(FOREST_TARGET);
            waitUntil("the page lays out at 390 px",
                    () -> ((Number) js("return window.innerWidth;")).intValue() == 390);
            Rectangle form = entryForm().getRect();
            Rectangle history = browser().findElement(By.cssSelector("section.history")).getRect();
            Rectangle assessment = browser().findElement(By.cssSelector(".detail-goal")).getRect();
            assertTrue(form.getY() < history.getY(), "the form above the history: " + form + " " + history);
            assertTrue(form.getY() < 1200, "the form near the top, at " + form.getY() + " px (goal at "
                    + assessment.getY() + ")");
            long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;"))
                    .longValue();
            assertTrue(overflow <= 0, "horizontal scrolling at 390 px: " + overflow + " px too wide");
            List<WebElement> actions = browser().findElements(By.cssSelector("tr[data-period='2021'] button"));
            assertTrue(!actions.isEmpty());
            for (WebElement action : actions) {
                Rectangle r = action.getRect();
                assertTrue(r.getX() >= 0 && r.getX() + r.getWidth() <= 390, action.getText() + " off screen at "
                        + r.getX() + "+" + r.getWidth());
            }
        } finally {
            Browser.clearEmulation(browser());
        }
    }
}
