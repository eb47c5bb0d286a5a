package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policytracker.TestValues;

/**
 * The Content-Security-Policy headers in Chromium (issue #17, point 7): the web app, the inline HTML report and
 * Swagger UI work under theirs with nothing refused, and no other page can frame the app.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class HeadersBrowserTest extends BrowserTest {

    @Test
    void shouldRunTheAppUnderItsPolicyWithNothingRefused() {
        signInAsViewer();
        assertFalse(overviewRows().isEmpty());
        assertEquals(List.of(), consoleErrors(), "nothing refused by the policy");
    }

    @Test
    void shouldShowTheHtmlReportWithItsInlineStylesAndNothingRefused() {
        TestValues.post("NON_FOSSIL_SHARE", "2024", 19.8);
        signInAsViewer();
        browser().get(base + "api/reports/status?format=html");
        waitFor(By.cssSelector("h1"));
        // templates/reports/status.html's inline style element: h1 { font-size: 1.6rem } (16px root: 25.6px, where
        // a browser's own h1 on its 14px body would be 28px).
        assertEquals("25.6px", js("return getComputedStyle(document.querySelector('h1')).fontSize;"));
        assertTrue(((Number) js("return document.querySelectorAll('svg.chart').length;")).intValue() > 0,
                "its charts");
        assertEquals(List.of(), consoleErrors(), "nothing refused by the report's policy");
    }

    @Test
    void shouldRunSwaggerUiUnderItsOwnPolicy() {
        signInAsViewer();
        browser().get(base + "q/swagger-ui/");
        new WebDriverWait(browser(), WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                ".opblock")));
        List<String> refused = consoleErrors().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertEquals(List.of(), refused, "Swagger UI draws the API under its policy");
    }

    /**
     * frame-ancestors 'none' (and X-Frame-Options: DENY) hold for every page, our own too: a page of the app that
     * frames the app gets the browser's error page in the frame (an opaque origin, so no document it can read),
     * where an allowed frame would hold the app (title and all).
     */
    @Test
    void shouldRefuseToBeFramed() {
        signInAsViewer();
        Object framed = ((org.openqa.selenium.JavascriptExecutor) browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const f = document.createElement('iframe'); f.src = '/index.html';"
                        + "f.onload = () => { let d = null; try { d = f.contentDocument; } catch (e) {}"
                        + "  done(d === null ? 'blocked' : 'loaded: ' + d.title); };"
                        + "document.body.appendChild(f);");
        assertEquals("blocked", framed);
        assertTrue(consoleErrors().stream().anyMatch(m -> m.contains("frame-ancestors 'none'")),
                "the browser names the directive");
    }
}
