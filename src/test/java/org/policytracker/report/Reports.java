package org.policytracker.report;

import static org.policytracker.TestUsers.asViewer;

import io.restassured.response.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.policytracker.TestFiles;

/** Helpers of the report tests: entering values, fetching reports and the dashboard they must agree with. */
public final class Reports {

    static final List<String> STATUSES = List.of("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "MISSED", "NO_DATA");

    private Reports() {
    }

    /** GET /api/reports/status with the given query parameters (format included); expects 200. */
    public static Response report(Map<String, String> params) {
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

    static List<CSVRecord> csv(byte[] body) throws IOException {
        return TestFiles.csv(body);
    }

    static String removeWhiteSpace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
