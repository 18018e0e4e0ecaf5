package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.engine.storage.Table;
import dev.quiver.error.QuiverException;
import dev.quiver.exec.pipeline.TableSnapshot;
import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * Table storage as the API shows it: snapshots isolated from later writes, DROP TABLE with open
 * readers, chunking of small and large appends, atomic INSERTs and exact copies of every type.
 */
class StorageSnapshotTest extends ApiTestSupport {
    private static final int CHUNK_ROWS = 4096;

    // ---------------------------------------------------------------- snapshots

    @Test
    void snapshotDoesNotSeeLaterInserts() {
        exec("CREATE TABLE t (k INTEGER)");
        exec("INSERT INTO t VALUES (1), (2), (3)");
        Table t = table("t");
        try (TableSnapshot before = t.snapshot()) {
            // a small insert rebuilds the partly filled last chunk; a large one adds chunks
            exec("INSERT INTO t VALUES (4), (5)");
            exec("INSERT INTO t SELECT k + 10 FROM t");
            exec("INSERT INTO t SELECT k + 100 FROM t");
            exec("INSERT INTO t SELECT k + 1000 FROM t");
            exec("INSERT INTO t SELECT k + 10000 FROM t");
            exec("INSERT INTO t SELECT k + 100000 FROM t");
            exec("INSERT INTO t SELECT k + 1000000 FROM t");
            exec("INSERT INTO t SELECT k + 10000000 FROM t");
            exec("INSERT INTO t SELECT k + 100000000 FROM t");

            assertThat(intValues(before)).containsExactly(1, 2, 3);
            assertThat(value("SELECT count(*) FROM t")).isEqualTo(5L * 256);
            assertThat(t.rowCount()).isEqualTo(5L * 256);
            try (TableSnapshot after = t.snapshot()) {
                assertThat(intValues(after)).hasSize(5 * 256).startsWith(1, 2, 3, 4, 5, 11, 12);
            }
        }
        assertThat(rows("SELECT k FROM t WHERE k < 10 ORDER BY k"))
                .containsExactly(row(1), row(2), row(3), row(4), row(5));
    }

    @Test
    void snapshotsSeeExactlyTheRowsCommittedBeforeThem() {
        exec("CREATE TABLE t (k BIGINT)");
        Table t = table("t");
        List<TableSnapshot> snapshots = new ArrayList<>();
        List<Long> expectedCounts = new ArrayList<>();
        try {
            long n = 0;
            for (int step = 0; step < 12; step++) {
                snapshots.add(t.snapshot());
                expectedCounts.add(n);
                // alternately small (tops up the last chunk) and large appends
                int add = step % 2 == 0 ? 1500 : 5000;
                StringBuilder values = new StringBuilder();
                for (int i = 1; i <= add; i++) {
                    values.append(i == 1 ? "" : ", ").append('(').append(n + i).append(')');
                }
                exec("INSERT INTO t VALUES " + values);
                n += add;
            }
            for (int s = 0; s < snapshots.size(); s++) {
                long[] sums = sumAndCount(snapshots.get(s));
                long count = expectedCounts.get(s);
                assertThat(sums[1]).as("rows in snapshot %d", s).isEqualTo(count);
                assertThat(sums[0]).as("sum in snapshot %d", s).isEqualTo(count * (count + 1) / 2);
            }
        } finally {
            snapshots.forEach(TableSnapshot::close);
        }
        assertThat(rows("SELECT count(*), sum(k), min(k), max(k) FROM t"))
                .containsExactly(row(6L * 1500 + 6L * 5000, BigDecimal.valueOf(39000L * 39001 / 2), 1L, 39000L));
    }

