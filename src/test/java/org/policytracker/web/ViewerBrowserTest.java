package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A viewer reads everything and is offered no write control; the API refuses writes anyway. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ViewerBrowserTest extends BrowserTest {

    private boolean present(String css) {
        return !browser().findElements(By.cssSelector(css)).isEmpty();
    }

    @Test
    void shouldOfferAViewerNoWriteControls() {
        enterValue("COPYRIGHT_INDUSTRIES_GDP_SHARE", "2021", 7.41, "LEVEL");
        signInAsViewer();
        overviewRows();
        assertFalse(browser().findElement(By.cssSelector("a[data-route='import']")).isDisplayed(), "no import link");

        open("/targets/IPO-2025-COPYRIGHT-GDP-SHARE");
        awaitTarget("IPO-2025-COPYRIGHT-GDP-SHARE");
        waitFor(By.cssSelector("tr[data-period='2021']"));
        assertFalse(present("form"), "no form on a target's page");
        assertFalse(present("main button.button-small"), "no correct buttons");
        assertFalse(present("main input, main textarea, main select"), "no input fields");

        open("/targets/FTZ-M01");
        awaitTarget("FTZ-M01");
        waitFor(By.cssSelector(".milestone"));
        assertFalse(present("form.milestone-form"), "no milestone form");

        open("/import");
        assertTrue(waitFor(By.cssSelector("main .notice")).getText().contains("只有分析员"));
        assertFalse(present("main input[type=file]"));

        // And the API refuses a viewer's write from the page, with the session cookie.
        assertEquals(403, fetchStatus("POST", "/api/indicators/COPYRIGHT_INDUSTRIES_GDP_SHARE/observations",
                "{\"period\":\"2022\",\"value\":7.5,\"form\":\"LEVEL\"}"));
        assertEquals(403,
                fetchStatus("PUT", "/api/targets/FTZ-M01/milestone", "{\"state\":\"IN_PROGRESS\",\"version\":0}"));
    }
}
