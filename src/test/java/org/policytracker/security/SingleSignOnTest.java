package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/**
 * Sign-in through an OpenID Connect provider (a WireMock mock of one), beside Basic and form
 * sign-in: the browser is sent to the provider, comes back with a session cookie, and the
 * provider's groups claim decides what the user may do. Values they enter carry their name.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.Sso.class)
public class SingleSignOnTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    static final String CLIENT_ID = "policy-tracker";
    static final String ISSUER = "https://server.example.com";

    /** Single sign-on switched on, as an operator would, against the mock provider; a database of its own. */
    public static class Sso implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.data-dir", "./target/test-data-sso",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", CLIENT_ID,
                    "quarkus.oidc.credentials.secret", "a-client-secret-for-the-mock-provider-only");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @OidcWireMock
    WireMockServer provider;

    @Test
    void shouldOfferSingleSignOnOnTheSignInPage() {
        given().get("/api/session/options").then().statusCode(200)
                .body("sso", equalTo(true)).body("ssoPath", equalTo("/api/session/sso"));
    }

    @Test
    void shouldSignAnAnalystInThroughTheProviderAndLetThemEnterAValueUnderTheirName() {
        Map<String, String> session = signIn("ana.sso", Set.of("analyst"));

        given().cookies(session).get("/api/me").then().statusCode(200)
                .body("username", equalTo("ana.sso")).body("roles", containsInAnyOrder("analyst"));
        given().cookies(session).contentType(ContentType.JSON)
                .body("{\"period\":\"2023\",\"value\":41.2,\"source\":\"SSO test\"}")
                .post("/api/indicators/" + indicatorTakingValues() + "/observations")
                .then().statusCode(201).body("createdBy", equalTo("ana.sso"));
    }

    @Test
    void shouldGiveAViewerFromTheProviderNoWrites() {
        Map<String, String> session = signIn("vera.sso", Set.of("viewer"));

        given().cookies(session).get("/api/targets").then().statusCode(200);
        given().cookies(session).contentType(ContentType.JSON)
                .body("{\"period\":\"2023\",\"value\":1,\"source\":\"x\"}")
                .post("/api/indicators/" + indicatorTakingValues() + "/observations")
                .then().statusCode(403);
    }

    @Test
    void shouldRefuseAProviderUserWithoutAnyOfTheAppsRoles() {
        Map<String, String> session = signIn("nobody.sso", Set.of("staff"));

        given().cookies(session).get("/api/targets").then().statusCode(403);
    }

    @Test
    void shouldSignOutOfTheSingleSignOnSession() {
        Map<String, String> session = signIn("otto.sso", Set.of("viewer"));
        Response logout = given().cookies(session).post("/api/session/logout");
        logout.then().statusCode(204);
        Map<String, String> after = new HashMap<>(session);
        logout.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                after.remove(c.getName());
            } else {
                after.put(c.getName(), c.getValue());
            }
        });
        assertTrue(after.keySet().stream().noneMatch(name -> name.startsWith("q_session")),
                "the session cookie is cleared: " + logout.getHeaders().getValues("Set-Cookie"));
        given().cookies(after).header("X-Requested-With", "fetch").get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldKeepBasicAndTheAppsChallengeBesideSingleSignOn() {
        // API clients still get a Basic challenge, not a redirect to the provider; the app a bare 401.
        given().redirects().follow(false).get("/api/targets").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
        given().redirects().follow(false).header("X-Requested-With", "fetch").get("/api/targets").then()
                .statusCode(401);
        TestUsers.asAdmin().get("/api/me").then().statusCode(200).body("username", equalTo("admin"));
    }

    @Test
    void shouldRefuseAForgedSessionCookie() {
        given().redirects().follow(false).header("X-Requested-With", "fetch")
                .cookie("q_session", "forged.value.here").get("/api/me").then().statusCode(401);
    }

    /**
     * The browser's round trip: the app sends it to the provider, the user signs in there (the mock
     * redirects straight back with a code), the app exchanges the code for tokens naming
     * {@code user} with {@code groups}, sets its session cookie and sends the browser on to the app.
     */
    private Map<String, String> signIn(String user, Set<String> groups) {
        signsInNext(provider, user, groups);

        Response start = given().redirects().follow(false).get("/api/session/sso");
        assertEquals(302, start.statusCode(), start.asString());
        URI authorize = URI.create(start.header("Location"));
        assertTrue(authorize.toString().startsWith(provider.baseUrl() + "/auth/realms/quarkus"), authorize.toString());
        Map<String, String> query = query(authorize);
        assertEquals(CLIENT_ID, query.get("client_id"));
        Map<String, String> cookies = new HashMap<>(start.getCookies());

        Response login = given().redirects().follow(false).baseUri(provider.baseUrl()).port(provider.port())
                .queryParam("redirect_uri", query.get("redirect_uri")).queryParam("state", query.get("state"))
                .get("/login");
        assertEquals(302, login.statusCode());
        URI back = URI.create(login.header("Location"));

        Response callback = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(back.getRawPath() + "?" + back.getRawQuery());
        assertEquals(302, callback.statusCode(), callback.asString());
        cookies.putAll(callback.getCookies());
        String sessionCookie = cookies.keySet().stream().filter(n -> n.startsWith("q_session")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + callback.getHeaders()));
        assertNotNull(cookies.get(sessionCookie));

        Response landing = given().redirects().follow(false).cookies(cookies)
                .get(URI.create(callback.header("Location"))
                        .getRawPath());
        assertEquals(303, landing.statusCode(), landing.asString());
        assertEquals("/", URI.create(landing.header("Location")).getPath());
        Map<String, String> session = new HashMap<>();
        cookies.forEach((name, value) -> {
            if (name.startsWith("q_session")) {
                session.put(name, value);
            }
        });
        return session;
    }

    /** The provider's next code exchange answers tokens for {@code user} in {@code groups}. */
    public static void signsInNext(WireMockServer provider, String user, Set<String> groups) {
        provider.stubFor(WireMock.post("/auth/realms/quarkus/token")
                .withRequestBody(WireMock.containing("authorization_code"))
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token(user, groups) + "\",\"id_token\":\""
                                + token(user, groups) + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    private static String token(String user, Set<String> groups) {
        return Jwt.preferredUserName(user).groups(groups).issuer(ISSUER).audience(CLIENT_ID).subject("sub-" + user)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String indicatorTakingValues() {
        return "NON_FOSSIL_SHARE";
    }
}
