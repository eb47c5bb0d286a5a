package org.policytracker.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KillAfterAnswer} on the PostgreSQL build: the application is killed, the database is not, and
 * every acknowledged write must be there after the restart. Needs the PostgreSQL build and a database,
 * so .ci/run runs it by name: {@code -Dit.test=KillAfterAnswerPgIT -Dtracker.pg.app.dir=…}. It fails,
 * never skips, when they are missing.
 */
class KillAfterAnswerPgIT {

    private static final String URL = System.getProperty("tracker.pg.url",
            "jdbc:postgresql://localhost:5432/tracker_it");

    @TempDir
    Path work;

    @Test
    void shouldKeepEveryAcknowledgedWriteThroughAKillStraightAfterTheAnswer() throws Exception {
        String dir = System.getProperty("tracker.pg.app.dir");
        if (dir == null || !Files.isRegularFile(Path.of(dir, "quarkus-run.jar"))) {
            throw new AssertionError("Set -Dtracker.pg.app.dir to the PostgreSQL build (quarkus-app), was " + dir);
        }
        try (Connection c = DriverManager.getConnection(URL, "tracker", "tracker"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        Path seed = SyntheticSeed.write(work.resolve("seed"), KillAfterAnswer.indicatorsNeeded(),
                Path.of(System.getProperty("tracker.seed.source", "seed-data")));
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", URL, "QUARKUS_DATASOURCE_USERNAME", "tracker",
                "QUARKUS_DATASOURCE_PASSWORD", "tracker", "TRACKER_SEED_DIR", seed.toString(),
                "TRACKER_ADMIN_PASSWORD", KillAfterAnswer.PASSWORD);
        System.out.println(new KillAfterAnswer(Path.of(dir), work, env).run("PostgreSQL"));
    }
}
