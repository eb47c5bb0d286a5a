package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policytracker.TestUsers;

/**
 * The account page's API tokens, through the browser: an analyst makes a viewer token (the role select offers
 * nothing above their own), sees its secret once, the secret works as a Bearer token with that role, the list
 * shows it used, and revoking it in the page stops it at once. A name left empty is named next to its field.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class TokensBrowserTest extends BrowserTest {

    private static int status(String token, String path) {
        return TestUsers.api().header("Authorization", "Bearer " + token).get(path).statusCode();
    }

    private WebElement row(String name) {
        return waitFor(By.xpath("//table[contains(@class,'tokens-table')]//tr[th[normalize-space()='" + name
                + "']]"));
    }

    @Test
    void shouldMakeShowUseAndRevokeATokenInTheAccountPage() {
        String user = "web.tokens." + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        TestUsers.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", TestUsers.PASSWORD, "role", "analyst"))
                .post("/api/users").then().statusCode(201);
        signIn(user, TestUsers.PASSWORD);
        browser().findElement(By.cssSelector("#nav a[data-route='account']")).click();
        WebElement form = waitFor(By.id("token-form"));
        waitFor(By.cssSelector(".token-list p.muted")); // the list has loaded: "您还没有令牌。"
        Select role = new Select(form.findElement(By.name("role")));
        assertEquals(List.of("viewer", "analyst"), role.getOptions().stream().map(o -> o.getAttribute("value"))
                .toList(), "nothing above the user's own role");
        assertEquals("analyst", role.getFirstSelectedOption().getAttribute("value"));

        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement nameError = waitFor(By.cssSelector("#token-form [data-field='name'] .field-error"));
        waitUntil("the empty name is named", () -> !nameError.getText().isBlank());

        String name = "monthly script " + user;
        form.findElement(By.name("name")).sendKeys(name);
        role.selectByValue("viewer");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement secret = waitFor(By.cssSelector(".token-created .token-secret"));
        String token = secret.getAttribute("value");
        assertTrue(token.startsWith("ptt_"), token);
        assertTrue(browser().findElement(By.cssSelector(".token-created")).getText().contains("只显示这一次"));

        TestUsers.api().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(user))
                .body("roles", org.hamcrest.Matchers.contains("viewer"));
        assertEquals(403, TestUsers.api().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("username", "x.never", "password", TestUsers.PASSWORD, "role", "viewer"))
                .post("/api/users").statusCode(), "a viewer token cannot write");

        assertEquals("有效", row(name).findElement(By.cssSelector(".token-state")).getText());
        // Reload the page: the list now says when the token last signed a request in; the secret is gone.
        browser().navigate().refresh();
        waitUntil("the list shows the token used", () -> !row(name).findElement(By.cssSelector(".token-last-used"))
                .getText().equals("从未"));
        assertTrue(browser().findElements(By.cssSelector(".token-secret")).isEmpty(), "the secret is shown once");

        row(name).findElement(By.cssSelector("button.token-revoke")).click();
        row(name).findElement(By.cssSelector("button.token-confirm-revoke")).click();
        waitUntil("the row shows the token revoked", () -> row(name).findElement(By.cssSelector(".token-state"))
                .getText().equals("已撤销"));
        assertEquals(401, status(token, "/api/me"));
        assertTrue(row(name).findElements(By.cssSelector("button.token-revoke")).isEmpty());
        assertEquals(List.of(), consoleErrors().stream().filter(m -> !m.contains(" 400 ")).toList());
    }
}
