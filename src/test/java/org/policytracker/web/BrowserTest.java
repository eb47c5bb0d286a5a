package org.policytracker.web;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.TestValues;

/**
 * Base of the browser tests: one Chromium per test class (started on first use, reused by its
 * tests), helpers to open a view, sign in and wait, and a screenshot when a test fails.
 */
@ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    static ChromeDriver current() {
        return driver;
    }

    /** Runs before the test classes' own set-up: each starts from no values, then enters its own. */
    @BeforeEach
    void startBrowser() {
        TestData.reset();
        if (driver == null) {
            driver = Browser.start(1280, 900);
        }
    }

    @AfterAll
    static void quitBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected ChromeDriver browser() {
        return driver;
    }

    /** The app's origin, e.g. http://localhost:41234 */
    protected String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** Loads the app afresh at the given route ("/" or "/targets/X"): a full page load each time. */
    protected void open(String route) {
        driver.get("about:blank");
        driver.get(base.toString() + "#" + route);
    }

    /** Signs in through the app's own sign-in view (from a clean session) and waits for the overview. */
    protected void signIn(String username, String password) {
        open("/");
        driver.manage().deleteAllCookies();
        js("localStorage.clear(); sessionStorage.clear();"); // Chinese, the default language
        open("/");
        WebElement form = waitFor(By.id("signin-form"));
        form.findElement(By.name("username")).sendKeys(username);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("sign-out"));
        consoleErrors(); // drops what the previous session's page logged while its cookie was being removed
    }

    protected void signInAsAdmin() {
        signIn("admin", TestUsers.ADMIN_PASSWORD);
    }

    protected void signInAsAnalyst() {
        TestUsers.asAnalyst(); // creates analyst1 through the API unless it exists
        signIn("analyst1", TestUsers.PASSWORD);
    }

    protected void signInAsViewer() {
        TestUsers.asViewer();
        signIn("viewer1", TestUsers.PASSWORD);
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected void waitUntil(String description, Supplier<Boolean> condition) {
        // Views are redrawn as data arrives: an element read a moment ago may have been replaced.
        new WebDriverWait(driver, WAIT).withMessage(description)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    /** Waits for the overview's list (or its empty state) to be drawn. */
    protected List<WebElement> overviewRows() {
        waitFor(By.cssSelector(".result-summary"));
        return driver.findElements(By.cssSelector("li.target-row"));
    }

    /** Waits for a target's page, identified by its id line. */
    protected void awaitTarget(String id) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".detail-head .target-id"), id));
    }

    /** The browser console's errors since the last call, without the expected 401 of a signed-out start. */
    protected List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !(m.contains("/api/me") && m.contains("401")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    protected <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs fetch() inside the page (same origin, with the session cookie); answers the HTTP status. */
    protected long fetchStatus(String method, String path, String jsonBody) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[1], {method: arguments[0], credentials: 'same-origin', headers: "
                        + "{'X-Requested-With': 'fetch', 'Content-Type': 'application/json'}, body: arguments[2]})"
                        + ".then(r => done(r.status), e => done(-1));",
                method, path, jsonBody);
        return ((Number) status).longValue();
    }

    /** Enters a value through the API (as analyst1): a test's own data, on the empty start each test has. */
    protected static void enterValue(String indicator, String period, double value, String form) {
        TestValues.post(indicator, period, value, form, "test fixture", null);
    }
}