    @Test
    void concurrentQueriesSeeConsistentStatesWhileInsertsRun() throws Exception {
        exec("CREATE TABLE t (k BIGINT)");
        exec("CREATE TABLE seed (k BIGINT)");
        int batch = 3000;
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= batch; i++) {
            values.append(i == 1 ? "" : ", ").append('(').append(i).append(')');
        }
        exec("INSERT INTO seed VALUES " + values);
        int inserts = 30;
        AtomicBoolean done = new AtomicBoolean();
        List<List<Object>> seen = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (Session s = db.connect()) {
                s.set("execution_mode", "interpret");
                do {
                    seen.add(rows(s, "SELECT count(*), sum(k), max(k) FROM t").get(0));
                } while (!done.get());
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        session.set("execution_mode", "interpret");
        reader.start();
        try {
            for (int i = 0; i < inserts; i++) {
                exec("INSERT INTO t SELECT k + " + (long) i * batch + " FROM seed");
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(seen).isNotEmpty();
        for (List<Object> r : seen) {
            long count = (Long) r.get(0);
            assertThat(count % batch).as("a query saw part of an INSERT: %s", r).isZero();
            if (count > 0) {
                assertThat(r.get(1)).as("sum for %s rows", count).isEqualTo(new BigDecimal(count * (count + 1) / 2));
                assertThat(r.get(2)).isEqualTo(count);
            }
        }
        long total = (long) inserts * batch;
        assertThat(rows("SELECT count(*), max(k) FROM t")).containsExactly(row(total, total));
    }

    // ---------------------------------------------------------------- DROP TABLE with readers

    @Test
    void dropTableKeepsDataASnapshotUsesUntilItCloses() {
        exec("CREATE TABLE t (k BIGINT, s VARCHAR)");
        exec("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        for (int i = 0; i < 13; i++) {
            exec("INSERT INTO t SELECT k + " + (2L << i) + ", s || 'x' FROM t");
        }
        long n = 2L << 13;
        Table t = table("t");
        TableSnapshot snapshot = t.snapshot();
        Result open = session.execute("SELECT k, s FROM t WHERE k % 1000 = 7");
        try {
            exec("DROP TABLE t");
            assertThat(error("SELECT count(*) FROM t").sqlState()).isEqualTo("42P01");
            assertThat(db.allocatedBytes()).as("data of the dropped table is still in use").isPositive();
            // a new table of the same name is independent of the old data
            exec("CREATE TABLE t (k BIGINT, s VARCHAR)");
            exec("INSERT INTO t VALUES (42, 'new')");
            assertThat(rows("SELECT k, s FROM t")).containsExactly(row(42L, "new"));

            long[] sums = sumAndCount(snapshot);
            assertThat(sums[1]).isEqualTo(n);
            assertThat(sums[0]).isEqualTo(n * (n + 1) / 2);
            // row k was made from row 1 ("one") or 2 ("two") by adding powers of two, one 'x' each
            List<List<Object>> expected = new ArrayList<>();
            for (long k = 7; k <= n; k += 1000) {
                expected.add(row(k, (k % 2 == 1 ? "one" : "two") + "x".repeat(Long.bitCount(k - 2 + k % 2))));
            }
            List<List<Object>> rows = new ArrayList<>();
            open.rows().forEach(r -> rows.add(r.values()));
            assertThat(rows).hasSize(17).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(rows).contains(row(7L, "onexx"), row(1007L, "onexxxxxxxx"));
        } finally {
            open.close();
            snapshot.close();
        }
        exec("DROP TABLE t");
        assertThat(db.allocatedBytes()).isZero();
    }

    @Test
    void dropTableWithoutReadersFreesItsMemoryAtOnce() {
        exec("CREATE TABLE t (k BIGINT, s VARCHAR)");
        exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        assertThat(db.allocatedBytes()).isPositive();
        exec("DROP TABLE t");
        assertThat(db.allocatedBytes()).isZero();
        assertThat(exec("DROP TABLE IF EXISTS t")).isEqualTo("DROP TABLE");
    }

    @Test
    void createTableAsLosingARaceForTheNameFreesWhatItBuilt() throws Exception {
        exec("CREATE TABLE src (k BIGINT, s VARCHAR)");
        exec("INSERT INTO src VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        Table src = table("src");
        List<Throwable> failure = new CopyOnWriteArrayList<>();
        Thread ctas;
        // Holding the source table's lock stops the CTAS where its query takes the snapshot: after it has
        // checked that the name is free, before it creates the table. Another session takes the name meanwhile.
        synchronized (src) {
            ctas = new Thread(() -> {
                try (Session s = db.connect()) {
                    s.execute("CREATE TABLE dst AS SELECT k, s FROM src").close();
                } catch (Throwable e) {
                    failure.add(e);
                }
            });
            ctas.start();
            while (ctas.getState() != Thread.State.BLOCKED && ctas.isAlive()) {
                Thread.sleep(1);
            }
            exec("CREATE TABLE dst (x INTEGER)");
        }
        ctas.join();
        assertThat(failure).hasSize(1);
        assertThat(failure.get(0)).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("42P07");
            assertThat(e.getMessage()).contains("relation \"dst\" already exists");
        });
        assertThat(rows("SELECT count(*) FROM dst")).containsExactly(row(0L));
        exec("DROP TABLE dst");
        exec("DROP TABLE src");
        assertThat(db.allocatedBytes()).as("rows copied for the table that was never created").isZero();
    }

    // ---------------------------------------------------------------- chunking

    @Test
    void rowAtATimeInsertsFillChunksInsteadOfMakingOnePerRow() {
        session.set("execution_mode", "interpret");
        exec("CREATE TABLE t (k INTEGER, s VARCHAR)");
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            exec("INSERT INTO t VALUES (" + i + ", 'r" + i + "')");
        }
        try (TableSnapshot snapshot = table("t").snapshot()) {
            assertThat(snapshot.chunkCount()).isEqualTo((n + CHUNK_ROWS - 1) / CHUNK_ROWS);
            int total = 0;
            for (int c = 0; c < snapshot.chunkCount(); c++) {
                assertThat(snapshot.rowCount(c)).isLessThanOrEqualTo(CHUNK_ROWS);
                total += snapshot.rowCount(c);
            }
            assertThat(total).isEqualTo(n);
        }
        session.set("execution_mode", "verify");
        assertThat(rows("SELECT count(*), sum(k), count(DISTINCT s), min(s), max(s) FROM t"))
                .containsExactly(row((long) n, (long) n * (n - 1) / 2, (long) n, "r0", "r9999"));
        assertThat(rows("SELECT k, s FROM t WHERE k IN (0, 4095, 4096, 8191, 8192, 9999) ORDER BY k"))
                .containsExactly(row(0, "r0"), row(4095, "r4095"), row(4096, "r4096"), row(8191, "r8191"),
                        row(8192, "r8192"), row(9999, "r9999"));
    }

