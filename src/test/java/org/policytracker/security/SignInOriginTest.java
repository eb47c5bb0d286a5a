package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.system.Problem;

/**
 * Login CSRF (issue #17, point 7): a sign-in or sign-out a foreign page makes the browser send is refused with a 403
 * problem naming Origin, before any password is checked; the app's own pages, and clients that are not browsers,
 * pass on to the sign-in.
 */
@QuarkusTest
class SignInOriginTest {

    private static final String APP = "X-Requested-With";

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private String ownOrigin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static Response signIn(RequestSpecification request, String password) {
        return request.contentType(ContentType.URLENC).formParam("j_username", "admin")
                .formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void shouldRefuseASignInFromAForeignPageWith403NamingOrigin() {
        Response refused = signIn(TestUsers.api().header("Origin", "https://evil.example"), TestUsers.ADMIN_PASSWORD);
        refused.then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("status", equalTo(403))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("Origin"))
                .body("errors[0].code", equalTo("signIn.origin"))
                .body("errors[0].message", containsString("https://evil.example"))
                .body("errors[0].message", containsString("only pages of this site (" + ownOrigin() + ")"));
        assertNull(refused.getCookie(Sessions.COOKIE), "no session for a foreign page");
        // In Chinese by default.
        signIn(given().header("Origin", "https://evil.example"), TestUsers.ADMIN_PASSWORD).then().statusCode(403)
                .body("errors[0].message", containsString("此请求来自其他网站"));
    }

    @Test
    void shouldRefuseWhatABrowserSaysIsCrossSiteOrFromAnotherOrigin() {
        for (String origin : new String[]{"null", ownOrigin().replace("http://", "https://"),
                base.getProtocol() + "://" + base.getHost() + ":" + (base.getPort() + 1), "http://evil.example",
                ownOrigin() + ".evil.example", "not a url"}) {
            signIn(TestUsers.api().header("Origin", origin), TestUsers.ADMIN_PASSWORD).then().statusCode(403)
                    .body("errors[0].field", equalTo("Origin"));
        }
        for (String site : new String[]{"cross-site", "same-site"}) {
            signIn(TestUsers.api().header("Sec-Fetch-Site", site), TestUsers.ADMIN_PASSWORD).then().statusCode(403)
                    .body("errors[0].message", containsString("Sec-Fetch-Site: " + site));
            // A page of a foreign site cannot make its request look like ours by the Origin alone.
            signIn(TestUsers.api().header("Sec-Fetch-Site", site).header("Origin", "https://evil.example"),
                    TestUsers.ADMIN_PASSWORD).then().statusCode(403);
        }
    }

    @Test
    void shouldPassTheAppsOwnSignInsAndNonBrowsersOnToTheSignIn() {
        signIn(TestUsers.api().header("Origin", ownOrigin()), TestUsers.ADMIN_PASSWORD).then().statusCode(200)
                .body("username", equalTo("admin"));
        signIn(TestUsers.api().header("Origin", ownOrigin()), "not-the-password-at-all").then().statusCode(401)
                .body("errors", hasSize(0));
        signIn(TestUsers.api().header("Sec-Fetch-Site", "same-origin").header("Origin", ownOrigin()),
                TestUsers.ADMIN_PASSWORD).then().statusCode(200);
        signIn(TestUsers.api().header("Sec-Fetch-Site", "same-origin"), TestUsers.ADMIN_PASSWORD).then()
                .statusCode(200);
        signIn(TestUsers.api().header("Sec-Fetch-Site", "none"), TestUsers.ADMIN_PASSWORD).then().statusCode(200);
        signIn(TestUsers.api(), TestUsers.ADMIN_PASSWORD).then().statusCode(200); // curl, scripts: neither header
        signIn(TestUsers.api().header("Origin", ownOrigin().toUpperCase()), TestUsers.ADMIN_PASSWORD).then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseASignOutFromAForeignPageAndKeepTheSession() {
        String session = SessionTest.signIn("admin", TestUsers.ADMIN_PASSWORD);
        TestUsers.api().cookie(Sessions.COOKIE, session).header("Origin", "https://evil.example")
                .post("/api/session/logout").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("Origin"));
        given().cookie(Sessions.COOKIE, session).header(APP, "fetch").get("/api/me").then().statusCode(200);

        given().cookie(Sessions.COOKIE, session).header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin")
                .post("/api/session/logout").then().statusCode(204);
        given().cookie(Sessions.COOKIE, session).header(APP, "fetch").get("/api/me").then().statusCode(401);
    }
}
