package org.policytracker.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/** Behind a TLS-terminating proxy (docs/DEPLOY.md): forwarded headers make links and cookies right. */
@QuarkusTest
@TestProfile(ProxyHeadersTest.BehindProxy.class)
class ProxyHeadersTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    public static class BehindProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "tracker.data-dir", "./target/test-data-proxy");
        }
    }

    @Test
    void shouldUseTheProxysSchemeAndHostForLinksAndSecureCookies() {
        asAdmin().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tracker.example.org")
                .contentType(ContentType.JSON)
                .body(Map.of("username", "proxied.user", "password", "a-long-enough-password", "role", "viewer"))
                .post("/api/users")
                .then().statusCode(201).header("Location", startsWith("https://tracker.example.org/api/users/"));
        String cookie = given().header("X-Forwarded-Proto", "https").contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(200).extract().header("Set-Cookie");
        assertTrue(cookie.toLowerCase().contains("secure"), cookie);
    }

    /** The sign-in's Origin check (security/SignInGuard) compares with the public origin the proxy forwards. */
    @Test
    void shouldCompareTheSignInsOriginWithTheProxysPublicOrigin() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tracker.example.org")
                .header("Origin", "https://tracker.example.org").contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(200);
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tracker.example.org")
                .header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(403)
                .body("errors[0].message", containsString("https://tracker.example.org"));
    }
}
