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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
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
        BackupTables.NOT_BACKED_UP.forEach(tables::remove);
        BackupTables.NOT_STATE.forEach(tables::remove);
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
        original.remove("audit_event");
        assertEquals(original, restored, "every table as it was");
        // The audit trail is append-only: the entry of the value entered after the backup stays (it happened), the
        // backup's one entry is this trail's own and is not appended twice, and the restore is audited last.
        JsonNode trail = auditAfter.get("rows");
        assertEquals(3, trail.size(), trail.toString());
        assertTrue(trail.get(1).toString().contains("\"2022\""), "the entry of the value the restore removed");
        asAdmin().queryParam("size", 1).get("/api/audit").then().body("items[0].action", equalTo("BACKUP_RESTORED"))
                .body("items[0].actor", equalTo("admin")).body("items[0].origin", equalTo("LIVE"))
                .body("items[0].after.backupSha256", equalTo(sha256(backup)))
                .body("items[0].after.users", equalTo(file.at("/tables/tracker_user/rows").size()))
                .body("items[0].after.values", equalTo(1)).body("items[0].after.auditEntriesRestored", equalTo(0))
                .body("items[0].after.auditEntriesAlreadyKept", equalTo(1))
                .body("items[0].after.backupCreatedBy", equalTo("admin"));
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
                .body("errors.size()", equalTo(1)).body("errors[0].field", equalTo("schemaVersion"))
                .body("errors[0].message", containsString("newer schema (version 999)"));
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
                {"role", "analyst", "tables.tracker_user", "the file has no enabled admin user"},
                {"role", "root", "tables.tracker_user.rows[0].role", "the role 'root' of user"},
                {"password_hash", "plain-text-password", "tables.tracker_user.rows[0].password_hash",
                        "is not a bcrypt hash"},
                {"username", "<b>admin</b>", "tables.tracker_user.rows[0].username",
                        "the user name '<b>admin</b>' is not allowed"}};
        for (String[] c : cases) {
            asAdmin().contentType(ContentType.JSON).body(withUser(backup, c[0], c[1])).post("/api/admin/restore")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[2]))
                    .body("errors[0].message", containsString(c[3]));
        }
        assertEquals(JSON.readTree(backup).get("tables"),
                JSON.readTree(asAdmin().get("/api/admin/backup").then().extract().asString()).get("tables"),
                "nothing changed");
    }

    @Test
    void shouldRefuseABrokenFileAndOneTheDatabaseRefusesHalfWayThroughAndChangeNothing() throws Exception {
        String backup = asAdmin().get("/api/admin/backup").then().extract().asString();
        // Cut the file inside the vintages: the check reads it to the end first and refuses it.
        String broken = backup.substring(0, backup.indexOf("\"observation_vintage\"") + 40);
        asAdmin().contentType(ContentType.JSON).body(broken).post("/api/admin/restore")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(JSON.readTree(backup).get("tables"), tables(), "nothing changed");
        // A seed file twice passes the check but not the primary key: the database refuses it after the catalogue
        // and the users were replaced in the restore's transaction, which rolls back.
        ObjectNode file = (ObjectNode) JSON.readTree(backup);
        ArrayNode seeds = (ArrayNode) file.at("/tables/seed_file/rows");
        seeds.add(seeds.get(0).deepCopy());
        asAdmin().contentType(ContentType.JSON).body(JSON.writeValueAsString(file)).post("/api/admin/restore")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertEquals(JSON.readTree(backup).get("tables"), tables(), "nothing changed");
        asAdmin().contentType(ContentType.JSON).body("{\"format\": \"something-else\", \"tables\": {}}")
                .post("/api/admin/restore").then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    /** Every table as a backup has them now. */
    private static JsonNode tables() throws Exception {
        return JSON.readTree(asAdmin().get("/api/admin/backup").then().statusCode(200).extract().asString())
                .get("tables");
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static int column(JsonNode table, String name) {
        for (int i = 0; i < table.get("columns").size(); i++) {
            if (table.get("columns").get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static void set(ObjectNode file, String table, int row, String column, JsonNode value) {
        JsonNode t = file.at("/tables/" + table);
        ((ArrayNode) t.get("rows").get(row)).set(column(t, column), value);
    }

    @Test
    void shouldListEveryProblemOfABackupInOneAnswerAndChangeNothing() throws Exception {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 8.1))
                .post("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations").then().statusCode(201);
        String backup = asAdmin().get("/api/admin/backup").then().extract().asString();
        JsonNode before = tables();
        ObjectNode file = (ObjectNode) JSON.readTree(backup);
        var nodes = JSON.getNodeFactory();
        set(file, "target", 0, "document_id", nodes.numberNode(999_999L)); // no such document
        set(file, "target", 1, "indicator_id", nodes.numberNode(888_888L)); // no such indicator
        set(file, "target", 2, "sort_order", nodes.textNode("first")); // not a number
        set(file, "target", 3, "code", nodes.nullNode()); // needs a value
        set(file, "tracker_user", 0, "role", nodes.textNode("root")); // the admin: so no admin is left either
        ((ArrayNode) file.at("/tables/observation/rows")).removeAll(); // its vintage now belongs to nothing
        ((ObjectNode) file.get("tables")).remove("sample_dataset");

        var answer = asAdmin().contentType(ContentType.JSON).body(JSON.writeValueAsString(file))
                .post("/api/admin/restore").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nothing was changed")).extract().jsonPath();
        List<String> fields = answer.getList("errors.field");
        assertEquals(List.of("tables.target.rows[0].document_id", "tables.target.rows[1].indicator_id",
                "tables.target.rows[2].sort_order", "tables.target.rows[3].code", "tables.tracker_user.rows[0].role",
                "tables.observation_vintage.rows[0].period", "tables.sample_dataset", "tables.tracker_user"), fields,
                answer.prettify());
        List<String> messages = answer.getList("errors.message");
        assertTrue(messages.get(0).contains("document_id '999999' of target names no document of the backup"),
                messages.get(0));
        assertTrue(messages.get(2).contains("not a whole number"), messages.get(2));
        assertTrue(messages.get(3).contains("is empty"), messages.get(3));
        assertTrue(messages.get(4).contains("use one of: viewer, analyst, admin"), messages.get(4));
        assertTrue(messages.get(5).contains("belongs to no value"), messages.get(5));
        assertTrue(messages.get(6).contains("lacks the table sample_dataset"), messages.get(6));
        assertTrue(messages.get(7).contains("has no enabled admin user"), messages.get(7));
        assertEquals(before, tables(), "nothing changed, the audit trail included");
    }

    @Test
    void shouldKeepTheLiveAuditTrailAndAppendTheBackupsAsRestoredHistoryOnce() throws Exception {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 8.1))
                .post("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations").then().statusCode(201);
        ObjectNode file = (ObjectNode) JSON.readTree(asAdmin().get("/api/admin/backup").then().extract().asString());
        // As if the backup came from another instance: its trail's entries have ids this trail does not.
        JsonNode audit = file.at("/tables/audit_event");
        for (JsonNode row : audit.get("rows")) {
            ((ArrayNode) row).set(column(audit, "id"), JSON.getNodeFactory().numberNode(row.get(0).asLong() + 500_000));
        }
        String backup = JSON.writeValueAsString(file);
        // A live entry recorded after the backup was taken.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 8.3))
                .post("/api/indicators/PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE/observations").then().statusCode(201);
        JsonNode liveBefore = JSON.readTree(asAdmin().queryParam("size", 500).get("/api/audit").then().extract()
                .asString()).get("items");
        assertEquals(2, liveBefore.size());

        asAdmin().contentType(ContentType.JSON).body(backup).post("/api/admin/restore").then().statusCode(200)
                .body("backupSha256", equalTo(sha256(backup))).body("auditRestored", equalTo(1))
                .body("auditAlreadyKept", equalTo(0));
        JsonNode items = JSON.readTree(asAdmin().queryParam("size", 500).get("/api/audit").then().extract().asString())
                .get("items");
        assertEquals(4, items.size(), items.toString());
        assertEquals("BACKUP_RESTORED", items.get(0).get("action").asText());
        JsonNode restored = items.get(1);
        assertEquals("RESTORED", restored.get("origin").asText());
        assertEquals(sha256(backup), restored.at("/restoredFrom/backupSha256").asText());
        assertEquals(audit.get("rows").get(0).get(0).asLong(), restored.at("/restoredFrom/originalId").asLong());
        assertEquals("OBSERVATION_CREATED", restored.get("action").asText());
        // The live entries exactly as they were: same ids, same content, still live.
        assertEquals(liveBefore, JSON.valueToTree(List.of(items.get(2), items.get(3))));
        assertTrue(liveBefore.get(0).get("origin").asText().equals("LIVE"));

        // The same backup again appends nothing more of its trail, only the restore's own entry.
        asAdmin().contentType(ContentType.JSON).body(backup).post("/api/admin/restore").then().statusCode(200)
                .body("auditRestored", equalTo(0)).body("auditAlreadyKept", equalTo(1));
        asAdmin().queryParam("size", 500).get("/api/audit").then().body("total", equalTo(5));
    }
}
