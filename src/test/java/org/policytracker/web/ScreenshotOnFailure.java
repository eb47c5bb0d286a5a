package org.policytracker.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Saves what the browser showed when a browser test failed: target/browser-screenshots/
 * {class}.{test}.png and the page's HTML next to it.
 */
public class ScreenshotOnFailure implements TestWatcher {

    static final Path DIR = Path.of("target", "browser-screenshots");

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ChromeDriver driver = BrowserTest.current();
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(DIR);
            Files.write(DIR.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(DIR.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Browser screenshot of the failure: " + DIR.resolve(name + ".png").toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save a screenshot of " + name + ": " + e);
        }
    }
}
