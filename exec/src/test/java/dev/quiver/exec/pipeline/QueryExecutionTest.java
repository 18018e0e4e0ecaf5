package dev.quiver.exec.pipeline;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.exec.testing.RandomValues;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.cost.Cost;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Small plans run end to end by the interpreter on two workers over tables of many small chunks
 * (so many morsels): sort and top-N order, LIMIT in morsel order, aggregates against references
 * computed here, and the API types of results. Each query's allocator is checked for leaks.
 */
class QueryExecutionTest {
    static final int ROWS = 3000;
    static MiniDb db;
    /** Rows of t: id, k, s, x, d, f. */
    static List<Object[]> t;
    static List<Object[]> big;
    static List<Object[]> groups;
    static MiniDb.FakeTable bigTable;

    @BeforeAll
    static void load() {
        db = new MiniDb();
        Random random = new Random(91);
        t = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Long k = random.nextInt(10) == 0 ? null : (long) random.nextInt(10);
            String s = random.nextInt(8) == 0 ? null : RandomValues.string(random, 4);
            long x = random.nextInt(2_000_001) - 1_000_000;
            BigDecimal d = BigDecimal.valueOf(random.nextInt(100_000) - 50_000, 2);
            double f = random.nextInt(1000) / 8.0;
            t.add(new Object[] {(long) i, k, s, x, d, f});
        }
        db.table("t", List.of(new ColumnMetadata("id", DataType.INTEGER, false), new ColumnMetadata("k", DataType.INTEGER, true),
                new ColumnMetadata("s", DataType.VARCHAR, true), new ColumnMetadata("x", DataType.BIGINT, false),
                new ColumnMetadata("d", DataType.decimal(10, 2), false), new ColumnMetadata("f", DataType.DOUBLE, false)), t, 10);
        big = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            big.add(new Object[] {(long) i, (long) random.nextInt(50)});
        }
        bigTable = db.table("big", List.of(new ColumnMetadata("id", DataType.INTEGER, false), new ColumnMetadata("k", DataType.INTEGER, false)),
                big, 100);
        groups = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Long grp = random.nextInt(50) == 0 ? null : (long) random.nextInt(5000);
            String name = grp == null ? "null" : "n" + (grp % 7) + "ñ";
            Long v = random.nextInt(6) == 0 ? null : random.nextLong() >> 8;
            String w = RandomValues.string(random, 3);
            long u = random.nextInt(4);
            groups.add(new Object[] {grp, name, v, w, u});
        }
        db.table("g", List.of(new ColumnMetadata("grp", DataType.INTEGER, true), new ColumnMetadata("name", DataType.VARCHAR, false),
                new ColumnMetadata("v", DataType.BIGINT, true), new ColumnMetadata("w", DataType.VARCHAR, false),
                new ColumnMetadata("u", DataType.INTEGER, false)), groups, 100);
        db.table("e", List.of(new ColumnMetadata("x", DataType.BIGINT, true)), List.of(), 10);
    }

    @AfterAll
    static void unload() {
        db.close();
    }

    // ---------------------------------------------------------------- reference helpers

    /** NULL-aware key comparator: nulls first or last, then the value order, optionally descending. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Object[]> key(int column, boolean descending, boolean nullsFirst) {
        return (a, b) -> {
            Object x = a[column];
            Object y = b[column];
            if (x == null || y == null) {
                return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
            }
            int c = x instanceof String sx ? codePointCompare(sx, (String) y) : ((Comparable) x).compareTo(y);
            return descending ? -c : c;
        };
    }

    static int codePointCompare(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    static List<List<Object>> project(List<Object[]> rows, int... columns) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            List<Object> row = new ArrayList<>();
            for (int c : columns) {
                row.add(r[c]);
            }
            out.add(row);
        }
        return out;
    }

    /** A stable sort of the table's rows (List.sort is stable). */
    static List<Object[]> sorted(List<Object[]> rows, Comparator<Object[]> order) {
        List<Object[]> copy = new ArrayList<>(rows);
        copy.sort(order);
        return copy;
    }

    // ---------------------------------------------------------------- sort and top-N

    @Test
    void sortIsStableAndPlacesNulls() {
        for (int run = 0; run < 3; run++) {
            // ASC defaults to NULLS LAST, DESC to NULLS FIRST, as in PostgreSQL; ties keep table order.
            assertThat(db.query("SELECT id, k FROM t ORDER BY k")).isEqualTo(project(sorted(t, key(1, false, false)), 0, 1));
            assertThat(db.query("SELECT id, k FROM t ORDER BY k DESC")).isEqualTo(project(sorted(t, key(1, true, true)), 0, 1));
            assertThat(db.query("SELECT id, k FROM t ORDER BY k NULLS FIRST"))
                    .isEqualTo(project(sorted(t, key(1, false, true)), 0, 1));
            assertThat(db.query("SELECT id, k, s FROM t ORDER BY k DESC NULLS LAST, s ASC NULLS FIRST"))
                    .isEqualTo(project(sorted(t, key(1, true, false).thenComparing(key(2, false, true))), 0, 1, 2));
            assertThat(db.query("SELECT s, id FROM t ORDER BY s DESC, id DESC"))
                    .isEqualTo(project(sorted(t, key(2, true, true).thenComparing(key(0, true, true))), 2, 0));
        }
    }

    @Test
    void topNWithOffsetTakesTheSameRowsAsAFullSort() {
        for (int run = 0; run < 3; run++) {
            List<List<Object>> all = project(sorted(t, key(1, false, false)), 0, 1);
            assertThat(db.query("SELECT id, k FROM t ORDER BY k LIMIT 10 OFFSET 5")).isEqualTo(all.subList(5, 15));
            assertThat(db.query("SELECT id, k FROM t ORDER BY k LIMIT 10")).isEqualTo(all.subList(0, 10));
            assertThat(db.query("SELECT id, k FROM t ORDER BY k LIMIT 0")).isEmpty();
            assertThat(db.query("SELECT id, k FROM t ORDER BY k LIMIT 10 OFFSET " + (ROWS - 3))).isEqualTo(all.subList(ROWS - 3, ROWS));
            assertThat(db.query("SELECT id, k FROM t ORDER BY k LIMIT 10 OFFSET " + ROWS)).isEmpty();
            // Enough rows per worker that each prunes its buffer several times; many ties at the cut.
            List<List<Object>> bigSorted = project(sorted(big, key(1, true, true)), 0, 1);
            assertThat(db.query("SELECT id, k FROM big ORDER BY k DESC LIMIT 100 OFFSET 50")).isEqualTo(bigSorted.subList(50, 150));
            assertThat(db.query("SELECT id, k FROM big ORDER BY k DESC, id LIMIT 7")).isEqualTo(
                    project(sorted(big, key(1, true, true).thenComparing(key(0, false, false))), 0, 1).subList(0, 7));
        }
    }

    @Test
    void topNOverKeysSpreadThroughTheTableKeepsRowsFoundAfterAPrune() {
        // The best rows turn up all through the table, after each worker has pruned (and set its
        // boundary) several times: string and nullable keys compared with the boundary row.
        List<List<Object>> byWThenV = project(sorted(groups, key(3, false, false).thenComparing(key(2, true, true))), 3, 2);
        assertThat(db.query("SELECT w, v FROM g ORDER BY w, v DESC LIMIT 300 OFFSET 20")).isEqualTo(byWThenV.subList(20, 320));
        List<List<Object>> byV = project(sorted(groups, key(2, false, true)), 2, 3);
        assertThat(db.query("SELECT v, w FROM g ORDER BY v NULLS FIRST LIMIT 3500")).isEqualTo(byV.subList(0, 3500));
    }

    // ---------------------------------------------------------------- limit

    @Test
    void limitAndOffsetTakeRowsInMorselOrder() {
        for (int run = 0; run < 5; run++) {
            assertThat(db.query("SELECT id FROM t LIMIT 25 OFFSET 7")).isEqualTo(project(t.subList(7, 32), 0));
            assertThat(db.query("SELECT id FROM t LIMIT 500 OFFSET 100")).isEqualTo(project(t.subList(100, 600), 0));
            assertThat(db.query("SELECT id FROM t LIMIT 5000")).isEqualTo(project(t, 0));
            assertThat(db.query("SELECT id FROM t OFFSET 2990")).isEqualTo(project(t.subList(2990, ROWS), 0));
            assertThat(db.query("SELECT id FROM big LIMIT 3 OFFSET 12345")).isEqualTo(project(big.subList(12345, 12348), 0));
            List<Object[]> threes = t.stream().filter(r -> Objects.equals(r[1], 3L)).toList();
            assertThat(db.query("SELECT id, k FROM t WHERE k = 3 LIMIT 40 OFFSET 2")).isEqualTo(project(threes.subList(2, 42), 0, 1));
        }
    }

    @Test
    void hugeLimitsAndOffsetsDoNotOverflow() {
        assertThat(db.query("SELECT id FROM t LIMIT 9223372036854775807 OFFSET 1")).isEqualTo(project(t.subList(1, ROWS), 0));
        assertThat(db.query("SELECT id FROM t LIMIT 9223372036854775807")).isEqualTo(project(t, 0));
        List<List<Object>> descending = project(sorted(t, key(0, true, true)), 0);
        assertThat(db.query("SELECT id FROM t ORDER BY id DESC LIMIT 9223372036854775806 OFFSET 5"))
                .isEqualTo(descending.subList(5, ROWS));
        assertThat(db.query("SELECT id FROM t LIMIT 10 OFFSET 9223372036854775800")).isEmpty();
        assertThat(db.query("SELECT id FROM t LIMIT 4611686018427387904 OFFSET 4611686018427387904")).isEmpty();
        // A top-N built by hand: the optimizer only chooses one for small limits.
        ColumnRef id = new ColumnRef(1, "id", DataType.INTEGER);
        ColumnRef k = new ColumnRef(2, "k", DataType.INTEGER);
        PhysicalPlan scan = new PhysicalPlan(new TableScan(bigTable, List.of(id, k), List.of(0, 1)), List.of(), List.of(id, k), 20_000,
                Cost.ZERO);
        List<SortKey> byK = List.of(new SortKey(k, false, false));
        List<List<Object>> bigSorted = project(sorted(big, key(1, false, false)), 0, 1);
        for (long[] limitOffset : new long[][] {{Long.MAX_VALUE - 1, 5}, {Long.MAX_VALUE, 3}, {Long.MAX_VALUE / 2 + 7, 0}, {5, Long.MAX_VALUE - 2},
                {Long.MAX_VALUE - 10, 19_990}, {30, 19_990}}) {
            long limit = limitOffset[0];
            long offset = limitOffset[1];
            PhysicalPlan topN = new PhysicalPlan(new TopN(byK, limit, offset), List.of(scan), List.of(id, k), 20_000, Cost.ZERO);
            int from = (int) Math.min(offset, big.size());
            int to = (int) Math.min(big.size(), from + Math.min(limit, big.size()));
            assertThat(db.run(topN, db.context())).as("LIMIT %d OFFSET %d", limit, offset).isEqualTo(bigSorted.subList(from, to));
        }
    }

    // ---------------------------------------------------------------- filter, project, result order

    @Test
    void filterAndProjectKeepTableOrder() {
        Predicate<Object[]> keep = r -> r[1] != null && (Long) r[1] > 5 && r[2] != null && ((String) r[2]).contains("a");
        List<List<Object>> expected = new ArrayList<>();
        for (Object[] r : t) {
            if (keep.test(r)) {
                expected.add(List.of(r[0], (Long) r[1] * 2 + 1, r[2] + "!", ((BigDecimal) r[4]).add(BigDecimal.ONE.setScale(2))));
            }
        }
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(db.query("SELECT id, k * 2 + 1, s || '!', d + 1 FROM t WHERE k > 5 AND s LIKE '%a%'")).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- aggregation

    @Test
    void globalAggregateOverEmptyInputIsOneRow() {
        List<Object> empty = Arrays.asList(0L, 0L, null, null, null, null);
        assertThat(db.query("SELECT count(*), count(k), sum(x), min(s), avg(f), max(d) FROM t WHERE id < 0")).containsExactly(empty);
        assertThat(db.query("SELECT count(*), sum(x), count(DISTINCT x) FROM e")).containsExactly(Arrays.asList(0L, null, 0L));
        assertThat(db.query("SELECT k, count(*) FROM t WHERE id < 0 GROUP BY k")).isEmpty();
        assertThat(db.query("SELECT x, count(*) FROM e GROUP BY x")).isEmpty();
    }

    @Test
    void globalAggregateMatchesReference() {
        long count = 0;
        long countK = 0;
        BigDecimal sumX = BigDecimal.ZERO;
        BigDecimal sumD = BigDecimal.ZERO;
        String minS = null;
        Set<Long> distinctK = new HashSet<>();
        for (Object[] r : t) {
            count++;
            if (r[1] != null) {
                countK++;
                distinctK.add((Long) r[1]);
            }
            sumX = sumX.add(BigDecimal.valueOf((Long) r[3]));
            sumD = sumD.add((BigDecimal) r[4]);
            if (r[2] != null && (minS == null || codePointCompare((String) r[2], minS) < 0)) {
                minS = (String) r[2];
            }
        }
        List<List<Object>> rows = db.query("SELECT count(*), count(k), sum(x), sum(d), min(s), count(DISTINCT k) FROM t");
        assertThat(rows).containsExactly(Arrays.asList(count, countK, sumX, sumD.setScale(2), minS, (long) distinctK.size()));
    }

    @Test
    void hashAggregateOverManyGroupsAndMorselsMatchesAReference() {
        // Reference, single-threaded, keyed by (grp, name).
        Map<List<Object>, List<Object[]>> byKey = new HashMap<>();
        for (Object[] r : groups) {
            byKey.computeIfAbsent(Arrays.asList(r[0], r[1]), k -> new ArrayList<>()).add(r);
        }
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        for (Map.Entry<List<Object>, List<Object[]>> e : byKey.entrySet()) {
            long count = e.getValue().size();
            long countV = 0;
            BigDecimal sum = BigDecimal.ZERO;
            Long min = null;
            String maxW = null;
            Set<Long> us = new HashSet<>();
            for (Object[] r : e.getValue()) {
                Long v = (Long) r[2];
                if (v != null) {
                    countV++;
                    sum = sum.add(BigDecimal.valueOf(v));
                    min = min == null ? v : Math.min(min, v);
                }
                if (maxW == null || codePointCompare((String) r[3], maxW) > 0) {
                    maxW = (String) r[3];
                }
                us.add((Long) r[4]);
            }
            Double avg = countV == 0 ? null : sum.divide(BigDecimal.valueOf(countV), java.math.MathContext.DECIMAL128).doubleValue();
            expected.put(e.getKey(), Arrays.asList(count, countV, countV == 0 ? null : sum, min, maxW, avg, (long) us.size()));
        }
        assertThat(expected.size()).isGreaterThan(4000);
        for (int run = 0; run < 2; run++) {
            List<List<Object>> rows = db.query(
                    "SELECT grp, name, count(*), count(v), sum(v), min(v), max(w), avg(v), count(DISTINCT u) FROM g GROUP BY grp, name");
            assertThat(rows).hasSize(expected.size());
            Set<List<Object>> seen = new HashSet<>();
            for (List<Object> row : rows) {
                List<Object> k = row.subList(0, 2);
                assertThat(seen.add(k)).as("group %s appears once", k).isTrue();
                List<Object> want = expected.get(k);
                assertThat(want).as("group %s", k).isNotNull();
                List<Object> got = row.subList(2, 9);
                for (int i = 0; i < 7; i++) {
                    if (i == 5 && want.get(i) != null) {
                        assertThat((Double) got.get(i)).as("avg of %s", k).isCloseTo((Double) want.get(i),
                                org.assertj.core.data.Percentage.withPercentage(1e-10));
                    } else {
                        assertThat(got.get(i)).as("aggregate %d of %s", i, k).isEqualTo(want.get(i));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- API types and errors

    @Test
    void resultsUseNaturalArrowTypes() {
        try (QueryContext context = db.context();
                QueryOutput out = QueryExecutor.execute(db.plan("SELECT id, s, d FROM t WHERE id < 5"), List.of("id", "s", "d"), context,
                        InterpretedDriverFactory.INSTANCE)) {
            assertThat(out.rowCount()).isEqualTo(5);
            assertThat(out.types()).containsExactly(DataType.INTEGER, DataType.VARCHAR, DataType.decimal(10, 2));
            var batch = out.batches().get(0);
            assertThat(batch.getVector(0)).isInstanceOf(IntVector.class);
            assertThat(batch.getVector(1)).isInstanceOf(VarCharVector.class);
            assertThat(batch.getVector(2)).isInstanceOf(DecimalVector.class);
            assertThat(((DecimalVector) batch.getVector(2)).getObject(0)).isEqualTo(t.get(0)[4]);
            assertThat(batch.getSchema().getFields().get(1).getName()).isEqualTo("s");
            assertThat(context.stats()).isNotEmpty();
            assertThat(context.stats().get(0).mode()).isEqualTo("interpreted");
        }
    }

    @Test
    void runTimeErrorsCarryTheirPositionAndReleaseEverything() {
        QuiverException e = assertSqlState("22012", () -> db.query("SELECT id, s || 'x', 10 / (k - k) FROM t WHERE id > 2000"));
        assertThat(e.position()).isPresent();
        e = assertSqlState("22012", () -> db.query("SELECT 1 / 0"));
        assertThat(e.position()).isPresent();
        e = assertSqlState("22003", () -> db.query("SELECT sum(x * 1000000000000000) FROM t"));
        assertThat(e.position()).isPresent();
        // The database is still usable, and nothing leaked (each context closed cleanly above).
        assertThat(db.query("SELECT count(*) FROM t")).containsExactly(List.of((long) ROWS));
    }
}
