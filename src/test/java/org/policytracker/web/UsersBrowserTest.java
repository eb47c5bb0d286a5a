package org.policytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policytracker.TestUsers;

/**
 * The admin's page for users (create, change the role, disable and enable, reset a password, delete after a
 * confirmation) and every user's form to change their own password, through the browser; what each did is
 * checked through the API.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class UsersBrowserTest extends BrowserTest {

    private static String newName(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private static int signInStatus(String username, String password) {
        return TestUsers.api().auth().preemptive().basic(username, password).get("/api/me").statusCode();
    }

    private WebElement row(String username) {
        return waitFor(By.cssSelector("tr[data-username='" + username + "']"));
    }

    private void awaitStatus(String text) {
        waitUntil("status says " + text, () -> {
            WebElement status = browser().findElement(By.cssSelector(".user-status"));
            return status.isDisplayed() && status.getText().contains(text);
        });
    }

    @Test
    void shouldLetAnAdminCreateChangeDisableResetAndDeleteAUser() {
        String name = newName("web.user");
        signInAsAdmin();
        browser().findElement(By.cssSelector("#nav a[data-route='users']")).click();
        WebElement create = waitFor(By.id("user-create"));
        create.findElement(By.name("username")).sendKeys(name);
        create.findElement(By.name("password")).sendKeys("first-password-for-web");
        new Select(create.findElement(By.name("role"))).selectByValue("analyst");
        create.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus("已新建用户 " + name);
        assertEquals(200, signInStatus(name, "first-password-for-web"));

        new Select(row(name).findElement(By.name("role"))).selectByValue("viewer");
        awaitStatus(name + " 现在是查看者");
        TestUsers.asAdmin().get("/api/users/" + name).then().body("role", org.hamcrest.Matchers.equalTo("viewer"));

        row(name).findElement(By.cssSelector("button.user-disable")).click();
        waitUntil("the row shows the user disabled", () -> row(name).findElement(By.cssSelector(".user-state"))
                .getText().equals("已停用"));
        awaitStatus("已停用 " + name);
        TestUsers.asAdmin().get("/api/users/" + name).then().body("enabled", org.hamcrest.Matchers.equalTo(false));
        row(name).findElement(By.cssSelector("button.user-enable")).click();
        waitUntil("enabled again", () -> row(name).findElement(By.cssSelector(".user-state")).getText()
                .equals("已启用"));

        row(name).findElement(By.cssSelector("button.user-reset")).click();
        WebElement newPassword = row(name).findElement(By.cssSelector(".user-reset-form input[name=password]"));
        newPassword.sendKeys("password1234");
        row(name).findElement(By.cssSelector("button.user-reset-submit")).click();
        WebElement alert = waitFor(By.cssSelector(".user-alert"));
        assertTrue(alert.getText().contains("常见密码或已泄露密码"), alert.getText());
        newPassword = row(name).findElement(By.cssSelector(".user-reset-form input[name=password]"));
        newPassword.clear();
        newPassword.sendKeys("reset-by-the-admin-page");
        row(name).findElement(By.cssSelector("button.user-reset-submit")).click();
        awaitStatus("已重置 " + name + " 的密码");
        assertEquals(401, signInStatus(name, "first-password-for-web"));
        assertEquals(200, signInStatus(name, "reset-by-the-admin-page"));

        row(name).findElement(By.cssSelector("button.user-delete")).click();
        WebElement question = row(name).findElement(By.cssSelector(".user-delete-question"));
        assertTrue(question.getText().contains(name), question.getText());
        row(name).findElement(By.cssSelector("button.user-confirm-delete")).click();
        awaitStatus("已删除 " + name);
        assertTrue(browser().findElements(By.cssSelector("tr[data-username='" + name + "']")).isEmpty());
        TestUsers.asAdmin().get("/api/users/" + name).then().statusCode(404);
        assertEquals(java.util.List.of(), consoleErrors().stream().filter(m -> !m.contains(" 400 ")).toList());
    }

    @Test
    void shouldLetAUserChangeTheirOwnPasswordAndSignInWithTheNewOne() {
        String name = newName("web.own");
        TestUsers.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestUsers.PASSWORD, "role", "viewer"))
                .post("/api/users").then().statusCode(201);
        signIn(name, TestUsers.PASSWORD);
        browser().findElement(By.cssSelector("#nav a[data-route='account']")).click();
        WebElement form = waitFor(By.id("password-form"));
        form.findElement(By.name("currentPassword")).sendKeys("not-my-current-one");
        form.findElement(By.name("newPassword")).sendKeys("my-brand-new-passphrase");
        form.findElement(By.name("repeatPassword")).sendKeys("my-brand-new-passphrase");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = waitFor(By.cssSelector("[data-field='currentPassword'] .field-error"));
        assertTrue(error.getText().contains("不是您当前的密码"), error.getText());

        WebElement current = form.findElement(By.name("currentPassword"));
        current.clear();
        current.sendKeys(TestUsers.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement done = waitFor(By.cssSelector(".password-changed"));
        assertTrue(done.getText().contains("密码已修改"), done.getText());
        assertEquals(401, signInStatus(name, TestUsers.PASSWORD));

        browser().findElement(By.id("sign-out")).click();
        waitFor(By.id("signin-form"));
        signIn(name, "my-brand-new-passphrase");
        assertTrue(browser().findElement(By.id("user")).getText().contains(name));
    }
}
