package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/** The web app's sign-in: a form post that sets an HttpOnly, SameSite=Strict session cookie. */
@QuarkusTest
class SessionTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldSignInWithAFormAndUseTheSessionCookie() {
        Response login = given().contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check");
        login.then().statusCode(200);
        String setCookie = login.getHeader("Set-Cookie");
        assertNotNull(setCookie, "a session cookie is set");
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        String session = login.getCookie("quarkus-credential");
        given().cookie("quarkus-credential", session).header("X-Requested-With", "fetch").get("/api/me")
                .then().statusCode(200).body("username", equalTo("admin"));

        Response logout = given().cookie("quarkus-credential", session).post("/api/session/logout");
        logout.then().statusCode(204);
        assertTrue(logout.getHeader("Set-Cookie").contains("quarkus-credential=;")
                || logout.getHeader("Set-Cookie").contains("Max-Age=0"), logout.getHeader("Set-Cookie"));
    }

    @Test
    void shouldRefuseAWrongPasswordWith401AndNoCookie() {
        given().contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", "wrong-password")
                .post("/j_security_check")
                .then().statusCode(401).header("Set-Cookie", nullValue());
    }

    @Test
    void shouldChallengeApiClientsWithBasicAndTheAppWithoutABrowserDialog() {
        given().get("/api/targets").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic realm="));
        given().header("X-Requested-With", "fetch").get("/api/targets").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void shouldServeTheStaticAppWithoutSignIn() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
    }
}
