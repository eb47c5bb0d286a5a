package org.policytracker.backup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * Backup and restore on the running instance: the file holds every table, restore brings the state
 * back exactly, and a file that cannot be restored changes nothing.
 */
@QuarkusTest
class BackupTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void shouldListEveryTableOfTheSchemaButFlywaysHistory() throws Exception {
        Set<String> tables = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                if (schema.equals("public")) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        tables.remove("flyway_schema_history");
        assertEquals(tables, new HashSet<>(BackupTables.ALL));
    }

    @Test
    void shouldBeForAdminsOnly() {
        asViewer().get("/api/admin/backup").then().statusCode(403);
        asAnalyst().contentType(ContentType.JSON).body("{}").post("/api/admin/restore").then().statusCode(403);
    }

    @Test
    void shouldRestoreTheStateExactlyAndDropWhatCameAfter() throws Exception {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 8.1, "note", "before backup"))
                .post("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations").then().statusCode(201);
        String backup = asAdmin().get("/api/admin/backup").then().statusCode(200)
                .header("Content-Disposition", containsString("tracker-backup-")).extract().asString();
        JsonNode file = JSON.readTree(backup);
        assertEquals("policy-target-tracker-backup", file.get("format").asText());
        assertTrue(file.at("/tables/target/rows").size() >= 50);
        assertTrue(file.at("/tables/tracker_user/columns").toString().contains("password_hash"));
        assertTrue(file.toString().contains("$2"), "users keep their bcrypt hashes");

        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 8.3))
                .post("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations").then().statusCode(201);

        asAdmin().contentType(ContentType.JSON).body(backup).post("/api/admin/restore").then().statusCode(200)
                .body("rows.target", equalTo(file.at("/tables/target/rows").size()));
        asViewer().get("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations/2022").then()
                .statusCode(404);
        asViewer().get("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations/2021").then().statusCode(200)
                .body("note", equalTo("before backup"));
        String again = asAdmin().get("/api/admin/backup").then().statusCode(200).extract().asString();
        ObjectNode restored = (ObjectNode) JSON.readTree(again).get("tables").deepCopy();
        ObjectNode original = (ObjectNode) file.get("tables").deepCopy();
        JsonNode auditAfter = restored.remove("audit_event");
        JsonNode auditBefore = original.remove("audit_event");
        assertEquals(original, restored, "every table as it was");
        // The audit trail as it was, and the restore itself after it.
        assertEquals(auditBefore.get("rows").size() + 1, auditAfter.get("rows").size());
        assertTrue(auditAfter.get("rows").get(auditAfter.get("rows").size() - 1).toString().contains("BACKUP_RESTORED"),
                auditAfter.get("rows").toString());
        asAdmin().queryParam("size", 1).get("/api/audit").then().body("items[0].action", equalTo("BACKUP_RESTORED"))
                .body("items[0].actor", equalTo("admin"));
        // New rows get new ids after a restore.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 8.4))
                .post("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations").then().statusCode(201);
    }

    @Test
    void shouldRefuseABackupFromANewerSchemaAndChangeNothing() throws Exception {
        String backup = asAdmin().get("/api/admin/backup").then().extract().asString();
        ObjectNode newer = (ObjectNode) JSON.readTree(backup);
        newer.put("schemaVersion", "999");
        ((ObjectNode) newer.get("tables")).remove("audit_event");
        asAdmin().contentType(ContentType.JSON).body(JSON.writeValueAsString(newer)).post("/api/admin/restore")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("schemaVersion"))
                .body("detail", containsString("newer schema (version 999)"));
        assertEquals(JSON.readTree(backup).get("tables"),
                JSON.readTree(asAdmin().get("/api/admin/backup").then().extract().asString()).get("tables"));
    }

    /** A backup whose first user (every user, to leave no admin) has {@code column} set to {@code value}. */
    private static String withUser(String backup, String column, String value) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(backup);
        JsonNode users = file.at("/tables/tracker_user");
        int at = -1;
        for (int i = 0; i < users.get("columns").size(); i++) {
            if (users.get("columns").get(i).asText().equals(column)) {
                at = i;
            }
        }
        for (JsonNode row : users.get("rows")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) row).set(at, JSON.getNodeFactory().textNode(value));
            if (!column.equals("role") || !value.equals("analyst")) {
                break; // one user changed; every user for "no admin"
            }
        }
        return JSON.writeValueAsString(file);
    }

    @Test
    void shouldRefuseUsersThatCouldNotSignInOrAdministerAndChangeNothing() throws Exception {
        String backup = asAdmin().get("/api/admin/backup").then().extract().asString();
        String[][] cases = {
                {"role", "analyst", "the file has no admin user"},
                {"role", "root", "the role 'root' of user"},
                {"password_hash", "plain-text-password", "is not a bcrypt hash"},
                {"username", "<b>admin</b>", "the user name '<b>admin</b>' is not allowed"}};
        for (String[] c : cases) {
            asAdmin().contentType(ContentType.JSON).body(withUser(backup, c[0], c[1])).post("/api/admin/restore")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", containsString(c[2]));
        }
        assertEquals(JSON.readTree(backup).get("tables"),
                JSON.readTree(asAdmin().get("/api/admin/backup").then().extract().asString()).get("tables"),
                "nothing changed");
    }

    @Test
    void shouldRollBackABrokenFileHalfWayThrough() throws Exception {
        String backup = asAdmin().get("/api/admin/backup").then().extract().asString();
        // Cut the file inside the observations: tables before it were already replaced, then it fails.
        String broken = backup.substring(0, backup.indexOf("\"observation_vintage\"") + 40);
        asAdmin().contentType(ContentType.JSON).body(broken).post("/api/admin/restore")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(JSON.readTree(backup).get("tables"),
                JSON.readTree(asAdmin().get("/api/admin/backup").then().extract().asString()).get("tables"),
                "nothing changed");
        asAdmin().contentType(ContentType.JSON).body("{\"format\": \"something-else\", \"tables\": {}}")
                .post("/api/admin/restore").then().statusCode(400).body("errors[0].field", equalTo("format"));
    }
}
