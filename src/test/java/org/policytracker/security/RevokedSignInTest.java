package org.policytracker.security;

import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.security.Accounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * What sign-in must do with the user lifecycle and the password rule, over HTTP: a disabled user is refused (a
 * deleted one already is: UserLifecycleTest), a
 * password of more than 72 bytes signs in and a different suffix does not, the same characters typed another way
 * (NFKC) sign in: what Credentials does by calling {@link Passwords#matches} for an enabled user only.
 */
@QuarkusTest
class RevokedSignInTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static void put(String username, Object body) {
        asAdmin().contentType(ContentType.JSON).body(body).put("/api/users/" + username).then().statusCode(200);
    }

    @Test
    void shouldRefuseADisabledUserAndLetThemInAgainOnceEnabled() {
        String name = Accounts.create("rv.disabled", "analyst");
        as(name).get("/api/me").then().statusCode(200);
        put(name, Map.of("enabled", false));
        as(name).get("/api/me").then().statusCode(401);
        as(name).get("/api/targets").then().statusCode(401);
        put(name, Map.of("enabled", true));
        as(name).get("/api/me").then().statusCode(200);
    }

    @Test
    void shouldSignInWithALongPasswordAndNotWithAnotherSuffix() {
        String first72 = "a-passphrase-of-several-words-that-goes-on-for-more-than-seventy-two-byt";
        String name = Accounts.create("rv.long", "viewer");
        put(name, Map.of("password", first72 + "es-and-more"));
        as(name, first72 + "es-and-more").get("/api/me").then().statusCode(200);
        as(name, first72 + "es-and-less").get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldSignInWithTheSameCharactersTypedAnotherWay() {
        String name = Accounts.create("rv.nfkc", "viewer");
        put(name, Map.of("password", "correct-horse-battery-staple"));
        // Full-width letters, as some Chinese input methods type them: NFKC makes them the same password. Over
        // form sign-in in UTF-8 (REST Assured sends form parameters in ISO-8859-1 unless told), as Basic has no
        // agreed charset.
        io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", name)
                .formParam("j_password", "ｃｏｒｒｅｃｔ-ｈｏｒｓｅ-ｂａｔｔｅｒｙ-ｓｔａｐｌｅ").post("/j_security_check").then()
                .statusCode(200);
    }
}
