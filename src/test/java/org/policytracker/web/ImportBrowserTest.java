package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.policytracker.TestUsers;

/** An analyst uploads a CSV: a bad row is listed with row, column and reason; a good file is imported. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ImportBrowserTest extends BrowserTest {

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

    private void upload(Path file, String action) {
        WebElement input = waitFor(By.cssSelector("form.import-form input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser().findElement(By.cssSelector("form.import-form button[value='" + action + "']")).click();
    }
}
