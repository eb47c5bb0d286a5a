package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.policytracker.TestUsers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/** The password rule as POST /api/users answers it: a 400 problem naming the field and saying what is allowed. */
@QuarkusTest
class PasswordRuleApiTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static String newName() {
        return "pw.rule." + System.nanoTime() % 1_000_000 + "." + SERIAL.incrementAndGet();
    }

    private static ValidatableResponse create(String username, String password) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "role", "viewer"))
                .post("/api/users").then();
    }

    private static void refused(String username, String password, String code, String wording) {
        create(username, password).statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("password"))
                .body("errors[0].code", equalTo(code)).body("errors[0].message", containsString(wording));
        asAdmin().get("/api/users/" + username).then().statusCode(404);
    }

    @Test
    void shouldRefuseACommonPasswordSayingWhy() {
        refused(newName(), "Password1234", "password.common", "list of common or breached passwords");
    }

    @Test
    void shouldRefuseThePasswordMadeOfTheUserName() {
        String name = newName();
        refused(name, name + "!!", "password.username", "user name '" + name + "'");
    }

    @Test
    void shouldRefuseRepeatsRunsAndLengthsOutsideTheRule() {
        refused(newName(), " ".repeat(12), "password.pattern", "one character or a short text repeated");
        refused(newName(), "123456789012", "password.pattern", "123456789012");
        refused(newName(), "violet-tugb", "user.password", "12–128 characters long; it has 11");
        refused(newName(), "violet-tugboat-".repeat(8) + "sings-loud", "user.password", "it has 130");
    }

    @Test
    void shouldAcceptTwelveCharactersOfTwoUtf16UnitsEach() {
        StringBuilder astral = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            astral.appendCodePoint(0x20000 + i * 37);
        }
        create(newName(), astral.toString()).statusCode(201);
    }

    @Test
    void shouldWordTheRuleInChineseByDefault() {
        given().auth().preemptive().basic("admin", TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("username", newName(), "password", "iloveyou1234", "role", "viewer"))
                .post("/api/users").then().statusCode(400).header("Content-Language", "zh")
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", containsString("常见密码或已泄露密码"));
    }

    @Test
    void shouldNameEveryFieldAtOnceWhenThePasswordIsOneOfSeveralFaults() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "X", "password", "aaaaaaaaaaaa", "role", "superuser"))
                .post("/api/users").then().statusCode(400)
                .body("errors.field", contains("password", "role", "username"))
                .body("errors.find { it.field == 'password' }.code", equalTo("password.pattern"));
    }
}
