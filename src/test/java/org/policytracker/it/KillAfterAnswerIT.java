package org.policytracker.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of acknowledged write survives kill -9 0–10 ms after its answer, on the embedded default
 * (the packaged jar, target/quarkus-app): {@link KillAfterAnswer}. A long run of its own (7 kinds × 20
 * trials, one restart each), so .ci/run runs it by name: {@code -Dit.test=KillAfterAnswerIT}.
 */
class KillAfterAnswerIT {

    @TempDir
    Path work;

    @Test
    void shouldKeepEveryAcknowledgedWriteThroughAKillStraightAfterTheAnswer() throws Exception {
        Path seed = SyntheticSeed.write(work.resolve("seed"), KillAfterAnswer.indicatorsNeeded(),
                Path.of(System.getProperty("tracker.seed.source", "seed-data")));
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(), "TRACKER_SEED_DIR",
                seed.toString(), "TRACKER_ADMIN_PASSWORD", KillAfterAnswer.PASSWORD);
        System.out.println(new KillAfterAnswer(Path.of(System.getProperty("tracker.app.dir", "target/quarkus-app")),
                work, env).run("H2"));
    }
}
