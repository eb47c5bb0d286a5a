/*
 * H2's MVStore loses updates under optimistic locking: two transactions correcting one row both see
 * the same version and both commit (H2 2.4.240, the tracker's, and 2.3.232 and 2.5.252 alike),
 * with OPTIMIZE_REUSE_RESULTS=FALSE as well as without.
 *
 * 20 threads on a pool of 20 connections correct 5 rows as the tracker used to: read the version;
 * then in a READ COMMITTED transaction (a new PreparedStatement each time, as ObservationStore does)
 * UPDATE ... SET version = version read + 1 WHERE id = ? AND version = ?, commit. Every commit should
 * have produced a version no other commit produced, so the sum of the versions equals the number of
 * commits. Modes (-Dm=...):
 *
 *   index       first SELECT ... WHERE indicator_id = ? AND period IN (?) FOR UPDATE (the tracker's lookup)
 *   id          first SELECT ... WHERE id = ? FOR UPDATE
 *   none        no SELECT ... FOR UPDATE: the UPDATE's version check alone
 *   serialized  as index, but a Java lock per row is held from before the lookup until after the commit:
 *               what the tracker does now (ValueLocks, per indicator)
 *
 *   java -Dm=index -Ds=60 -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar LostUpdate.java \
 *       ";WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE"
 *
 * Figures are in docs/RELIABILITY.md, part 3.
 */
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.*;

public class LostUpdate {
    public static void main(String[] a) throws Exception {
        String settings = a.length > 0 ? a[0] : "";
        String mode = System.getProperty("m", "index");
        String url = "jdbc:h2:file:" + System.getProperty("java.io.tmpdir") + "/h2-lost-update-" + System.nanoTime() + ";LOCK_TIMEOUT=30000" + settings;
        int threads = 20, rows = 5; long seconds = Long.parseLong(System.getProperty("s", "20"));
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE obs(id BIGINT PRIMARY KEY, indicator_id BIGINT, period VARCHAR(16), v DOUBLE, version BIGINT)");
            c.createStatement().execute("CREATE UNIQUE INDEX obs_ip ON obs(indicator_id, period)");
            for (int i = 0; i < rows; i++) c.createStatement().execute("INSERT INTO obs VALUES (" + i + ", 7, '" + (2016 + i) + "', 0, 0)");
        }
        BlockingQueue<Connection> pool = new LinkedBlockingQueue<>();
        for (int i = 0; i < threads; i++) { Connection c = DriverManager.getConnection(url); c.setAutoCommit(false); c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED); pool.add(c); }
        Lock[] rowLocks = new Lock[rows];
        for (int i = 0; i < rows; i++) rowLocks[i] = new ReentrantLock(true);
        ConcurrentHashMap<String, Boolean> won = new ConcurrentHashMap<>();
        AtomicInteger dup = new AtomicInteger(), ok = new AtomicInteger(), stale = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) { int w = t; fs.add(ex.submit(() -> {
            Random r = new Random(w);
            int row = w % rows;
            String period = String.valueOf(2016 + row);
            while (System.nanoTime() < end) {
                Connection c = pool.take();
                boolean serialized = mode.equals("serialized"), locked = false;
                try {
                    long seen;
                    try (PreparedStatement q = c.prepareStatement("SELECT version FROM obs WHERE indicator_id = ? AND period IN (?)")) {
                        q.setLong(1, 7); q.setString(2, period);
                        try (ResultSet rs = q.executeQuery()) { rs.next(); seen = rs.getLong(1); }
                    }
                    c.commit();
                    if (serialized) { rowLocks[row].lock(); locked = true; }
                    long version = seen;
                    if (!mode.equals("none")) {
                        String sql = mode.equals("id") ? "SELECT version FROM obs WHERE id = ? FOR UPDATE"
                                : "SELECT version FROM obs WHERE indicator_id = 7 AND period IN (?) FOR UPDATE";
                        try (PreparedStatement q = c.prepareStatement(sql)) {
                            if (mode.equals("id")) q.setLong(1, row); else q.setString(1, period);
                            try (ResultSet rs = q.executeQuery()) { rs.next(); version = rs.getLong(1); }
                        }
                        if (version != seen) { stale.incrementAndGet(); c.rollback(); continue; }
                    }
                    try (PreparedStatement u = c.prepareStatement("UPDATE obs SET (v, version) = (?, ?) WHERE id = ? AND version = ?")) {
                        u.setDouble(1, r.nextDouble()); u.setLong(2, version + 1); u.setLong(3, row); u.setLong(4, version);
                        u.addBatch();
                        int[] n = u.executeBatch();
                        if (n[0] != 1) { stale.incrementAndGet(); c.rollback(); continue; }
                    }
                    c.commit();
                    ok.incrementAndGet();
                    if (won.putIfAbsent(period + "@" + (version + 1), true) != null) dup.incrementAndGet();
                } finally {
                    if (locked) rowLocks[row].unlock();
                    pool.put(c);
                }
            }
            return null; })); }
        for (Future<?> f : fs) f.get();
        ex.shutdown();
        long total;
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery("SELECT SUM(version) FROM obs")) { rs.next(); total = rs.getLong(1); }
        System.out.println(mode + (settings.isEmpty() ? "" : " " + settings) + ": commits=" + ok + " stale=" + stale + " versionsGivenTwice=" + dup + " sumVersions=" + total + " lost=" + (ok.get() - total));
        for (Connection c : pool) c.close();
    }
}
