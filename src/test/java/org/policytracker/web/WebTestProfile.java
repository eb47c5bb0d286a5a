package org.policytracker.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The browser tests run against a database of their own: they count targets by status and read
 * series on screen, which values entered by the API tests (one shared database) would change.
 */
public class WebTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tracker.data-dir", "./target/test-data-web");
    }
}
