package org.policytracker.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/**
 * An admin locked out by any path gets back in with TRACKER_ADMIN_PASSWORD (the test profile sets it): at start,
 * {@code admin} is made an admin with that password, audited, and a start with nothing to recover changes nothing.
 */
@QuarkusTest
class AdminRecoveryTest {

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @AfterEach
    void adminAsTheOtherTestsExpectIt() {
        QuarkusTransaction.requiringNew().call(bootstrap::recoverAdmin);
    }

    private boolean recover() {
        return QuarkusTransaction.requiringNew().call(bootstrap::recoverAdmin);
    }

    private void sql(String statement, String... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private int recoveries() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'ADMIN_RECOVERED'"
                        + " AND actor = 'system'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void shouldChangeNothingWhenAdminAlreadyHasThePassword() throws Exception {
        assertFalse(recover(), "admin is an admin with the configured password");
        assertEquals(0, recoveries(), "nothing audited");
    }

    @Test
    void shouldResetAForgottenPasswordOnceAndAuditIt() throws Exception {
        sql("UPDATE tracker_user SET password_hash = ? WHERE username = 'admin'",
                BcryptUtil.bcryptHash("a-password-nobody-remembers", 4));
        asAdmin().get("/api/me").then().statusCode(401);

        assertTrue(recover());
        asAdmin().get("/api/me").then().statusCode(200).body("username", equalTo("admin"));
        assertEquals(1, recoveries());
        asAdmin().queryParam("size", 1).get("/api/audit").then().body("items[0].action", equalTo("ADMIN_RECOVERED"))
                .body("items[0].after.passwordReset", equalTo(true));

        assertFalse(recover(), "the next start finds the hash matching and changes nothing");
        assertEquals(1, recoveries());
    }

    @Test
    void shouldGiveADemotedAdminTheRoleBack() throws Exception {
        sql("UPDATE tracker_user SET role = 'viewer' WHERE username = 'admin'");
        asAdmin().get("/api/users").then().statusCode(403);

        assertTrue(recover());
        asAdmin().get("/api/users").then().statusCode(200);
        asAdmin().queryParam("size", 1).get("/api/audit").then().body("items[0].before.role", equalTo("viewer"))
                .body("items[0].after.role", equalTo("admin")).body("items[0].after.passwordReset", equalTo(false));
    }

    @Test
    void shouldEnableADisabledAdmin() throws Exception {
        sql("UPDATE tracker_user SET enabled = FALSE WHERE username = 'admin'");

        assertTrue(recover());
        asAdmin().get("/api/users/admin").then().statusCode(200).body("enabled", equalTo(true));
        asAdmin().queryParam("size", 1).get("/api/audit").then().body("items[0].before.enabled", equalTo(false))
                .body("items[0].after.enabled", equalTo(true)).body("items[0].after.passwordReset", equalTo(false));
        assertFalse(recover());
    }

    @Test
    void shouldCreateAMissingAdmin() throws Exception {
        TestUsers.asViewer(); // another user exists, so the first-admin path would not run
        sql("DELETE FROM tracker_user WHERE username = 'admin'");
        asAdmin().get("/api/me").then().statusCode(401);

        assertTrue(recover());
        asAdmin().get("/api/users").then().statusCode(200);
        assertEquals(1, recoveries());
    }
}
