package org.policytracker.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The application's own settings; each can be set by environment variable (tracker.seed.dir → TRACKER_SEED_DIR). */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

    /** Directory of the embedded database (used in the JDBC URL). */
    @WithDefault("./data")
    String dataDir();

    Seed seed();

    Admin admin();

    Security security();

    AssessmentSettings assessment();

    /** The pace-ratio thresholds of the assessment method (docs/ASSESSMENT.md). */
    interface AssessmentSettings {

        /** R at or above this is ON_TRACK. */
        @WithDefault("0.95")
        double onTrack();

        /** R at or above this (and below on-track) is AT_RISK; below it OFF_TRACK. */
        @WithDefault("0.6")
        double atRisk();
    }
    @WithName("import")
    Import imports();

    Values values();

    Storage storage();

    /**
     * The largest body an upload may have (an import file, a backup to restore): one over it is answered 413
     * problem+json naming the body, before it is read when it declares its length, as soon as it passes the
     * limit when it is sent chunked ({@link BodyLimitGuard}). Quarkus's quarkus.http.limits.max-body-size,
     * set a little above, is only a backstop (its own 413 has no body).
     */
    @WithDefault("200M")
    MemorySize maxUploadSize();

    /** How the embedded database's writes reach the disk (docs/RELIABILITY.md, part 2b). */
    interface Storage {

        /**
         * On embedded H2: force the database file to the disk (fsync, H2's CHECKPOINT SYNC) before a write
         * is answered, so that what was acknowledged survives a power cut or a kernel crash too, not only a
         * killed process. Writes that finish together share one fsync. PostgreSQL fsyncs at commit itself;
         * the setting does nothing there. Turning it off trades that guarantee for write throughput.
         */
        @WithDefault("true")
        boolean syncCommits();
    }

    /** Writes of values (entry, correction, deletion) one at a time. */
    interface Values {

        /**
         * How long a write waits for another writer of the same indicator (an import, say) to finish
         * before it is answered 503 "busy" (ValueLocks).
         */
        @WithDefault("30s")
        Duration lockWait();

        /**
         * A level this many times the nearest earlier value or baseline of its indicator, or this fraction
         * of it, is refused as implausible (a likely unit mistake) unless confirmed.
         */
        @WithDefault("10")
        double implausibleRatio();

        /**
         * A level implying a larger yearly rise than this percent (or the matching fall), compounded over the
         * years since the value it is compared with, is refused as implausible unless confirmed.
         */
        @WithDefault("100")
        double implausibleYearlyChange();
    }

    Reports reports();

    /**
     * Expensive reports. The limit is kept in memory by each instance: behind a load balancer a user may
     * make this many on each instance at once.
     */
    interface Reports {

        /** PDF reports one user may have in the making at once; one more is answered 429 with Retry-After. */
        @WithDefault("1")
        int maxPdfPerUser();

        /** The Retry-After of that 429: about what a PDF report takes to make. */
        @WithDefault("5s")
        Duration pdfRetryAfter();
    }

    Bench bench();

    /** Settings for the benchmark harness (bench/run) only; unset in production. */
    interface Bench {

        /**
         * A directory whose files are served at /bench-static/ by the same HTTP server, so that a
         * benchmark can compare an API answer with a static file of the same size. Unset: no route.
         */
        Optional<Path> staticDir();
    }

    interface Seed {

        /** A seed directory to load instead of the catalogue packaged in the application. */
        Optional<Path> dir();
    }

    interface Security {

        /** bcrypt cost of new password hashes: each step doubles the work of a sign-in and of a guess. */
        @WithDefault("10")
        int bcryptCost();

        /** A web app session ends after this long without a request (its idle timeout). */
        @WithDefault("PT30M")
        Duration sessionIdle();

        /** A web app session ends this long after sign-in, however busy (its absolute lifetime). */
        @WithDefault("PT8H")
        Duration sessionLifetime();

        /** The longest a personal access token may live (its expiresAt may be no later than now plus this). */
        @WithDefault("P366D")
        Duration tokenMaxLifetime();

        SignIn signIn();
    }

    /** Throttling of failed sign-ins (docs/RELIABILITY.md, part 5b). */
    interface SignIn {

        /** Failures of one user name from one client before that pair is locked out for a while. */
        @WithDefault("5")
        int pairFailures();

        /** Failures of one user name, from any clients, before it is locked out briefly for everyone. */
        @WithDefault("20")
        int userFailures();

        /** Failures from one client, for any user names, before that client is locked out for a while. */
        @WithDefault("20")
        int clientFailures();

        /** Failures are forgotten this long after the last one. */
        @WithDefault("PT15M")
        Duration window();

        /** The first lock-out; each failure while at or past the limit doubles it, up to maxLock. */
        @WithDefault("PT30S")
        Duration firstLock();

        /** The longest lock-out of a pair or a client. */
        @WithDefault("PT15M")
        Duration maxLock();

        /** The longest lock-out of a user name for every client: short, so an attacker cannot keep a user out. */
        @WithDefault("PT1M")
        Duration maxUserLock();
    }

    interface Admin {

        /** Password of the first admin, used only when the user table is empty. */
        Optional<String> password();
    }

    /** Bulk import of observations. */
    interface Import {

        /** Rows looked up and written per JDBC batch. */
        @WithDefault("1000")
        int batchSize();

        /** A job's progress counters are saved every this many rows, so pollers on any instance see them. */
        @WithDefault("5000")
        int progressEvery();

        /** Imports running at once on one instance; further ones wait as QUEUED. */
        @WithDefault("2")
        int maxParallel();

        /** The longest the one write transaction of an import may take. */
        @WithDefault("1h")
        Duration writeTimeout();

        /** How often an instance refreshes the heartbeat of the import jobs it runs, and looks for dead ones. */
        @WithDefault("10s")
        Duration heartbeatEvery();

        /** An unfinished job whose heartbeat is older than this is marked FAILED: its instance stopped. */
        @WithDefault("60s")
        Duration staleAfter();

        /** On shutdown, how long running imports may take to finish before they are stopped and rolled back. */
        @WithDefault("20s")
        Duration shutdownGrace();

        /*
         * Limits an upload is checked against before it is read (docs/RELIABILITY.md, "Limits"): each bounds
         * what one file can cost. Real indicator files have at most some tens of thousands of rows and the
         * value file's 14 columns; the defaults are several times that, so no real file meets them.
         */

        /** Rows of values a file may have (the header row not counted). */
        @WithDefault("200000")
        int maxRows();

        /**
         * Columns a row may have, counted to its last cell (a spreadsheet's stray empty columns count too,
         * hence more than the value file's 14).
         */
        @WithDefault("100")
        int maxColumns();

        /** Characters a cell may hold (the longest text a value takes, a note, is 4,000). */
        @WithDefault("10000")
        int maxCellChars();

        /** What an XLSX file may unpack to, all its parts together, counted while it is unpacked. */
        @WithDefault("100M")
        MemorySize maxUncompressedSize();

        /**
         * How many times smaller than its contents a part of an XLSX file may be packed (a workbook's XML packs
         * some 5 to 30 times; a zip bomb thousands of times). Checked once a part has unpacked to 1 MB.
         */
        @WithDefault("200")
        int maxCompressionRatio();

        /**
         * Imports one user may have queued or running at once, on one instance (the count is kept in
         * memory); one more is answered 429 with Retry-After.
         */
        @WithDefault("2")
        int maxPerUser();

        /** The Retry-After of that 429. */
        @WithDefault("10s")
        Duration retryAfter();
    }
}
