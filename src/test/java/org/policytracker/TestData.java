package org.policytracker;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tests own their data: every test that enters values, milestone states or imports starts from a
 * database that holds the catalogue and the users, and none of these. One call, before each test; no
 * test depends on another having run, nor on indicators or years other tests keep away from.
 */
public final class TestData {

    /** What analysts write, children first. The catalogue and the users stay. */
    private static final String[] TABLES = {"audit_event", "observation_vintage", "observation", "milestone_update",
            "import_job"};

    private TestData() {
    }

    /** Deletes every value, vintage, milestone state, audit entry and import job. */
    public static void reset() {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the test data", e);
        }
    }
}