    @Test
    void largeAppendsAreSplitIntoChunksAndKeepEveryRow() {
        exec("CREATE TABLE t (k BIGINT, d DECIMAL(12,2))");
        exec("INSERT INTO t VALUES (1, 0.01)");
        for (int i = 0; i < 17; i++) {
            exec("INSERT INTO t SELECT k + " + (1L << i) + ", d + " + BigDecimal.valueOf(1L << i, 2) + " FROM t");
        }
        long n = 1L << 17;
        assertThat(table("t").rowCount()).isEqualTo(n);
        try (TableSnapshot snapshot = table("t").snapshot()) {
            long total = 0;
            for (int c = 0; c < snapshot.chunkCount(); c++) {
                assertThat(snapshot.rowCount(c)).isBetween(1, CHUNK_ROWS);
                total += snapshot.rowCount(c);
            }
            assertThat(total).isEqualTo(n);
            // 17 appends: each adds at most one partly filled chunk
            assertThat(snapshot.chunkCount()).isLessThanOrEqualTo((int) (n / CHUNK_ROWS) + 18);
        }
        // d = k / 100 on every row
        assertThat(rows("SELECT count(*), sum(k), sum(d), count(DISTINCT k), min(k), max(k) FROM t WHERE d * 100 = k"))
                .containsExactly(row(n, new BigDecimal(n * (n + 1) / 2), new BigDecimal(n * (n + 1) / 2).movePointLeft(2),
                        n, 1L, n));
    }

