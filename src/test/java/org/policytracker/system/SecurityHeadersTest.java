package org.policytracker.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.TestValues;

/**
 * Every answer carries the security headers (issue #17, point 7): the API's JSON and problems, the answers of
 * the security layer and of the guards (401, 403, 404, 413, 415), the backup, the reports, the web app's files,
 * health, OpenAPI and Swagger UI, each with its own Content-Security-Policy, and no-store on the API.
 */
@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldSendTheApiPolicyAndNoStoreOnApiAnswersOfEveryKind() {
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("200 JSON", asViewer().get("/api/targets"));
        answers.put("400 problem", asViewer().queryParam("size", 0).get("/api/audit"));
        answers.put("401 anonymous", given().get("/api/targets"));
        answers.put("401 wrong password", given().auth().preemptive().basic("admin", "not-the-password-at-all")
                .get("/api/targets"));
        answers.put("403 role", asViewer().contentType(ContentType.JSON).body(Map.of("period", "2024", "value", 1.0,
                "source", "x")).post("/api/indicators/NON_FOSSIL_SHARE/observations"));
        answers.put("404 resource", asViewer().get("/api/targets/NO-SUCH-TARGET"));
        answers.put("404 no route", asViewer().get("/api/no-such-endpoint"));
        answers.put("200 backup", asAdmin().get("/api/admin/backup"));
        answers.put("200 CSV report", asViewer().get("/api/reports/status?format=csv"));
        answers.put("200 value export", asViewer().get("/api/observations/export?format=csv"));
        answers.put("204 sign-out", given().post("/api/session/logout"));
        answers.put("200 sign-in", given().contentType(ContentType.URLENC).formParam("j_username", "admin")
                .formParam("j_password", TestUsers.ADMIN_PASSWORD).post("/j_security_check"));
        answers.put("401 sign-in", given().contentType(ContentType.URLENC).formParam("j_username", "admin")
                .formParam("j_password", "not-the-password-at-all").post("/j_security_check"));
        answers.put("415 sign-in guard", given().contentType(ContentType.JSON).body("{}").post("/j_security_check"));
        answers.put("403 origin guard", given().header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", "x").post("/j_security_check"));
        answers.forEach((what, answer) -> {
            assertCommonHeaders(what, answer);
            assertEquals(SecurityHeaders.API_POLICY, answer.getHeader("Content-Security-Policy"), what);
            assertTrue(answer.getHeader("Cache-Control").contains("no-store"), what + ": " + answer.getHeader(
                    "Cache-Control"));
        });
        assertEquals(200, answers.get("200 backup").statusCode());
        assertEquals(400, answers.get("400 problem").statusCode());
        assertEquals(Problem.MEDIA_TYPE, answers.get("400 problem").contentType());
        assertEquals(403, answers.get("403 role").statusCode());
        assertEquals(404, answers.get("404 no route").statusCode());
        assertEquals(415, answers.get("415 sign-in guard").statusCode());
        assertEquals(403, answers.get("403 origin guard").statusCode());
    }

    /**
     * The one exception to no-store (docs/RELIABILITY.md 5c): the dashboard's answer and its 304, which carry an
     * ETag and say "private, no-cache" themselves. Its refusals and problems, without an ETag, stay no-store.
     */
    @Test
    void shouldLetOnlyTheDashboardsAnswerWithAnETagBeKeptPrivatelyAndRevalidated() {
        Response ok = asViewer().get("/api/dashboard");
        ok.then().statusCode(200);
        Response notModified = asViewer().header("If-None-Match", ok.getHeader("ETag")).get("/api/dashboard");
        notModified.then().statusCode(304);
        for (Response answer : new Response[]{ok, notModified}) {
            assertCommonHeaders("dashboard " + answer.statusCode(), answer);
            assertEquals(SecurityHeaders.API_POLICY, answer.getHeader("Content-Security-Policy"));
            assertEquals(SecurityHeaders.REVALIDATE, answer.getHeader("Cache-Control"));
            assertEquals(ok.getHeader("ETag"), answer.getHeader("ETag"));
        }
        Map<String, Response> others = new LinkedHashMap<>();
        others.put("400 dashboard", asViewer().queryParam("asOf", "x").get("/api/dashboard"));
        others.put("401 dashboard", given().header("If-None-Match", ok.getHeader("ETag")).get("/api/dashboard"));
        others.put("200 assessment", asViewer().get("/api/targets/CARBON-2025-NON-FOSSIL-SHARE/assessment"));
        others.put("200 path", asViewer().get("/api/targets/CARBON-2025-NON-FOSSIL-SHARE/path"));
        others.forEach((what, answer) -> {
            assertEquals("no-store", answer.getHeader("Cache-Control"), what);
            assertNull(answer.getHeader("ETag"), what);
        });
        assertEquals(400, others.get("400 dashboard").statusCode());
        assertEquals(401, others.get("401 dashboard").statusCode());
    }

    @Test
    void shouldGiveTheHtmlReportAPolicyWithInlineStylesAndNoScript() {
        TestValues.post("NON_FOSSIL_SHARE", "2024", 19.8); // a chart (inline SVG) in the report
        Response report = asViewer().get("/api/reports/status?format=html");
        report.then().statusCode(200);
        assertCommonHeaders("HTML report", report);
        assertEquals(SecurityHeaders.REPORT_POLICY, report.getHeader("Content-Security-Policy"));
        assertTrue(report.getHeader("Cache-Control").contains("no-store"), report.getHeader("Cache-Control"));
        String html = report.asString().toLowerCase(Locale.ROOT);
        assertTrue(html.contains("<style>") && html.contains("<svg"), "inline styles and SVG, which the policy allows");
        assertFalse(html.contains("<script"), "no script, which it forbids");
        assertFalse(html.contains("<img") || html.contains("<link") || html.contains("url("), "nothing to fetch");
    }

    @Test
    void shouldSendTheAppPolicyOnTheWebAppsFilesAndOn404s() {
        for (String path : new String[]{"/", "/index.html", "/app.js", "/app.css", "/i18n/zh.json",
                "/webjars/chart.js/dist/chart.umd.js", "/no-such-file.html"}) {
            Response answer = given().get(path);
            assertEquals(path.startsWith("/no-such") ? 404 : 200, answer.statusCode(), path);
            assertCommonHeaders(path, answer);
            assertEquals(SecurityHeaders.APP_POLICY, answer.getHeader("Content-Security-Policy"), path);
        }
        String policy = SecurityHeaders.APP_POLICY;
        assertTrue(policy.contains("script-src 'self';") && !policy.contains("unsafe"), "no inline script: " + policy);
        String index = given().get("/").asString();
        assertFalse(index.contains("http-equiv"), "the header is the policy's one home, not a <meta> as well");
    }

    @Test
    void shouldSendTheHeadersOnHealthOpenApiAndSwaggerUi() {
        Response health = given().get("/q/health/ready");
        assertEquals(200, health.statusCode());
        assertCommonHeaders("health", health);
        assertEquals(SecurityHeaders.API_POLICY, health.getHeader("Content-Security-Policy"));
        Response openapi = asViewer().get("/q/openapi");
        assertEquals(200, openapi.statusCode());
        assertEquals(SecurityHeaders.API_POLICY, openapi.getHeader("Content-Security-Policy"));
        Response swagger = asViewer().get("/q/swagger-ui/");
        assertEquals(200, swagger.statusCode());
        assertCommonHeaders("swagger", swagger);
        assertEquals(SecurityHeaders.SWAGGER_POLICY, swagger.getHeader("Content-Security-Policy"));
        Response anonymousSwagger = given().get("/q/swagger-ui/");
        assertEquals(401, anonymousSwagger.statusCode());
        assertCommonHeaders("swagger 401", anonymousSwagger);
    }

    /** BodyLimitGuard answers a body declared too large before it is read: its 413 has the headers too. */
    @Test
    void shouldSendTheHeadersOnAnswersMadeBeforeTheBodyIsRead() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/observations/imports HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: text/csv\r\nContent-Length: 999999999999\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = head(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            String lower = head.toLowerCase(Locale.ROOT);
            assertTrue(lower.contains("\r\ncontent-security-policy: " + SecurityHeaders.API_POLICY.toLowerCase(
                    Locale.ROOT) + "\r\n"), head);
            assertTrue(lower.contains("\r\nx-frame-options: deny\r\n"), head);
            assertTrue(lower.contains("\r\nx-content-type-options: nosniff\r\n"), head);
            assertTrue(lower.contains("\r\ncache-control: no-store\r\n"), head);
        }
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static void assertCommonHeaders(String what, Response answer) {
        assertEquals("DENY", answer.getHeader("X-Frame-Options"), what);
        assertEquals("nosniff", answer.getHeader("X-Content-Type-Options"), what);
        assertEquals("same-origin", answer.getHeader("Referrer-Policy"), what);
        String policy = answer.getHeader("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("frame-ancestors 'none'"), what + ": " + policy);
        assertNull(answer.getHeader("Content-Security-Policy-Report-Only"), what);
    }
}
