package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.engine.storage.Table;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * DELETE, UPDATE and indexes through the API: command tags and counts, statements that fail
 * leaving the table and memory as they were, and writers that run concurrently with them.
 */
class DataChangeTest extends ApiTestSupport {
    /** Rows in the table the concurrency tests update: enough that one UPDATE takes a while. */
    private static final int ROWS = 20_000;
    /** UPDATE statements the concurrent writer test runs. */
    private static final int UPDATES = 8;
    /** Upper bound on waiting for another thread; reached only if the code under test hangs. */
    private static final long HANG_SECONDS = 60;

    @Test
    void statementsReportWhatTheyChanged() {
        exec("CREATE TABLE t (k INTEGER, v INTEGER)");
        exec("INSERT INTO t VALUES (1, 10), (2, NULL), (3, 30), (4, 40)");
        try (Result r = session.execute("UPDATE t SET v = v + 1 WHERE v > 15")) {
            assertThat(r.status()).isEqualTo("UPDATE 2");
            assertThat(r.rowCount()).isEqualTo(2);
        }
        try (Result r = session.execute("UPDATE t SET v = 0 WHERE v IS NULL OR k = 1")) {
            assertThat(r.status()).isEqualTo("UPDATE 2");
        }
        try (Result r = session.execute("DELETE FROM t WHERE v > 40")) {
            assertThat(r.status()).isEqualTo("DELETE 1");
            assertThat(r.rowCount()).isEqualTo(1);
        }
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
        long stored = storageBytes();
        List<List<Object>> before = rows("SELECT k, s FROM t ORDER BY k");

        QuiverException tooLong = error("UPDATE t SET s = s || 'x' WHERE k = 6");
        assertThat(tooLong.sqlState()).isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION);
        QuiverException notNull = error("UPDATE t SET k = NULL WHERE k > 5");
        assertThat(notNull.sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION);
        QuiverException duplicate = error("UPDATE t SET k = k % 3");
        assertThat(duplicate.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        assertThat(duplicate.getMessage()).contains("duplicate key value violates unique constraint \"u\"");

        assertThat(rows("SELECT k, s FROM t ORDER BY k")).isEqualTo(before);
        assertThat(storageBytes()).isEqualTo(stored);
    }

    @Test
    void viewsAreNotUpdatable() {
        exec("CREATE TABLE t (k INTEGER)");
        exec("CREATE VIEW v AS SELECT k FROM t");
        for (String sql : List.of("DELETE FROM v", "UPDATE v SET k = 1", "INSERT INTO v VALUES (1)")) {
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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean updating = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        try (Session writer = db.connect(); Session inserter = db.connect()) {
            writer.set("execution_mode", "verify");
            Future<?> updates = pool.submit(() -> {
                try {
                    started.await();
                    for (int i = 0; i < UPDATES; i++) {
                        status(writer, "UPDATE t SET v = v + 1 WHERE k >= 0");
                        status(writer, "DELETE FROM t WHERE k >= " + ROWS); // none: keeps the write lock busy
                    }
                } finally {
                    updating.set(false);
                }
                return null;
            });
            Future<Integer> inserts = pool.submit(() -> {
                started.countDown();
                int n = 0;
                while (updating.get() || n == 0) {
                    n++;
                    status(inserter, "INSERT INTO t VALUES (" + -n + ", 0)");
                }
                return n;
            });
            updates.get(HANG_SECONDS, TimeUnit.SECONDS);
            int inserted = inserts.get(HANG_SECONDS, TimeUnit.SECONDS);

            assertThat(value("SELECT count(*) FROM t")).isEqualTo((long) ROWS + inserted);
            assertThat(value("SELECT count(DISTINCT k) FROM t WHERE k < 0")).isEqualTo((long) inserted);
            assertThat(value("SELECT min(k) FROM t")).isEqualTo(-inserted);
            // no UPDATE was lost either: every original row was incremented by each of them
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
