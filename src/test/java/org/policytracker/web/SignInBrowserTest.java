package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.policytracker.TestUsers;

/** Sign-in and sign-out through the app's own view, and what the browser keeps of the session. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class SignInBrowserTest extends BrowserTest {

    @Test
    void shouldRefuseAWrongPasswordThenSignInAndOut() {
        open("/");
        browser().manage().deleteAllCookies();
        open("/");
        WebElement form = waitFor(By.id("signin-form"));
        form.findElement(By.name("username")).sendKeys("admin");
        form.findElement(By.name("password")).sendKeys("not-the-password");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement alert = waitFor(By.cssSelector("#signin-form .form-alert"));
        assertTrue(alert.getText().contains("用户名或密码错误"), alert.getText());

        signInAsAdmin();
        assertEquals("目标概览", waitFor(By.cssSelector("main h1")).getText());
        assertTrue(browser().findElement(By.id("user")).getText().contains("admin"));

        // The session is an HttpOnly cookie: invisible to script, and nothing secret in storage.
        String cookies = js("return document.cookie;");
        assertFalse(cookies.contains(org.policytracker.security.Sessions.COOKIE),
                "the session cookie is HttpOnly: " + cookies);
        String storage = js("return JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage});");
        assertFalse(storage.contains(TestUsers.ADMIN_PASSWORD), storage);
        assertFalse(storage.toLowerCase().contains("credential"), storage);

        browser().findElement(By.id("sign-out")).click();
        WebElement signedOut = waitFor(By.cssSelector("#signin-form .form-alert"));
        assertTrue(signedOut.getText().contains("已退出"), signedOut.getText());
        assertEquals(401, fetchStatus("GET", "/api/me", null), "the server ended the session");
    }

    @Test
    void shouldShowTheSignInViewWhenTheSessionEnds() {
        signInAsAdmin();
        List<WebElement> rows = overviewRows();
        assertFalse(rows.isEmpty());
        browser().manage().deleteAllCookies(); // as if the session had expired
        rows.get(0).findElement(By.cssSelector("a.target-name")).click();
        WebElement alert = waitFor(By.cssSelector("#signin-form .form-alert"));
        assertTrue(alert.getText().contains("会话已过期"), alert.getText());
        // Signing in again returns to the page that was asked for.
        WebElement form = browser().findElement(By.id("signin-form"));
        form.findElement(By.name("username")).sendKeys("admin");
        form.findElement(By.name("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".detail-head"));
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldSayWhyTheServerEndedTheSession() throws Exception {
        signInAsAdmin();
        List<WebElement> rows = overviewRows();
        assertFalse(rows.isEmpty());
        String secret = browser().manage().getCookieNamed(org.policytracker.security.Sessions.COOKIE).getValue();
        // 31 minutes without a request: past the 30-minute idle timeout.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE user_session SET last_seen_at = ? WHERE id_hash = ?")) {
            s.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(31));
            s.setString(2, sha256(secret));
            assertEquals(1, s.executeUpdate());
        }
        rows.get(0).findElement(By.cssSelector("a.target-name")).click();
        WebElement alert = waitFor(By.cssSelector("#signin-form .form-alert"));
        assertTrue(alert.getText().contains("30 分钟无操作"), alert.getText());
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
