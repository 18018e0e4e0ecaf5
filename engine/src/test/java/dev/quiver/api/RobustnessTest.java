package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Cancellation, memory limits, closed sessions and databases, leak detection. */
class RobustnessTest extends ApiTestSupport {
    private static final String EXPENSIVE = "SELECT k % 500009 AS g, count(*), sum(v), max(s), min(s || 'y') FROM big "
            + "GROUP BY k % 500009 ORDER BY 2 DESC, 1 LIMIT 3";

    /** big(k, v, s): 4 rows doubled {@code doublings} times; k runs 1..rows. */
    private long buildBig(int doublings) {
        exec("CREATE TABLE big (k BIGINT, v DOUBLE, s VARCHAR)");
        exec("INSERT INTO big VALUES (1, 1.5, 'a'), (2, 2.5, 'bb'), (3, 3.5, 'ccc'), (4, 4.5, 'dddd')");
        for (int i = 0; i < doublings; i++) {
            exec("INSERT INTO big SELECT k + " + (4L << i) + ", v * 2, s || 'x' FROM big");
        }
        return 4L << doublings;
    }

    // ---------------------------------------------------------------- cancel

    @Test
    void cancelFromAnotherThreadStopsALongQuery() throws Exception {
        session.set("execution_mode", "compile");
        exec("CREATE TABLE warm (k BIGINT, v DOUBLE, s VARCHAR)");
        // compile and load everything the query needs while it is cheap, so that the cancel lands in execution
        rows(EXPENSIVE.replace("FROM big", "FROM warm"));
        long n = buildBig(19);
        assertThat(n).isEqualTo(2_097_152L);

        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger cancels = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                started.await();
                // cancel after ~50 ms, and again should the first one come before the query started running
                while (!finished.get()) {
                    Thread.sleep(50);
                    if (!finished.get()) {
                        session.cancel();
                        cancels.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        QuiverException e;
        try {
            started.countDown();
            e = assertThrows(QuiverException.class, () -> session.execute(EXPENSIVE).close());
        } finally {
            finished.set(true);
            canceller.join();
        }
        assertThat(e.sqlState()).isEqualTo("57014");
        assertThat(e.getMessage()).contains("canceling statement due to user request");
        assertThat(cancels.get()).isPositive();
        // the cancelled query left no memory behind, and the database carries on
        assertThat(db.allocatedBytes()).isEqualTo(storageBytes());
        assertThat(rows("SELECT count(*), max(k) FROM big")).containsExactly(row(n, n));
        session.cancel(); // with nothing running: no effect on the next statement
        assertThat(rows("SELECT count(*) FROM big WHERE k % 2 = 0")).containsExactly(row(n / 2));
        try (Session other = db.connect()) {
            assertThat(rows(other, "SELECT s FROM big WHERE k = 5")).containsExactly(row("ax"));
        }
        exec("DROP TABLE big");
        exec("DROP TABLE warm");
        assertThat(db.allocatedBytes()).isZero();
    }

    @Test
    void cancelOnAnIdleSessionDoesNothing() {
        session.cancel();
        assertThat(value("SELECT 1 + 1")).isEqualTo(2);
        session.cancel();
        session.cancel();
        assertThat(value("SELECT 2 + 1")).isEqualTo(3);
    }

    // ---------------------------------------------------------------- memory limit

    @Test
    void memoryLimitStopsABigQueryAndSaysHowToRaiseIt() {
        session.set("execution_mode", "compile");
        long n = buildBig(16);
        session.set("memory_limit", "1MB");
        String big = "SELECT k, s FROM big WHERE k <= 100000 ORDER BY k DESC";
        QuiverException e = error(big);
        assertThat(e.sqlState()).isEqualTo("53200");
        assertThat(e.getMessage()).contains("memory_limit").contains("1048576").contains("SET memory_limit");
        assertThat(db.allocatedBytes()).isEqualTo(storageBytes());

        // the session still works: small queries within the limit, and the big one once it is raised
        assertThat(rows("SELECT count(*), max(k) FROM big")).containsExactly(row(n, n));
        exec("SET memory_limit = '256MB'");
        try (Result r = session.execute(big)) {
            assertThat(r.rowCount()).isEqualTo(100_000);
            assertThat(r.rows().get(0).values()).isEqualTo(row(100_000L, "dddd" + "x".repeat(Long.bitCount((100_000L - 1) / 4))));
        }
        assertThat(db.allocatedBytes()).isEqualTo(storageBytes());
    }

    @Test
    void memoryLimitCountsTheHeapOfHashTablesAndBufferedRows() {
        long n = buildBig(16);
        List<String> queries = List.of("SELECT count(*) FROM (SELECT k FROM big GROUP BY k) g",
                "SELECT count(*) FROM big a JOIN big b ON a.k = b.k + 1",
                "SELECT k FROM big ORDER BY k DESC, s LIMIT 1 OFFSET 200000");
        List<List<Object>> answers = List.of(row(n), row(n - 1), row(n - 200_000));
        for (String mode : List.of("interpret", "compile")) {
            session.set("execution_mode", mode);
            // The queries hold megabytes of Java heap (groups, build rows, rows to sort) but little Arrow memory.
            session.set("memory_limit", "2MB");
            for (String q : queries) {
                QuiverException e = error(q);
                assertThat(e.sqlState()).as(mode + ": " + q).isEqualTo("53200");
                assertThat(e.getMessage()).contains("memory_limit (2097152 bytes)").contains("SET memory_limit = '4MB'");
                assertThat(db.allocatedBytes()).isEqualTo(storageBytes());
            }
            session.set("memory_limit", "1GB");
            for (int i = 0; i < queries.size(); i++) {
                assertThat(rows(queries.get(i))).as(mode + ": " + queries.get(i)).containsExactly(answers.get(i));
            }
        }
        // EXPLAIN ANALYZE's peak counts that heap too: the 262,144 groups alone take more than 4 MB.
        List<String> plan = rows("EXPLAIN ANALYZE " + queries.get(0)).stream().map(r -> (String) r.get(0)).toList();
        assertThat(plan).anyMatch(l -> l.matches("Peak memory: \\d+\\.\\d MiB") && Double.parseDouble(l.replaceAll("[^0-9.]", "")) > 4);
    }

    @Test
    void runningOutOfJavaHeapIsAnOutOfMemoryErrorOfTheStatementAlone() {
        QuiverException e = error("CALL fail_heap()");
        assertThat(e.sqlState()).isEqualTo("53200");
        assertThat(e.getMessage()).startsWith("out of memory: the JVM's heap (").contains("java -Xmx").contains("lower memory_limit");
        assertThat(e.getCause()).isInstanceOf(OutOfMemoryError.class);
        assertThat(value("SELECT 2 + 1")).isEqualTo(3);
    }

    @Test
    void memoryLimitAlsoStopsInsertSelectWithoutChangingTheTable() {
        session.set("execution_mode", "interpret");
        long n = buildBig(15);
        exec("CREATE TABLE copy (k BIGINT, v DOUBLE, s VARCHAR)");
        exec("INSERT INTO copy VALUES (0, 0, 'zero')");
        session.set("memory_limit", "256KB");
        QuiverException e = error("INSERT INTO copy SELECT * FROM big");
        assertThat(e.sqlState()).isEqualTo("53200");
        assertThat(rows("SELECT count(*) FROM copy")).containsExactly(row(1L));
        session.set("memory_limit", "1GB");
        assertThat(exec("INSERT INTO copy SELECT * FROM big")).isEqualTo("INSERT 0 " + n);
        assertThat(rows("SELECT count(*) FROM copy")).containsExactly(row(n + 1));
    }

    @Test
    void databaseMemoryLimitStopsInsertsAtomically() {
        try (Database small = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(1).withMemoryLimit(4L << 20));
                Session s = small.connect()) {
            s.set("execution_mode", "interpret");
            s.execute("CREATE TABLE t (k BIGINT, s VARCHAR)").close();
            s.execute("INSERT INTO t VALUES (1, 'some text to take space'), (2, 'more text to take more space')").close();
            long rows = 2;
            QuiverException failure = null;
            for (int i = 0; i < 30 && failure == null; i++) {
                try {
                    s.execute("INSERT INTO t SELECT k + " + rows + ", s FROM t").close();
                    rows *= 2;
                } catch (QuiverException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("a 4 MB database cannot double forever").isNotNull();
            assertThat(failure.sqlState()).isEqualTo("53200");
            assertThat(failure.getMessage()).contains("out of memory");
            long allocated = small.allocatedBytes();
            assertThat(rows(s, "SELECT count(*), max(k) FROM t")).containsExactly(row(rows, rows));
            // a query that runs into the database's limit (not the session's 8 GB) says which limit it was
            QuiverException e = assertThrows(QuiverException.class, () -> s.execute("SELECT k, s || s || s FROM t ORDER BY 2").close());
            assertThat(e.sqlState()).isEqualTo("53200");
            assertThat(e.getMessage()).contains("the database's memory limit (4194304 bytes").contains("DatabaseOptions.memoryLimit")
                    .doesNotContain("SET memory_limit = '16GB'");
            assertThat(small.allocatedBytes()).isEqualTo(allocated);
            s.execute("DROP TABLE t").close();
            assertThat(small.allocatedBytes()).isZero();
        }
    }

    // ---------------------------------------------------------------- everything is a QuiverException

    @Test
    void closedSessionRejectsEverything() {
        exec("CREATE TABLE t (a INTEGER)");
        Session s = db.connect();
        s.close();
        s.close();
        List<Executable> uses = List.of(
                () -> s.execute("SELECT 1"),
                () -> s.executeScript("SELECT 1; SELECT 2"),
                () -> {
                    try (VectorSchemaRoot batch = VectorSchemaRoot.create(session.tableSchema("t"), session.bufferAllocator())) {
                        s.append("t", batch);
                    }
                });
        for (Executable use : uses) {
            QuiverException e = assertThrows(QuiverException.class, use);
            assertThat(e.sqlState()).isEqualTo("55006");
            assertThat(e.getMessage()).isEqualTo("session is closed");
        }
        // other sessions are unaffected
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(0L);
    }

    @Test
    void closedDatabaseRejectsEverything() {
        Database other = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(1));
        Session s = other.connect();
        s.execute("CREATE TABLE t (a INTEGER)").close();
        s.execute("INSERT INTO t VALUES (1)").close();
        other.close();
        assertThat(other.allocatedBytes()).isZero();
        other.close();
        List<Executable> uses = List.of(
                other::connect,
                () -> s.execute("SELECT 1"),
                () -> s.execute("SELECT a FROM t"),
                () -> s.executeScript("SELECT 1"));
        for (Executable use : uses) {
            QuiverException e = assertThrows(QuiverException.class, use);
            assertThat(e.sqlState()).isEqualTo("55006");
            assertThat(e.getMessage()).isEqualTo("database is closed");
        }
    }

    @Test
    void badInputAndRuntimeErrorsAreQuiverExceptionsWithSqlStates() {
        exec("CREATE TABLE t (a INTEGER, s VARCHAR, d DECIMAL(5,2))");
        exec("INSERT INTO t VALUES (0, 'x', 1.00), (2147483647, '12a', 999.99)");
        String[][] cases = {
            {"SELEC 1", "42601"},
            {"SELECT nope FROM t", "42703"},
            {"SELECT * FROM nope", "42P01"},
            {"SELECT 1 / a FROM t", "22012"},
            {"SELECT a + 1 FROM t", "22003"},
            {"SELECT CAST(s AS INTEGER) FROM t", "22P02"},
            {"SELECT a, count(*) FROM t", "42803"},
            {"INSERT INTO t VALUES (1, 'x', 1000.00)", "22003"},
            {"CREATE TABLE t (b INTEGER)", "42P07"},
            {"DROP TABLE nope", "42P01"},
            {"CREATE VIEW t AS SELECT 1", "42P07"},
            {"DROP VIEW t", "42809"},
            {"SELECT (SELECT a FROM t)", "21000"},
            {"SELECT 1 INTERSECT ALL SELECT 1", "0A000"},
            {"", null},
            {"SELECT upper(1, 2, 3)", null},
        };
        for (String[] c : cases) {
            QuiverException e = error(c[0]);
            if (c[1] != null) {
                assertThat(e.sqlState()).as(c[0]).isEqualTo(c[1]);
            }
            assertThat(e.sqlState()).as(c[0]).isNotEqualTo("XX000");
            assertThat(e.getMessage()).as(c[0]).doesNotContain("Exception");
        }
        assertThat(rows("SELECT count(*) FROM t")).containsExactly(row(2L));
        assertThat(db.allocatedBytes()).isEqualTo(storageBytes());
    }

    // ---------------------------------------------------------------- memory accounting and leaks

    @Test
    void memoryReturnsToZeroAfterEveryResultIsClosed() {
        buildBig(12);
        long storage = storageBytes();
        assertThat(db.allocatedBytes()).isEqualTo(storage);
        List<Result> open = new ArrayList<>();
        for (String mode : List.of("interpret", "compile", "verify")) {
            session.set("execution_mode", mode);
            open.add(session.execute("SELECT k, s FROM big ORDER BY v DESC"));
            open.add(session.execute("SELECT s, count(*) FROM big GROUP BY s"));
            open.add(session.execute("EXPLAIN ANALYZE SELECT sum(k) FROM big"));
        }
        assertThat(db.allocatedBytes()).isGreaterThan(storage);
        for (Result r : open) {
            assertThat(r.rowCount()).isPositive();
            r.close();
        }
        assertThat(db.allocatedBytes()).isEqualTo(storage);
        exec("DROP TABLE big");
        assertThat(db.allocatedBytes()).isZero();
    }

    @Test
    void closingTheDatabaseWithAnOpenResultFailsLoudly() {
        exec("CREATE TABLE t (a INTEGER, s VARCHAR)");
        exec("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        Result open = session.execute("SELECT a, s FROM t ORDER BY a");
        QuiverException e = assertThrows(QuiverException.class, db::close);
        assertThat(e.sqlState()).isEqualTo("XX000");
        assertThat(e.getMessage()).contains("Arrow memory still allocated when the database closed")
                .contains("close every Result first").contains("query-");
        // the database is closed all the same
        assertThat(assertThrows(QuiverException.class, () -> session.execute("SELECT 1")).getMessage()).isEqualTo("database is closed");
        assertThat(assertThrows(QuiverException.class, db::connect).sqlState()).isEqualTo("55006");
        // the result is still readable, closing it releases the rest, and then the database closes cleanly
        assertThat(open.rows().stream().map(r -> r.values()).toList()).containsExactly(row(1, "one"), row(2, "two"));
        open.close();
        assertThat(db.allocatedBytes()).isZero();
        db.close();
        db.close();
    }

    @Test
    void closingTheDatabaseWithAnOpenResultOfNoTableFailsLoudly() {
        Result open = session.execute("SELECT 'still open' AS x");
        QuiverException e = assertThrows(QuiverException.class, db::close);
        assertThat(e.sqlState()).isEqualTo("XX000");
        assertThat(e.getMessage()).contains("close every Result first");
        assertThat(open.rows().get(0).getString(0)).isEqualTo("still open");
        open.close();
        assertThat(db.allocatedBytes()).isZero();
        db.close();
    }

    @Test
    void closingTheDatabaseWithAppendBuffersOpenFailsLoudly() {
        exec("CREATE TABLE t (a INTEGER)");
        VectorSchemaRoot batch = VectorSchemaRoot.create(session.tableSchema("t"), session.bufferAllocator());
        batch.allocateNew();
        QuiverException e = assertThrows(QuiverException.class, db::close);
        assertThat(e.getMessage()).contains("close every Result first").contains("storage");
        batch.close();
        assertThat(db.allocatedBytes()).isZero();
        db.close();
    }

    @Test
    void readerThenResultCloseCleanly() throws Exception {
        Result open = session.execute("SELECT CAST(1.5 AS DECIMAL(10,2)) AS d");
        try (ArrowReader reader = open.reader()) {
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(reader.getVectorSchemaRoot().getVector(0).getObject(0)).isEqualTo(new java.math.BigDecimal("1.50"));
            assertThat(reader.loadNextBatch()).isFalse();
            // the database cannot close while the reader is open
            assertThat(assertThrows(QuiverException.class, db::close).getMessage()).contains("close every Result first");
        }
        open.close();
        assertThat(db.allocatedBytes()).isZero();
        db.close();
    }
}
