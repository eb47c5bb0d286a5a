package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policytracker.web.Browser;

/**
 * The web app as shipped: the packaged application serves the pages, the scripts and Chart.js from
 * its webjar. With the sample dataset loaded (as an admin loads it on a new database) it takes the
 * screenshots of the overview (1280 px), a target's page and the phone layout (390 px) into
 * target/browser-screenshots/. With
 * -Dreadme.screenshot=docs/screenshot-overview.png it also refreshes the README's picture.
 */
class WebAppIT {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "screenshot-admin-1";
    static final Path SHOTS = Path.of("target", "browser-screenshots");

    @TempDir
    Path work;

    @Test
    void shouldServeTheWebAppFromThePackagedApplication() throws Exception {
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(),
                "TRACKER_ADMIN_PASSWORD", PASSWORD);
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            assertEquals(200, app.get("/webjars/chart.js/dist/chart.umd.js", null, null).statusCode());
            assertEquals(200, app.get("/app.js", null, null).statusCode());
            // The sample dataset, as a new user loads it for the README's picture.
            assertEquals(200, app.postJson("/api/sample", "", ADMIN, PASSWORD).statusCode());

            ChromeDriver driver = Browser.start(1280, 1000);
            try {
                driver.get(app.baseUrl() + "/#/");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
                shoot(driver, "signin-1280.png");
                driver.findElement(By.name("username")).sendKeys(ADMIN);
                driver.findElement(By.name("password")).sendKeys(PASSWORD);
                driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result-summary")));
                assertTrue(driver.findElements(By.cssSelector("li.target-row")).size() >= 50);
                assertTrue(driver.findElement(By.cssSelector(".sample-banner")).isDisplayed(), "marked as sample");
                driver.executeScript("document.activeElement.blur();");
                shoot(driver, "overview-1280.png");
                String target = System.getProperty("readme.screenshot");
                if (target != null && !target.isBlank()) {
                    Files.copy(SHOTS.resolve("overview-1280.png"), Path.of(target),
                            StandardCopyOption.REPLACE_EXISTING);
                }

                Browser.emulateWidth(driver, 1280, 2600, false); // the whole page of a target
                driver.get(app.baseUrl() + "/#/targets/CARBON-2025-NON-FOSSIL-SHARE");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("target-chart")));
                Number sets = (Number) driver.executeScript(
                        "return Chart.getChart(document.getElementById('target-chart')).data.datasets.length;");
                assertTrue(sets.intValue() >= 5, "datasets: " + sets);
                shoot(driver, "detail-1280.png");
                // A relative target plots both series.
                driver.get(app.baseUrl() + "/#/targets/SERVICE-TRADE-2025-EXPORT-GROWTH-VS-WORLD");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".detail-head .target-id"),
                        "SERVICE-TRADE-2025-EXPORT-GROWTH-VS-WORLD"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("target-chart")));
                assertEquals("actual:2,related:2", driver.executeScript("return Chart.getChart(document.getElementById("
                        + "'target-chart')).data.datasets.map(d => d.id + ':' + d.data.length).join(',');"));
                driver.findElement(By.id("lang")).click();
                driver.get(app.baseUrl() + "/#/targets/SERVICE-TRADE-2025-KNOWLEDGE-INTENSIVE-GROWTH");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assess-title"), "Assessment"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("target-chart")));
                shoot(driver, "detail-1280-en.png");
                driver.findElement(By.id("lang")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assess-title"), "评估"));

                Browser.emulateWidth(driver, 390, 844, true);
                driver.get(app.baseUrl() + "/#/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result-summary")));
                shoot(driver, "overview-390.png");
                Browser.emulateWidth(driver, 390, 3000, true);
                driver.get(app.baseUrl() + "/#/targets/CARBON-2025-CO2-INTENSITY");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("target-chart")));
                shoot(driver, "detail-390.png");
            } finally {
                driver.quit();
            }
        }
    }

    private static void shoot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
