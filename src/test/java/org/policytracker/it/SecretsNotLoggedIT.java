package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Secrets are never logged" (issue #17, point 1), on the packaged application with every log category at DEBUG:
 * a first start without TRACKER_ADMIN_PASSWORD (the admin's password generated) and a second with it, each
 * signing in by form and by Basic with right and wrong passwords, with a session cookie and an API token, creating
 * a user and downloading the backup (which holds every password hash); then the whole output (stdout and stderr,
 * start to shutdown) is searched for every secret that passed through the server.
 *
 * <p>
 * To cover a new kind of secret, {@link #secret} it where the test learns it, or add its shape to
 * {@link #SHAPES}.
 */
class SecretsNotLoggedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CONFIGURED = "configured-Admin-pass-5521";
    private static final String USER = "scan.user";
    private static final String USER_PASSWORD = "scan-user-Secret-4417-qx";
    private static final String WRONG = "wrong-Password-7731-zz";

    /** Shapes of secrets whose values the test does not learn, or that must never appear in any form. */
    private static final Map<String, Pattern> SHAPES = Map.of(
            "a bcrypt hash", Pattern.compile("\\$2[aby]\\$\\d{2}\\$"),
            "an API token", Pattern.compile("ptt_[A-Za-z0-9_-]{20,}"));

    @TempDir
    Path work;

    /** What must not appear in any log line, by what it is. */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private void secret(String what, String value) {
        if (value != null && !value.isEmpty()) {
            secrets.put(what + " (" + secrets.size() + ")", value);
        }
    }

    @Test
    void shouldLogNoSecretAtAnyLevel() throws Exception {
        Path data = work.resolve("data");
        Map<String, String> env = new HashMap<>(Map.of("TRACKER_DATA_DIR", data.toString(),
                // Every category at DEBUG (the most Quarkus builds in), ours too (application.properties says INFO).
                "QUARKUS_LOG_LEVEL", "DEBUG", "QUARKUS_LOG_CATEGORY__ORG_POLICYTRACKER__LEVEL", "DEBUG"));
        List<String> logs = new ArrayList<>();

        String generated;
        try (AppProcess app = AppProcess.start(work, env)) { // closed (stopped) even when the start fails
            app.awaitReady();
            Path file = data.resolve("initial-admin-password");
            assertTrue(Files.exists(file), app.output());
            generated = Files.readString(file).strip();
            secret("the generated admin password", generated);
            exercise(app, generated);
            assertEquals(201, app.postJson("/api/users", "{\"username\":\"" + USER + "\",\"password\":\""
                    + USER_PASSWORD + "\",\"role\":\"analyst\"}", "admin", generated).statusCode());
            secret("the new user's password", USER_PASSWORD);
            exercise(app, USER, USER_PASSWORD);
            app.stop();
            logs.add(app.output());
        }

        env.put("TRACKER_ADMIN_PASSWORD", CONFIGURED);
        secret("the configured admin password", CONFIGURED);
        try (AppProcess app = AppProcess.start(work, env)) { // closed (stopped) even when the start fails
            app.awaitReady();
            assertFalse(Files.exists(data.resolve("initial-admin-password")),
                    "the generated password's file is deleted once the password is another:\n" + app.output());
            assertEquals(401, app.get("/api/me", "admin", generated).statusCode());
            exercise(app, CONFIGURED);
            exercise(app, USER, USER_PASSWORD);
            app.stop();
            logs.add(app.output());
        }

        Path sessionKey = data.resolve("session.key");
        if (Files.exists(sessionKey)) {
            secret("the session key", Files.readString(sessionKey).strip());
        }
        String all = String.join("\n", logs);
        assertTrue(all.contains(" DEBUG ["), "the logs are at DEBUG");
        List<String> found = new ArrayList<>();
        secrets.forEach((what, value) -> lines(all).stream().filter(l -> l.contains(value)).findFirst()
                .ifPresent(line -> found.add(what + ": " + line)));
        SHAPES.forEach((what, shape) -> lines(all).stream().filter(l -> shape.matcher(l).find()).findFirst()
                .ifPresent(line -> found.add(what + ": " + line)));
        assertEquals(List.of(), found, "secrets in the log (" + secrets.size() + " secrets and " + SHAPES.size()
                + " shapes searched in " + all.length() + " characters of log)");
    }

    /** What an admin does: the form (right and wrong password), Basic (both), a token, the backup, sign-out. */
    private void exercise(AppProcess app, String adminPassword) throws Exception {
        exercise(app, "admin", adminPassword);
        HttpResponse<String> backup = app.get("/api/admin/backup", "admin", adminPassword);
        assertEquals(200, backup.statusCode());
        assertTrue(SHAPES.get("a bcrypt hash").matcher(backup.body()).find(),
                "the backup holds password hashes, which the scan would find if they were logged");
    }

    /** A user's sign-ins: form and Basic, each with the right and a wrong password, a token, then sign-out. */
    private void exercise(AppProcess app, String username, String password) throws Exception {
        basic(username, password);
        basic(username, WRONG);
        secret("a wrong password", WRONG);
        assertEquals(200, app.get("/api/me", username, password).statusCode());
        assertEquals(401, app.get("/api/me", username, WRONG).statusCode());

        assertEquals(401, signIn(app, username, WRONG).statusCode());
        HttpResponse<String> signedIn = signIn(app, username, password);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String cookie = null;
        for (String setCookie : signedIn.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            secret("a session cookie", pair.substring(pair.indexOf('=') + 1));
            cookie = pair;
        }
        assertTrue(cookie != null, "a session cookie: " + signedIn.headers().map());
        assertEquals(200, app.request("GET", "/api/me", Map.of("Cookie", cookie), null).statusCode());

        HttpResponse<String> token = app.request("POST", "/api/tokens", Map.of("Cookie", cookie, "Content-Type",
                "application/json"),
                "{\"name\":\"log scan\",\"expiresAt\":\"" + OffsetDateTime.now().plusDays(1)
                        + "\"}");
        assertEquals(201, token.statusCode(), token.body());
        String secret = JSON.readTree(token.body()).get("token").asText();
        secret("an API token", secret);
        assertEquals(200, app.request("GET", "/api/me", Map.of("Authorization", "Bearer " + secret), null)
                .statusCode());
        String forged = secret.substring(0, secret.length() - 4) + "AAAA";
        secret("a wrong API token", forged);
        assertEquals(401, app.request("GET", "/api/me", Map.of("Authorization", "Bearer " + forged), null)
                .statusCode());

        assertEquals(204, app.request("POST", "/api/session/logout", Map.of("Cookie", cookie), null).statusCode());
        assertEquals(401, app.request("GET", "/api/me", Map.of("Cookie", cookie), null).statusCode());
    }

    private void basic(String username, String password) {
        secret("Basic credentials", Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> signIn(AppProcess app, String username, String password) throws Exception {
        return app.request("POST", "/j_security_check", Map.of("Content-Type", FORM), "j_username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private static List<String> lines(String log) {
        return log.lines().toList();
    }
}
