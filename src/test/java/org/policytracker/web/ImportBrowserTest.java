package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.policytracker.TestUsers;
import org.policytracker.ValuesHeld;
import org.policytracker.observation.ValueLocks;

/**
 * An analyst uploads a CSV: a bad row is listed with row, column and reason; a good file is imported; a running
 * import is cancelled with its button.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ImportBrowserTest extends BrowserTest {

    @Inject
    ValueLocks locks;

    @Test
    void shouldListBadRowsThenImportAGoodFile() throws Exception {
        signInAsAnalyst();
        open("/import");
        Path bad = Files.createTempFile("import-bad", ".csv");
        Files.writeString(bad, "\uFEFFindicator,period,value,form\n"
                + "CO2_EMISSIONS,2021,119.0,LEVEL\n"
                + "CO2_EMISSIONS,2022,abc,LEVEL\n"
                + "CO2_EMISSIONS,2023,120.5,LEVEL\n", StandardCharsets.UTF_8);
        upload(bad, "import");
        waitFor(By.cssSelector("section.import-errors table tbody tr"));
        List<WebElement> cells = browser().findElements(By.cssSelector("section.import-errors tbody tr td"));
        assertEquals("3", cells.get(0).getText(), "the spreadsheet row of the bad value");
        assertEquals("CO2_EMISSIONS", cells.get(1).getText(), "the row's indicator");
        assertEquals("2022", cells.get(2).getText(), "and period");
        assertEquals("value", cells.get(3).getText());
        assertTrue(cells.get(4).getText().contains("“abc”不是数字"), cells.get(4).getText());
        assertTrue(TestUsers.asViewer().get("/api/indicators/CO2_EMISSIONS/observations").jsonPath()
                .getList("period").isEmpty(), "nothing was written");

        Path good = Files.createTempFile("import-good", ".csv");
        Files.writeString(good, "indicator,period,value\nCO2_EMISSIONS,2021,119.0\nCO2_EMISSIONS,2022,121.3\n",
                StandardCharsets.UTF_8);
        open("/import");
        upload(good, "import");
        waitUntil("the import succeeded", () -> browser().findElement(By.cssSelector(".import-result")).getText()
                .contains("2"));
        waitUntil("the values are stored", () -> TestUsers.asViewer().get("/api/indicators/CO2_EMISSIONS/observations")
                .jsonPath().getList("period").size() == 2);
        assertTrue(browser().findElements(By.cssSelector(".import-result progress")).size() <= 1);
    }

    @Test
    void shouldCancelARunningImportWithItsButton() throws Exception {
        signInAsAnalyst();
        open("/import");
        Path file = Files.createTempFile("import-cancel", ".csv");
        Files.writeString(file, "indicator,period,value\nFOREST_STOCK,1976,101.5\nFOREST_STOCK,1977,102.5\n",
                StandardCharsets.UTF_8);
        // Values held (as a restore holds them) keep the job in its write pass until it is cancelled: no timing.
        try (ValuesHeld hold = new ValuesHeld(locks)) {
            upload(file, "import");
            waitFor(By.cssSelector(".import-result button.import-cancel")).click();
            waitUntil("the job shows CANCELLED", () -> browser().findElements(
                    By.cssSelector(".import-job[data-status='CANCELLED']")).size() == 1);
            assertTrue(browser().findElement(By.cssSelector(".import-result")).getText().contains("已取消"),
                    browser().findElement(By.cssSelector(".import-result")).getText());
            assertTrue(browser().findElements(By.cssSelector(".import-result button.import-cancel")).isEmpty(),
                    "no cancel button on a finished job");
        }
        assertTrue(TestUsers.asViewer().get("/api/indicators/FOREST_STOCK/observations").jsonPath().getList("period")
                .stream().noneMatch(p -> p.equals("1976") || p.equals("1977")), "nothing of it was written");
    }

    private void upload(Path file, String action) {
        WebElement input = waitFor(By.cssSelector("form.import-form input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser().findElement(By.cssSelector("form.import-form button[value='" + action + "']")).click();
    }
}
