package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.policytracker.security.SingleSignOnTest;

/**
 * Single sign-on in a real browser: the sign-in page offers it, the browser goes to the provider
 * (a mock with a login form), comes back signed in with the provider's name and role, and signs out.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.Sso.class)
class SingleSignOnBrowserTest extends BrowserTest {

    @OidcWireMock
    WireMockServer provider;

    @Test
    void shouldSignInThroughTheProviderAndOut() {
        open("/");
        browser().manage().deleteAllCookies();
        open("/");
        WebElement sso = waitFor(By.id("sso-sign-in"));
        assertEquals("使用单点登录", sso.getText());

        SingleSignOnTest.signsInNext(provider, "ana.sso", Set.of("analyst"));
        sso.click();
        // The provider's own page: the user signs in there, not in the app.
        WebElement login = waitFor(By.id("login"));
        assertTrue(browser().getCurrentUrl().startsWith(provider.baseUrl()), browser().getCurrentUrl());
        browser().findElement(By.id("username")).sendKeys("ana.sso");
        browser().findElement(By.id("password")).sendKeys("provider-password");
        login.click();

        assertEquals("目标概览", waitFor(By.cssSelector("main h1")).getText());
        assertTrue(browser().getCurrentUrl().startsWith(origin()), browser().getCurrentUrl());
        waitUntil("the header names the provider's user", () -> browser().findElement(By.id("user")).getText()
                .contains("ana.sso"));
        assertTrue(browser().findElement(By.id("user")).getText().contains("分析员"),
                browser().findElement(By.id("user")).getText());
        assertTrue(browser().findElement(By.cssSelector("[data-route=import]")).isDisplayed(),
                "an analyst is offered the import");

        browser().findElement(By.id("sign-out")).click();
        waitFor(By.id("signin-form"));
        assertEquals(401, fetchStatus("GET", "/api/me", null), "the server ended the session");
    }
}
