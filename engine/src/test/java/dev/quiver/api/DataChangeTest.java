package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.engine.storage.Table;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * DELETE, UPDATE, INSERT OR REPLACE/IGNORE and indexes through the API: command tags and counts,
 * statements that fail leaving the table and memory as they were, and writers that run
 * concurrently with them.
 */
class DataChangeTest extends ApiTestSupport {
    /** Rows in the table the concurrency tests update: enough that one UPDATE takes a while. */
    private static final int ROWS = 20_000;
    /** Rounds of UPDATE (or REPLACE) statements the concurrent writer tests run. */
    private static final int UPDATES = 8;
    /** Upper bound on waiting for another thread; reached only if the code under test hangs. */
    private static final long HANG_SECONDS = 60;

    @Test
    void statementsReportWhatTheyChanged() {
        exec("CREATE TABLE t (k INTEGER, v INTEGER)");
        exec("INSERT INTO t VALUES (1, 10), (2, NULL), (3, 30), (4, 40)");
        assertReports("UPDATE t SET v = v + 1 WHERE v > 15", "UPDATE 2", 2);
        assertReports("UPDATE t SET v = 0 WHERE v IS NULL OR k = 1", "UPDATE 2", 2);
        assertReports("DELETE FROM t WHERE v > 40", "DELETE 1", 1);
        assertThat(exec("DELETE FROM t WHERE k > 100")).isEqualTo("DELETE 0");
        assertThat(exec("UPDATE t SET v = 5 WHERE FALSE")).isEqualTo("UPDATE 0");
        assertThat(exec("CREATE UNIQUE INDEX i ON t (k)")).isEqualTo("CREATE INDEX");
        assertThat(exec("DROP INDEX i")).isEqualTo("DROP INDEX");
        assertThat(rows("SELECT k, v FROM t ORDER BY k")).containsExactly(row(1, 0), row(2, 0), row(3, 31));
        assertThat(exec("DELETE FROM t")).isEqualTo("DELETE 3");
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(0L);
    }

    @Test
    void aFailedUpdateChangesNothingAndFreesItsMemory() {
        exec("CREATE TABLE t (k INTEGER NOT NULL, s VARCHAR(3))");
        exec("INSERT INTO t SELECT k, 'abc' FROM (VALUES (1), (2), (3)) v (k)");
        exec("INSERT INTO t SELECT k + 3, s FROM t");
        exec("CREATE UNIQUE INDEX u ON t (k)");
        assertFailuresChangeNothing("SELECT k, s FROM t ORDER BY k", Map.of(
                "UPDATE t SET s = s || 'x' WHERE k = 6", SqlState.STRING_DATA_RIGHT_TRUNCATION,
                "UPDATE t SET k = NULL WHERE k > 5", SqlState.NOT_NULL_VIOLATION,
                "UPDATE t SET k = k % 3", SqlState.UNIQUE_VIOLATION));
        assertThat(error("UPDATE t SET k = k % 3").getMessage()).contains("duplicate key value violates unique constraint \"u\"");
    }

