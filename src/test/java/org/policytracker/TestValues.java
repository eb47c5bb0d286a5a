package org.policytracker;

import static org.policytracker.TestUsers.asAnalyst;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/** Entering values through the API, as an analyst would. */
public final class TestValues {

    private TestValues() {
    }

    /**
     * POSTs a value; expects 201. A form other than the indicator's published one is confirmed: tests choose
     * their forms freely (EntrySlipsApiTest shows the confirmation itself).
     */
    public static void post(String indicator, String period, double value, String form, String source, String note) {
        // Values for tests of other things: any form, any level (the rules' own tests check the refusals).
        Map<String, Object> body = new HashMap<>(Map.of("period", period, "value", value, "form", form,
                "confirmForm", true, "confirm", true));
        if (source != null) {
            body.put("source", source);
        }
        if (note != null) {
            body.put("note", note);
        }
        asAnalyst().contentType(ContentType.JSON).body(body).post("/api/indicators/" + indicator + "/observations")
                .then().statusCode(201);
    }

    /** POSTs a level; expects 201. */
    public static void post(String indicator, String period, double value) {
        post(indicator, period, value, "LEVEL", null, null);
    }
}
