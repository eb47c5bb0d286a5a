package org.policytracker;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.policytracker.sample.SampleService;
import org.policytracker.system.ChangeStamp;

/**
 * Tests own their data: every test that enters values, milestone states or imports starts from a
 * database that holds the catalogue and the users, and none of these. One call, before each test; no
 * test depends on another having run, nor on indicators or years other tests keep away from.
 */
public final class TestData {

    private TestData() {
    }

    /**
     * Deletes every value, vintage, milestone state, audit entry and import job, and the sample mark (the
     * tables the sample's removal empties, {@link SampleService#VALUE_TABLES}), and every judgement.
     */
    public static void reset() {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : SampleService.VALUE_TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
            // Not a sample table (the sample records no judgement, and its removal keeps them).
            s.executeUpdate("DELETE FROM target_judgement");
            // Raw SQL passes the application's writes by: it increases the change stamp itself, or the dashboard
            // would answer from before the reset.
            s.executeUpdate(ChangeStamp.BUMP);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the test data", e);
        }
    }
}