    // ---------------------------------------------------------------- atomic INSERT

    @Test
    void insertViolatingNotNullInItsThirdRowChangesNothing() {
        exec("CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR(5))");
        exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        long bytes = db.allocatedBytes();
        QuiverException e = error("INSERT INTO t VALUES (3, 'c'), (4, 'd'), (NULL, 'e'), (6, 'f'), (7, 'g')");
        assertThat(e.sqlState()).isEqualTo("23502");
        assertThat(e.getMessage()).contains("null value in column \"id\"").contains("not-null");
        assertThat(rows("SELECT id, name FROM t ORDER BY id")).containsExactly(row(1, "a"), row(2, "b"));
        assertThat(db.allocatedBytes()).isEqualTo(bytes);
        // the table still takes rows afterwards
        assertThat(exec("INSERT INTO t VALUES (3, 'c')")).isEqualTo("INSERT 0 1");
        assertThat(value("SELECT count(*) FROM t")).isEqualTo(3L);
    }

    @Test
    void insertWithTooLongStringInItsThirdRowChangesNothing() {
        exec("CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR(3))");
        exec("INSERT INTO t VALUES (1, 'a')");
        QuiverException e = error("INSERT INTO t VALUES (2, 'bb'), (3, 'äöü'), (4, 'abcd'), (5, 'e'), (6, 'f')");
        assertThat(e.sqlState()).isEqualTo("22001");
        assertThat(e.getMessage()).contains("VARCHAR(3)");
        assertThat(rows("SELECT id, name FROM t ORDER BY id")).containsExactly(row(1, "a"));
        // characters count, not bytes: three two-byte characters fit; four do not
        exec("INSERT INTO t VALUES (2, 'äöü'), (3, '日本語')");
        assertThat(error("INSERT INTO t VALUES (4, 'äöüß')").sqlState()).isEqualTo("22001");
        // as in PostgreSQL, excess trailing spaces are cut off silently
        exec("INSERT INTO t VALUES (5, 'ab   ')");
        assertThat(rows("SELECT id, name, length(name) FROM t ORDER BY id"))
                .containsExactly(row(1, "a", 1), row(2, "äöü", 3), row(3, "日本語", 3), row(5, "ab ", 3));
    }

    @Test
    void largeInsertSelectWithOneBadRowChangesNothing() {
        exec("CREATE TABLE src (k BIGINT)");
        exec("INSERT INTO src VALUES (1)");
        for (int i = 0; i < 14; i++) {
            exec("INSERT INTO src SELECT k + " + (1L << i) + " FROM src");
        }
        exec("CREATE TABLE dst (k BIGINT NOT NULL)");
        exec("INSERT INTO dst VALUES (0)");
        long bytes = db.allocatedBytes();
        QuiverException e = error("INSERT INTO dst SELECT CASE WHEN k = 12345 THEN NULL ELSE k END FROM src");
        assertThat(e.sqlState()).isEqualTo("23502");
        assertThat(rows("SELECT count(*), sum(k) FROM dst")).containsExactly(row(1L, BigDecimal.ZERO));
        assertThat(db.allocatedBytes()).isEqualTo(bytes);
        assertThat(exec("INSERT INTO dst SELECT k FROM src")).isEqualTo("INSERT 0 16384");
    }

    // ---------------------------------------------------------------- exact copies of every type