    @Test
    void insertOrReplaceAndOrIgnoreReportTheRowsTheyInserted() {
        exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)");
        exec("INSERT INTO t VALUES (1, 10), (2, 20)");
        // As SQLite counts: every row is inserted, although the third replaces the second.
        assertReports("REPLACE INTO t VALUES (2, 21), (3, 30), (3, 31)", "INSERT 0 3", 3);
        assertReports("INSERT OR IGNORE INTO t VALUES (1, 0), (4, 40), (4, 0)", "INSERT 0 1", 1);
        assertThat(exec("INSERT OR IGNORE INTO t VALUES (1, 0)")).isEqualTo("INSERT 0 0");
        assertThat(exec("INSERT OR REPLACE INTO t SELECT k, v FROM t WHERE k > 100")).isEqualTo("INSERT 0 0");
        assertThat(exec("REINDEX TABLE t")).isEqualTo("REINDEX");
        assertThat(exec("CREATE INDEX t_v ON t (v)")).isEqualTo("CREATE INDEX");
        assertThat(exec("REINDEX t_v")).isEqualTo("REINDEX");
        assertThat(rows("SELECT k, v FROM t ORDER BY k")).containsExactly(row(1, 10), row(2, 21), row(3, 31), row(4, 40));
    }

    @Test
    void aFailedReplaceChangesNothingAndFreesItsMemory() {
        exec("CREATE TABLE t (k INTEGER NOT NULL, s VARCHAR(3), u INTEGER UNIQUE)");
        exec("INSERT INTO t SELECT k, 'abc', k FROM (VALUES (1), (2), (3)) v (k)");
        exec("CREATE UNIQUE INDEX i ON t (k)");
        assertFailuresChangeNothing("SELECT k, s, u FROM t ORDER BY k", Map.of(
                "REPLACE INTO t VALUES (1, 'x', 1), (2, 'long', 3)", SqlState.STRING_DATA_RIGHT_TRUNCATION,
                "REPLACE INTO t SELECT CASE WHEN k = 3 THEN NULL ELSE k END, s, u FROM t", SqlState.NOT_NULL_VIOLATION,
                "INSERT OR IGNORE INTO t SELECT k + 10, s, 10 / (k - 3) FROM t", SqlState.DIVISION_BY_ZERO));
        // The unique constraints still hold and are still enforced.
        assertThat(error("INSERT INTO t VALUES (1, 'x', 9)").sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        assertThat(error("INSERT INTO t VALUES (9, 'x', 1)").sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
    }

    @Test
    void viewsAreNotUpdatable() {
        exec("CREATE TABLE t (k INTEGER)");
        exec("CREATE VIEW v AS SELECT k FROM t");
        for (String sql : List.of("DELETE FROM v", "UPDATE v SET k = 1", "INSERT INTO v VALUES (1)", "REPLACE INTO v VALUES (1)",
                "INSERT OR REPLACE INTO v VALUES (1)", "INSERT OR IGNORE INTO v VALUES (1)")) {
            QuiverException e = error(sql);
            assertThat(e.sqlState()).as(sql).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(e.getMessage()).as(sql).contains("view \"v\"").contains("views are not updatable");
        }
        exec("DROP VIEW v");
    }

    @Test
    void anInsertWaitingForTheWriteLockLandsAfterTheUpdate() throws Exception {
        fill();
        Table table = table("t");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Session second = db.connect()) {
            Future<String> insert = table.whileWriting(() -> {
                Future<String> pending = other.submit(() -> status(second, "INSERT INTO t VALUES (-1, 0)"));
                awaitWaitingWriter(table, pending);
                assertThat(pending).isNotDone();
                // Reentrant: this session's UPDATE runs inside the write lock held here.
                assertThat(exec("UPDATE t SET v = v + 1")).isEqualTo("UPDATE " + ROWS);
                return pending;
            });
            assertThat(insert.get(HANG_SECONDS, TimeUnit.SECONDS)).isEqualTo("INSERT 0 1");
        } finally {
            other.shutdownNow();
        }
        assertThat(value("SELECT count(*) FROM t")).isEqualTo((long) ROWS + 1);
        assertThat(value("SELECT v FROM t WHERE k = -1")).isEqualTo(0);
        assertThat(value("SELECT count(*) FROM t WHERE k >= 0 AND v = 1")).isEqualTo((long) ROWS);
    }

    @Test
    void concurrentInsertsDuringUpdatesAreNeverLost() throws Exception {
        fill();
        // The DELETE removes nothing: it keeps the write lock busy.
        insertWhileRewriting(List.of("UPDATE t SET v = v + 1 WHERE k >= 0", "DELETE FROM t WHERE k >= " + ROWS));
    }

    @Test
    void concurrentInsertsDuringReplacesAreNeverLost() throws Exception {
        fill();
        exec("CREATE UNIQUE INDEX t_k ON t (k)");
        // Each REPLACE deletes every original row and rewrites the table; the INSERT OR IGNORE skips them all.
        insertWhileRewriting(List.of("REPLACE INTO t SELECT k, v + 1 FROM t WHERE k >= 0",
                "INSERT OR IGNORE INTO t SELECT k, -1 FROM t WHERE k >= 0"));
    }

    /**
     * Runs {@code round} {@link #UPDATES} times in one session, each round adding 1 to {@code v} of
     * every row with {@code k >= 0}, while another session inserts rows with new negative keys until
     * the rounds end; then checks that no insert and no round was lost.
     */
    private void insertWhileRewriting(List<String> round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean rewriting = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        try (Session writer = db.connect(); Session inserter = db.connect()) {
            writer.set("execution_mode", "verify");
            Future<?> rewrites = pool.submit(() -> {
                try {
                    started.await();
                    for (int i = 0; i < UPDATES; i++) {
                        for (String sql : round) {
                            status(writer, sql);
                        }
                    }
                } finally {
                    rewriting.set(false);
                }
                return null;
            });
            Future<Integer> inserts = pool.submit(() -> {
                started.countDown();
                int n = 0;
                while (rewriting.get() || n == 0) {
                    n++;
                    status(inserter, "INSERT INTO t VALUES (" + -n + ", 0)");
                }
                return n;
            });
            rewrites.get(HANG_SECONDS, TimeUnit.SECONDS);
            int inserted = inserts.get(HANG_SECONDS, TimeUnit.SECONDS);

            assertThat(value("SELECT count(*) FROM t")).isEqualTo((long) ROWS + inserted);
            assertThat(value("SELECT count(DISTINCT k) FROM t WHERE k < 0")).isEqualTo((long) inserted);
            assertThat(value("SELECT min(k) FROM t")).isEqualTo(-inserted);
            // no round was lost either: every original row was incremented by each of them
            assertThat(value("SELECT count(*) FROM t WHERE k >= 0 AND v = " + UPDATES)).isEqualTo((long) ROWS);
            assertThat(value("SELECT count(*) FROM t WHERE k < 0 AND v BETWEEN 0 AND " + UPDATES)).isEqualTo((long) inserted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void distinctEstimatesFollowTheNewRows() {
        exec("CREATE TABLE t (k INTEGER, g INTEGER)");
        exec("INSERT INTO t SELECT k, k FROM (VALUES (0)) v (k)");
        for (int i = 0; i < 10; i++) {
            exec("INSERT INTO t SELECT k + (SELECT count(*) FROM t), 0 FROM t");
        }
        Table table = table("t");
        assertThat(table.distinctValues(0).orElseThrow()).isBetween(1000L, 1050L);
        exec("UPDATE t SET k = k % 10");
        assertThat(table.distinctValues(0).orElseThrow()).isEqualTo(10L);
        exec("DELETE FROM t WHERE k > 0");
        assertThat(table.distinctValues(0).orElseThrow()).isEqualTo(1L);
        assertThat(table.statistics().rowCount()).isEqualTo(1024 / 10 + 1);
    }

    /** Runs {@code sql} and checks its command tag and the number of rows it reports changed. */
    private void assertReports(String sql, String status, long rowCount) {
        try (Result r = session.execute(sql)) {
            assertThat(r.status()).as(sql).isEqualTo(status);
            assertThat(r.rowCount()).as(sql).isEqualTo(rowCount);
        }
    }

    /**
     * Runs each statement of {@code failures}, which must fail with the SQLSTATE it maps to, and
     * checks that none changed the rows {@code query} returns or the memory the tables take.
     */
    private void assertFailuresChangeNothing(String query, Map<String, String> failures) {
        long stored = storageBytes();
        List<List<Object>> before = rows(query);
        failures.forEach((sql, state) -> assertThat(error(sql).sqlState()).as(sql).isEqualTo(state));
        assertThat(rows(query)).isEqualTo(before);
        assertThat(storageBytes()).isEqualTo(stored);
    }

    private void fill() {
        exec("CREATE TABLE t (k INTEGER, v INTEGER)");
        exec("INSERT INTO t VALUES (0, 0)");
        while ((long) value("SELECT count(*) FROM t") < ROWS) {
            exec("INSERT INTO t SELECT k + (SELECT count(*) FROM t), 0 FROM t WHERE k + (SELECT count(*) FROM t) < " + ROWS);
        }
        assertThat(value("SELECT count(DISTINCT k) FROM t")).isEqualTo((long) ROWS);
    }

    private static String status(Session s, String sql) {
        try (Result r = s.execute(sql)) {
            return r.status();
        }
    }

    /** Waits until another thread queues for the table's write lock, or fails if {@code pending} ends first. */
    private static void awaitWaitingWriter(Table table, Future<?> pending) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
        while (!table.hasWaitingWriters()) {
            assertThat(pending).as("the INSERT finished without waiting for the write lock").isNotDone();
            assertThat(System.nanoTime()).as("the INSERT never reached the write lock").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
