package org.policytracker.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A bare HTTP client for the reliability tests: it sends exactly the bytes and headers it is given
 * (malformed JSON, invalid UTF-8, wrong content types), which REST Assured would "helpfully" fix,
 * and it is several times faster per request, which matters at ten thousand requests.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The server may close a kept-alive connection after answering a request early (e.g. a 415
        // before reading a large body). A request that then meets the closed connection got no answer
        // and was never processed; let the client send it again on a fresh connection, as browsers do.
        System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    record Answer(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("HTTP " + status + " body is not JSON: " + abbreviate(text()), e);
            }
        }
    }

    static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request; {@code contentType} and {@code auth} may be null, {@code body} null for none. */
    static Answer send(String method, String pathAndQuery, String auth, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "… (" + s.length() + " chars)";
    }
}