    static final String ALL_TYPES = "id INTEGER, b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER, bi BIGINT, r REAL, d DOUBLE, "
            + "dec_short DECIMAL(18,4), dec_wide DECIMAL(38,10), dec_int DECIMAL(38,0), v VARCHAR, vn VARCHAR(10), "
            + "dt DATE, ts TIMESTAMP, iv INTERVAL";

    static final String ALL_TYPES_ROWS = "INSERT INTO src VALUES "
            + "(1, true, 127, 32767, 2147483647, 9223372036854775807, CAST(1.5 AS REAL), 0.1, "
            + "99999999999999.9999, 9999999999999999999999999999.9999999999, 99999999999999999999999999999999999999, "
            + "'héllo wörld', '日本語🎉', DATE '2024-02-29', TIMESTAMP '2024-02-29 23:59:59.999999', INTERVAL '1' DAY), "
            + "(2, false, -128, -32768, -2147483648, -9223372036854775807, CAST(-0.25 AS REAL), -1e300, "
            + "-99999999999999.9999, -9999999999999999999999999999.9999999999, -99999999999999999999999999999999999999, "
            + "'', 'it''s', DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.000001', '-1 year 2 days 03:04:05.5'), "
            + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
            + "(4, true, 0, 0, 0, 0, CAST(0 AS REAL), CAST('NaN' AS DOUBLE), 0.0001, 0.0000000001, 1, "
            + "'🎉', ' spaces ', DATE '0001-01-01', TIMESTAMP '1900-01-01 00:00:00', INTERVAL '14' MONTH), "
            + "(5, false, 1, 2, 3, 4, CAST(3.4028235e38 AS REAL), CAST('Infinity' AS DOUBLE), 12.5, 12345678901234567890.0123456789, "
            + "12345678901234567890123456789012345678, 'ǅ', 'x', DATE '9999-12-31', TIMESTAMP '2262-04-11 23:47:16.854775', "
            + "INTERVAL '36' HOUR)";

