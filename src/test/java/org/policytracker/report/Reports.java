package org.policytracker.report;

import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Helpers of the report tests: entering values, fetching reports and the dashboard they must agree with. */
final class Reports {

    static final List<String> STATUSES = List.of("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "MISSED", "NO_DATA");

    private Reports() {
    }

    static void post(String indicator, String period, double value, String form, String source, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("period", period, "value", value, "form", form));
        if (source != null) {
            body.put("source", source);
        }
        if (note != null) {
            body.put("note", note);
        }
        asAnalyst().contentType(ContentType.JSON).body(body).post("/api/indicators/" + indicator + "/observations")
                .then().statusCode(201);
    }

    static void post(String indicator, String period, double value) {
        post(indicator, period, value, "LEVEL", null, null);
    }

    /** GET /api/reports/status with the given query parameters (format included); expects 200. */
    static Response report(Map<String, String> params) {
        Response response = asViewer().queryParams(params).get("/api/reports/status");
        response.then().statusCode(200);
        return response;
    }

    /** The dashboard entries for the same parameters, by target id. */
    static Map<String, Map<String, Object>> dashboard(Map<String, String> params) {
        Map<String, String> query = new HashMap<>(params);
        query.keySet().retainAll(List.of("asOf", "knownAt", "document", "theme"));
        List<Map<String, Object>> entries = asViewer().queryParams(query).get("/api/dashboard").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put((String) e.get("id"), e));
        return byId;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> assessment(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("assessment");
    }

    static String status(Map<String, Object> entry) {
        return (String) assessment(entry).get("status");
    }

    /** Targets per status, every status present, in the report's order. */
    static Map<String, Integer> counts(Map<String, Map<String, Object>> dashboard) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0));
        dashboard.values().forEach(e -> counts.merge(status(e), 1, Integer::sum));
        return counts;
    }

    /** The records of a CSV whose first character must be the byte order mark. */
    static List<CSVRecord> csv(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("the CSV does not start with a byte order mark");
        }
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    static String removeWhiteSpace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
