package org.policytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.reliability.Http.Answer;

/**
 * Reliability suite, part 5 (issue #7): every endpoint × anonymous / viewer / analyst / admin,
 * asserted from ONE table; the table is checked against the OpenAPI document, so an endpoint
 * added without a row here fails the test. Then SQL and script payloads stored in a value's
 * source and note come back literally from the API and are inert in the HTML report (escaped)
 * and literal text in the PDF. (The web app shows them as text: AnalystEntryBrowserTest.)
 */
@QuarkusTest
class SecurityMatrixTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    /** Who may call an endpoint. */
    enum Access {
        /** No sign-in needed. */
        PUBLIC,
        /** Any signed-in role. */
        READ,
        /** Analyst and admin; a viewer gets 403. */
        WRITE,
        /** Admin only. */
        ADMIN
    }

    /**
     * A concrete request for an endpoint, and the status a permitted caller gets (0: any status that
     * is not 401, 403 or 5xx — writes are sent with a body the endpoint refuses, so that the matrix
     * changes nothing).
     */
    record Row(Access access, String path, String contentType, String body, int allowed) {
    }

    static final String CODE = "OFFSHORE_SERVICE_OUTSOURCING_GROWTH";
    static final String TARGET = "SERVICE-TRADE-2025-OFFSHORE-OUTSOURCING-VS-EXPORTS";
    static final String JSON = "application/json";

    /** THE table: "METHOD /openapi/path" → who, and how to call it. */
    static final Map<String, Row> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /api/targets", new Row(Access.READ, "/api/targets", null, null, 200));
        MATRIX.put("GET /api/targets/{id}", new Row(Access.READ, "/api/targets/" + TARGET, null, null, 200));
        MATRIX.put("GET /api/documents", new Row(Access.READ, "/api/documents", null, null, 200));
        MATRIX.put("GET /api/indicators", new Row(Access.READ, "/api/indicators", null, null, 200));
        MATRIX.put("GET /api/indicators/{code}", new Row(Access.READ, "/api/indicators/" + CODE, null, null, 200));
        MATRIX.put("GET /api/dashboard", new Row(Access.READ, "/api/dashboard", null, null, 200));
        MATRIX.put("GET /api/targets/{id}/assessment",
                new Row(Access.READ, "/api/targets/" + TARGET + "/assessment", null, null, 200));
        MATRIX.put("GET /api/targets/{id}/path",
                new Row(Access.READ, "/api/targets/" + TARGET + "/path", null, null, 200));
        MATRIX.put("GET /api/indicators/{code}/observations",
                new Row(Access.READ, "/api/indicators/" + CODE + "/observations", null, null, 200));
        MATRIX.put("POST /api/indicators/{code}/observations",
                new Row(Access.WRITE, "/api/indicators/" + CODE + "/observations", JSON, "{\"period\":\"x\"}", 400));
        MATRIX.put("GET /api/indicators/{code}/observations/{period}",
                new Row(Access.READ, "/api/indicators/" + CODE + "/observations/2029", null, null, 404));
        MATRIX.put("PUT /api/indicators/{code}/observations/{period}",
                new Row(Access.WRITE, "/api/indicators/" + CODE + "/observations/2029", JSON,
                        "{\"value\":1,\"version\":0}", 404));
        MATRIX.put("DELETE /api/indicators/{code}/observations/{period}",
                new Row(Access.WRITE, "/api/indicators/" + CODE + "/observations/2029?version=0", null, null, 404));
        MATRIX.put("GET /api/indicators/{code}/observations/deleted",
                new Row(Access.READ, "/api/indicators/" + CODE + "/observations/deleted", null, null, 200));
        MATRIX.put("POST /api/indicators/{code}/observations/{period}/restore",
                new Row(Access.WRITE, "/api/indicators/" + CODE + "/observations/2020/restore?version=0", null, null,
                        404));
        MATRIX.put("GET /api/sample", new Row(Access.READ, "/api/sample", null, null, 200));
        // The admin's load (into the empty database each test starts with) is removed again by the next row.
        MATRIX.put("POST /api/sample", new Row(Access.ADMIN, "/api/sample", null, null, 200));
        MATRIX.put("DELETE /api/sample", new Row(Access.ADMIN, "/api/sample", null, null, 200));
        MATRIX.put("GET /api/targets/{id}/milestone",
                new Row(Access.READ, "/api/targets/FTZ-M18/milestone", null, null, 200));
        MATRIX.put("PUT /api/targets/{id}/milestone",
                new Row(Access.WRITE, "/api/targets/FTZ-M18/milestone", JSON, "{\"state\":\"NOPE\",\"version\":0}",
                        400));
        MATRIX.put("GET /api/targets/{id}/revisions",
                new Row(Access.READ, "/api/targets/" + TARGET + "/revisions", null, null, 200));
        MATRIX.put("GET /api/targets/{id}/judgement",
                new Row(Access.READ, "/api/targets/" + TARGET + "/judgement", null, null, 200));
        MATRIX.put("PUT /api/targets/{id}/judgement",
                new Row(Access.WRITE, "/api/targets/" + TARGET + "/judgement", JSON, "{\"status\":\"NOPE\"}", 400));
        MATRIX.put("DELETE /api/targets/{id}/judgement",
                new Row(Access.WRITE, "/api/targets/" + TARGET + "/judgement", null, null, 404));
        MATRIX.put("GET /api/audit", new Row(Access.READ, "/api/audit?size=1", null, null, 200));
        MATRIX.put("POST /api/observations/imports",
                new Row(Access.WRITE, "/api/observations/imports?wait=true", "text/plain", "x", 415));
        MATRIX.put("GET /api/observations/imports/{id}",
                new Row(Access.READ, "/api/observations/imports/00000000-0000-0000-0000-000000000000", null, null,
                        404));
        MATRIX.put("POST /api/observations/imports/{id}/cancel",
                new Row(Access.WRITE, "/api/observations/imports/00000000-0000-0000-0000-000000000000/cancel", null,
                        null, 404));
        MATRIX.put("GET /api/observations/template.xlsx",
                new Row(Access.READ, "/api/observations/template.xlsx", null, null, 200));
        MATRIX.put("GET /api/reports/status", new Row(Access.READ, "/api/reports/status?format=csv", null, null, 200));
        MATRIX.put("GET /api/observations/export",
                new Row(Access.READ, "/api/observations/export?format=csv&indicator=" + CODE, null, null, 200));
        MATRIX.put("GET /api/me", new Row(Access.READ, "/api/me", null, null, 200));
        MATRIX.put("POST /api/session/logout", new Row(Access.PUBLIC, "/api/session/logout", null, null, 204));
        MATRIX.put("GET /api/session/options", new Row(Access.PUBLIC, "/api/session/options", null, null, 200));
        // Single sign-on only (the code flow is the one mechanism allowed there): without a provider
        // configured, as here, nobody gets in, Basic credentials included. SingleSignOnTest covers it on.
        MATRIX.put("GET /api/session/sso", new Row(Access.PUBLIC, "/api/session/sso", null, null, 401));
        MATRIX.put("GET /api/admin/backup", new Row(Access.ADMIN, "/api/admin/backup", null, null, 200));
        MATRIX.put("POST /api/admin/restore", new Row(Access.ADMIN, "/api/admin/restore", JSON, "{}", 400));
        MATRIX.put("GET /api/users", new Row(Access.ADMIN, "/api/users", null, null, 200));
        MATRIX.put("POST /api/users", new Row(Access.ADMIN, "/api/users", JSON, "{\"username\":\"X\"}", 400));
        MATRIX.put("GET /api/users/{username}", new Row(Access.ADMIN, "/api/users/viewer1", null, null, 200));
        // Lifecycle writes with a body or a user the endpoint refuses: the matrix changes no user.
        MATRIX.put("PUT /api/users/{username}",
                new Row(Access.ADMIN, "/api/users/viewer1", JSON, "{\"role\":\"superuser\"}", 400));
        MATRIX.put("DELETE /api/users/{username}",
                new Row(Access.ADMIN, "/api/users/no.such.user", null, null, 404));
        MATRIX.put("PUT /api/me/password", new Row(Access.READ, "/api/me/password", JSON, "{}", 400));
        MATRIX.put("POST /api/tokens", new Row(Access.READ, "/api/tokens", JSON, "{}", 400));
        MATRIX.put("GET /api/tokens", new Row(Access.READ, "/api/tokens", null, null, 200));
        MATRIX.put("DELETE /api/tokens/{id}", new Row(Access.READ, "/api/tokens/999999999", null, null, 404));
        // The web sign-in: each role signs in with its own user name and password in the form (no
        // Basic header); "anonymous" is a wrong password.
        MATRIX.put("POST /j_security_check", new Row(Access.READ, "/j_security_check",
                "application/x-www-form-urlencoded", null, 200));
    }

    /** Endpoints outside JAX-RS (not in the OpenAPI document), in the same matrix. */
    static final Map<String, Row> OUTSIDE_OPENAPI = Map.of(
            "GET /q/health/ready", new Row(Access.PUBLIC, "/q/health/ready", null, null, 200),
            "GET /q/metrics", new Row(Access.READ, "/q/metrics", null, null, 200),
            "GET /q/openapi", new Row(Access.READ, "/q/openapi", null, null, 200));

    private final Map<String, String> roles = new LinkedHashMap<>();

    @BeforeEach
    void users() {
        TestUsers.asViewer().get("/api/me").then().statusCode(200);
        TestUsers.asAnalyst().get("/api/me").then().statusCode(200);
        roles.put("anonymous", null);
        roles.put("viewer", Http.basic("viewer1", TestUsers.PASSWORD));
        roles.put("analyst", Http.basic("analyst1", TestUsers.PASSWORD));
        roles.put("admin", Http.basic("admin", TestUsers.ADMIN_PASSWORD));
        // Each role again with a personal access token of that role (Authorization: Bearer): the same answers.
        roles.put("viewer-token", bearer(TestUsers.asViewer()));
        roles.put("analyst-token", bearer(TestUsers.asAnalyst()));
        roles.put("admin-token", bearer(TestUsers.asAdmin()));
    }

    private static String bearer(io.restassured.specification.RequestSpecification user) {
        String expiresAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1).withNano(0).toString();
        return "Bearer " + user.contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "security matrix", "expiresAt", expiresAt)).post("/api/tokens").then()
                .statusCode(201).extract().path("token");
    }

    @Test
    void shouldListEveryEndpointOfTheOpenApiDocumentInTheMatrix() {
        Answer openapi = Http.send("GET", "/q/openapi?format=json", roles.get("viewer"), null, null);
        assertEquals(200, openapi.status());
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.json().path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(MATRIX.keySet());
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(documented);
        assertTrue(missing.isEmpty(), "endpoints without a row in the security matrix: " + missing);
        assertTrue(stale.isEmpty(), "rows for endpoints that do not exist: " + stale);
    }

    @Test
    void shouldAnswerEveryEndpointForEveryRoleAsTheMatrixSays() {
        Map<String, Row> all = new LinkedHashMap<>(MATRIX);
        all.putAll(OUTSIDE_OPENAPI);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        // Passwords first, then tokens, each over every endpoint: the sample's rows change state (load, then
        // remove), so each pass finds it as the first did.
        List<Map<String, String>> passes = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        roles.forEach((name, auth) -> passes.get(name.endsWith("-token") ? 1 : 0).put(name, auth));
        for (Map<String, String> pass : passes) {
            for (Map.Entry<String, Row> e : all.entrySet()) {
                String method = e.getKey().substring(0, e.getKey().indexOf(' '));
                Row row = e.getValue();
                for (Map.Entry<String, String> role : pass.entrySet()) {
                    Answer a = row.path().equals("/j_security_check")
                            ? Http.send(method, row.path(), null, row.contentType(), Nasty.b(signInForm(role.getKey())))
                            : Http.send(method, row.path(), role.getValue(), row.contentType(),
                                    row.body() == null ? null : Nasty.b(row.body()));
                    int expected = expected(row, role.getKey());
                    boolean ok = expected == 0 ? a.status() != 401 && a.status() != 403 && a.status() < 500
                            : a.status() == expected;
                    if (ok && (a.status() == 403) && !a.contentType().startsWith("application/problem+json")) {
                        ok = false;
                    }
                    if (!ok) {
                        wrong.add(e.getKey() + " as " + role.getKey() + ": expected " + expected + ", was " + a.status()
                                + " " + Http.abbreviate(a.text()));
                    }
                    checked++;
                }
            }
        }
        System.out.println("Security matrix: " + all.size() + " endpoints x " + roles.size() + " roles = " + checked
                + " requests, " + wrong.size() + " wrong");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static String signInForm(String role) {
        return switch (role.replace("-token", "")) {
            case "viewer" -> "j_username=viewer1&j_password=" + TestUsers.PASSWORD;
            case "analyst" -> "j_username=analyst1&j_password=" + TestUsers.PASSWORD;
            case "admin" -> "j_username=admin&j_password=" + TestUsers.ADMIN_PASSWORD;
            default -> "j_username=viewer1&j_password=wrong-password";
        };
    }

    private static int expected(Row row, String roleOrToken) {
        String role = roleOrToken.replace("-token", "");
        return switch (row.access()) {
            case PUBLIC -> row.allowed();
            case READ -> role.equals("anonymous") ? 401 : row.allowed();
            case WRITE -> role.equals("anonymous") ? 401 : role.equals("viewer") ? 403 : row.allowed();
            case ADMIN -> role.equals("anonymous") ? 401 : role.equals("admin") ? row.allowed() : 403;
        };
    }

    static final String SQL = "'; DROP TABLE observation;--";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    @Test
    void shouldStoreInjectionPayloadsLiterallyAndShowThemInertInHtmlAndPdf() throws Exception {
        String url = "/api/indicators/" + CODE + "/observations";
        String analyst = roles.get("analyst");
        Answer created = Http.send("POST", url, analyst, JSON, Nasty.b("{\"period\":\"2022\",\"value\":5.5,"
                + "\"source\":\"" + SQL + " " + IMG + "\",\"note\":\"" + SCRIPT + " " + SQL + "\"}"));
        assertEquals(201, created.status(), created.text());
        JsonNode stored = Http.send("GET", url + "/2022", analyst, null, null).json();
        assertEquals(SQL + " " + IMG, stored.path("source").asText(), "stored literally");
        assertEquals(SCRIPT + " " + SQL, stored.path("note").asText());
        assertEquals(200, Http.send("GET", url, analyst, null, null).status(), "the observation table is still there");

        Answer html = Http.send("GET", "/api/reports/status?format=html&lang=en&target=" + TARGET, analyst, null, null);
        assertEquals(200, html.status());
        String page = html.text();
        assertFalse(page.contains("<script"), "no script element in the HTML report");
        assertFalse(page.contains("<img"), "no img element in the HTML report");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the note is shown as escaped text");
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "the source is shown as escaped text");
        assertTrue(page.contains("DROP TABLE observation;--"), "the SQL text is shown as text");

        Answer pdf = Http.send("GET", "/api/reports/status?format=pdf&lang=en&target=" + TARGET, analyst, null, null);
        assertEquals(200, pdf.status());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            for (String payload : List.of(SQL, SCRIPT, IMG)) {
                assertTrue(text.contains(payload.replaceAll("\\s+", "")), "the PDF shows literally: " + payload);
            }
        }
    }
}