    static List<List<Object>> allTypesExpected() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(1, true, (byte) 127, (short) 32767, 2147483647, 9223372036854775807L, 1.5f, 0.1,
                new BigDecimal("99999999999999.9999"), new BigDecimal("9999999999999999999999999999.9999999999"),
                new BigDecimal("99999999999999999999999999999999999999"), "héllo wörld", "日本語🎉", LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), new Interval(0, 1, 0)));
        rows.add(row(2, false, (byte) -128, (short) -32768, -2147483648, -9223372036854775807L, -0.25f, -1e300,
                new BigDecimal("-99999999999999.9999"), new BigDecimal("-9999999999999999999999999999.9999999999"),
                new BigDecimal("-99999999999999999999999999999999999999"), "", "it's", LocalDate.of(1969, 12, 31),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1_000), new Interval(-12, 2, 3 * 3_600_000_000L + 4 * 60_000_000L + 5_500_000L)));
        rows.add(row(3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        rows.add(row(4, true, (byte) 0, (short) 0, 0, 0L, 0.0f, Double.NaN, new BigDecimal("0.0001"),
                new BigDecimal("0.0000000001"), new BigDecimal("1"), "🎉", " spaces ", LocalDate.of(1, 1, 1),
                LocalDateTime.of(1900, 1, 1, 0, 0), new Interval(14, 0, 0)));
        rows.add(row(5, false, (byte) 1, (short) 2, 3, 4L, 3.4028235e38f, Double.POSITIVE_INFINITY, new BigDecimal("12.5000"),
                new BigDecimal("12345678901234567890.0123456789"), new BigDecimal("12345678901234567890123456789012345678"),
                "ǅ", "x", LocalDate.of(9999, 12, 31), LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_000),
                new Interval(0, 0, 36 * 3_600_000_000L)));
        return rows;
    }

    @Test
    void createTableAsAndInsertSelectCopyEveryTypeExactly() {
        exec("CREATE TABLE src (" + ALL_TYPES + ")");
        assertThat(exec(ALL_TYPES_ROWS)).isEqualTo("INSERT 0 5");
        List<List<Object>> expected = allTypesExpected();
        assertThat(rows("SELECT * FROM src ORDER BY id")).isEqualTo(expected);

        assertThat(exec("CREATE TABLE ctas AS SELECT * FROM src")).isEqualTo("SELECT 5");
        assertThat(rows("SELECT * FROM ctas ORDER BY id")).isEqualTo(expected);
        exec("CREATE TABLE copy (" + ALL_TYPES + ")");
        assertThat(exec("INSERT INTO copy SELECT * FROM src")).isEqualTo("INSERT 0 5");
        assertThat(exec("INSERT INTO copy SELECT * FROM ctas")).isEqualTo("INSERT 0 5");
        List<List<Object>> twice = new ArrayList<>();
        for (List<Object> r : expected) {
            twice.add(r);
            twice.add(r);
        }
        assertThat(rows("SELECT * FROM copy ORDER BY id")).isEqualTo(twice);

        try (Result src = session.execute("SELECT * FROM src"); Result ctas = session.execute("SELECT * FROM ctas")) {
            assertThat(ctas.columnNames()).isEqualTo(src.columnNames());
            assertThat(ctas.columnTypes()).isEqualTo(src.columnTypes());
        }
        // NaN and infinity survive a copy
        assertThat(rows("SELECT d FROM copy WHERE id IN (4, 5) ORDER BY id"))
                .containsExactly(row(Double.NaN), row(Double.NaN), row(Double.POSITIVE_INFINITY), row(Double.POSITIVE_INFINITY));
    }

    // ---------------------------------------------------------------- helpers

    private static List<Integer> intValues(TableSnapshot snapshot) {
        List<Integer> values = new ArrayList<>();
        for (int c = 0; c < snapshot.chunkCount(); c++) {
            IntVector v = (IntVector) snapshot.column(c, 0);
            for (int r = 0; r < snapshot.rowCount(c); r++) {
                values.add(v.isNull(r) ? null : v.get(r));
            }
        }
        return values;
    }

    /** Sum and count of the first (BIGINT) column, read straight from the snapshot's vectors. */
    private static long[] sumAndCount(TableSnapshot snapshot) {
        long sum = 0;
        long count = 0;
        for (int c = 0; c < snapshot.chunkCount(); c++) {
            BigIntVector v = (BigIntVector) snapshot.column(c, 0);
            assertThat(v.getValueCount()).isGreaterThanOrEqualTo(snapshot.rowCount(c));
            for (int r = 0; r < snapshot.rowCount(c); r++) {
                sum += v.get(r);
                count++;
            }
        }
        return new long[] {sum, count};
    }

    // ---------------------------------------------------------------- statistics

    @Test
    void distinctValueEstimatesFollowTheData() {
        exec("CREATE TABLE d (k INTEGER, s VARCHAR, n INTEGER)");
        // 100 distinct keys below 1000, then copies shifted past them: 200, then 400 distinct keys.
        exec("INSERT INTO d SELECT k, 'v' || CAST(k AS VARCHAR), NULL FROM (SELECT a * 100 + b AS k FROM "
                + "(VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) AS x(a), "
                + "(VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) AS y(b)) AS g");
        exec("INSERT INTO d SELECT k + 1000, s, n FROM d");
        exec("INSERT INTO d SELECT k + 2000, s, n FROM d");
        Table t = table("d");
        assertThat(t.rowCount()).isEqualTo(400);
        // HyperLogLog: within a few percent; NULLs are not values.
        assertThat((double) t.distinctValues(0).getAsLong()).isCloseTo(400, org.assertj.core.api.Assertions.within(20.0));
        assertThat((double) t.distinctValues(1).getAsLong()).isCloseTo(100, org.assertj.core.api.Assertions.within(5.0));
        assertThat(t.distinctValues(2).getAsLong()).isZero();
        // New rows are counted: the estimate is recomputed once the data changed.
        exec("INSERT INTO d SELECT k + 4000, 'w' || s, 1 FROM d");
        assertThat((double) t.distinctValues(0).getAsLong()).isCloseTo(800, org.assertj.core.api.Assertions.within(40.0));
        assertThat((double) t.distinctValues(1).getAsLong()).isCloseTo(200, org.assertj.core.api.Assertions.within(10.0));
        assertThat(t.distinctValues(2).getAsLong()).isEqualTo(1);
    }

    @Test
    void columnStatisticsFollowAppendsAndRewrites() {
        exec("CREATE TABLE st (i INTEGER, d DECIMAL(10,2), t DATE, s VARCHAR, x DECIMAL(30,3))");
        exec("INSERT INTO st VALUES (5, -1.25, DATE '2020-01-02', 'b', 12345678901234567890.5), (NULL, 3.50, NULL, 'a', NULL)");
        exec("INSERT INTO st VALUES (-7, NULL, DATE '1999-12-31', NULL, -2.25)");
        Table t = table("st");
        ColumnStatistics i = t.statistics().column(0);
        assertThat(i.nullCount()).isEqualTo(1);
        assertThat(i.min()).hasValue(-7);
        assertThat(i.max()).hasValue(5);
        assertThat(i.distinct()).hasValue(2);
        // positions on the value line: decimals by value, dates as days since 1970-01-01
        assertThat(t.statistics().column(1).min()).hasValue(-1.25);
        assertThat(t.statistics().column(1).max()).hasValue(3.5);
        assertThat(t.statistics().column(2).min()).hasValue(java.time.LocalDate.parse("1999-12-31").toEpochDay());
        assertThat(t.statistics().column(2).max()).hasValue(java.time.LocalDate.parse("2020-01-02").toEpochDay());
        assertThat(t.statistics().column(4).max().getAsDouble()).isCloseTo(12345678901234567890.5, org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(t.statistics().column(4).min()).hasValue(-2.25);
        // strings have no value line, but a distinct count and a null count
        assertThat(t.statistics().column(3).min()).isEmpty();
        assertThat(t.statistics().column(3).distinct()).hasValue(2);
        assertThat(t.statistics().column(3).nullCount()).isEqualTo(1);
        // a rewrite computes them afresh from the rows it keeps: sketches cannot forget values
        exec("DELETE FROM st WHERE i = -7");
        assertThat(t.statistics().rowCount()).isEqualTo(2);
        assertThat(t.statistics().column(0).min()).hasValue(5);
        assertThat(t.statistics().column(0).distinct()).hasValue(1);
        exec("UPDATE st SET i = 40 WHERE i IS NULL");
        assertThat(t.statistics().column(0).max()).hasValue(40);
        assertThat(t.statistics().column(0).nullCount()).isZero();
        exec("DELETE FROM st");
        assertThat(t.statistics().column(0).min()).isEmpty();
        assertThat(t.statistics().column(0).distinct()).hasValue(0);
    }

    @Test
    void analyzeRecomputesWhatTheWritesKept() {
        exec("CREATE TABLE an2 (k INTEGER, s VARCHAR)");
        exec("INSERT INTO an2 SELECT a * 10 + b, CAST(b AS VARCHAR) FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) AS x(a), "
                + "(VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) AS y(b)");
        exec("INSERT INTO an2 VALUES (NULL, NULL), (500, 'z')");
        Table t = table("an2");
        dev.quiver.planner.catalog.TableStatistics kept = t.statistics();
        exec("ANALYZE an2");
        assertThat(t.statistics()).isEqualTo(kept);
        assertThat(kept.rowCount()).isEqualTo(102);
        assertThat(kept.column(0).max()).hasValue(500);
        assertThat(kept.column(1).distinct()).hasValue(11);
    }
}
