package dev.quiver.exec.operator;

import static dev.quiver.exec.operator.ReferenceJoin.assertSameRows;
import static dev.quiver.exec.testing.Errors.assertSqlState;
import static dev.quiver.exec.testing.TestPlans.call;
import static dev.quiver.exec.testing.TestPlans.col;
import static dev.quiver.exec.testing.TestPlans.join;
import static dev.quiver.exec.testing.TestPlans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.PipelineStats;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.QueryExecutor;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.exec.testing.TestPlans;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hash joins of every type run end to end by the interpreter on two workers, over tables of many
 * small chunks (many morsels on both sides), each result compared with {@link ReferenceJoin}'s
 * nested loops over the same Java rows. Each query's allocator is checked for leaks when it closes.
 */
class HashJoinTest {
    static final List<ColumnMetadata> SCHEMA = List.of(new ColumnMetadata("id", DataType.BIGINT, false),
            new ColumnMetadata("k", DataType.BIGINT, true), new ColumnMetadata("s", DataType.VARCHAR, true),
            new ColumnMetadata("d", DataType.decimal(38, 2), true), new ColumnMetadata("f", DataType.DOUBLE, true),
            new ColumnMetadata("x", DataType.BIGINT, false), new ColumnMetadata("y", DataType.BIGINT, true));
    static final int ID = 0;
    static final int K = 1;
    static final int S = 2;
    static final int D = 3;
    static final int F = 4;
    static final int X = 5;
    static final int Y = 6;
    static final int WIDTH = 7;
    /** A key a quarter of all rows share: its pairs alone fill many output batches. */
    static final long HOT = 7;
    static final Double[] DOUBLES = {0.0, -0.0, 1.5, Double.NaN, 2.25, null, -3.0};

    static MiniDb db;
    static Table probe;
    static Table build;
    static Table smallProbe;
    static Table smallBuild;
    static Table empty;

    /** A table and the Java rows it was made of. */
    record Table(MiniDb.FakeTable table, List<Object[]> rows) {
        PhysicalPlan scan() {
            return TestPlans.scan(table);
        }
    }

    /** A residual both as a plan expression over (probe, build) and as the reference's Java function. */
    record Condition(BiFunction<PhysicalPlan, PhysicalPlan, Expr> expr, ReferenceJoin.Residual reference) {
    }

    /** probe.x < build.x: never NULL. */
    static final Condition X_LESS = new Condition(
            (p, b) -> call(Function.LESS_THAN, DataType.BOOLEAN, col(p, X), col(b, X)),
            (p, b) -> (Long) p[X] < (Long) b[X]);
    /** probe.y > build.y: NULL when either y is NULL. */
    static final Condition Y_GREATER = new Condition(
            (p, b) -> call(Function.GREATER_THAN, DataType.BOOLEAN, col(p, Y), col(b, Y)),
            (p, b) -> p[Y] == null || b[Y] == null ? null : (Long) p[Y] > (Long) b[Y]);

    @BeforeAll
    static void load() {
        db = new MiniDb();
        Random random = new Random(2024);
        // Chunks of 3 rows: 16 chunks a morsel, so 2000 rows are 42 morsels and 600 rows 13.
        probe = table("p", rows(random, 2000, 0), 3);
        build = table("b", rows(random, 600, 100_000), 3);
        smallProbe = table("sp", rows(random, 300, 200_000), 2);
        smallBuild = table("sb", rows(random, 200, 300_000), 3);
        empty = table("e", List.of(), 3);
    }

    @AfterAll
    static void unload() {
        db.close();
    }

    static Table table(String name, List<Object[]> rows, int chunkRows) {
        return new Table(db.table(name, SCHEMA, rows, chunkRows), rows);
    }

    static List<Object[]> rows(Random random, int count, long firstId) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long k = random.nextInt(10) == 0 ? null : random.nextInt(4) == 0 ? HOT : (long) random.nextInt(30);
            String s = random.nextInt(8) == 0 ? null : "s" + random.nextInt(4) + (random.nextInt(5) == 0 ? "ü" : "");
            BigDecimal d = null;
            if (random.nextInt(9) != 0) {
                BigInteger unscaled = BigInteger.valueOf(random.nextInt(21) * 25L);
                if (random.nextInt(4) == 0) {
                    unscaled = unscaled.add(BigInteger.TEN.pow(32)); // needs the 128-bit representation
                }
                d = new BigDecimal(unscaled, 2);
            }
            Double f = DOUBLES[random.nextInt(DOUBLES.length)];
            long x = random.nextInt(100);
            Long y = random.nextInt(3) == 0 ? null : (long) random.nextInt(100);
            rows.add(new Object[] {firstId + i, k, s, d, f, x, y});
        }
        return rows;
    }

    record Run(List<List<Object>> rows, List<PipelineStats> stats) {
    }

    /** Runs the plan interpreted on two workers; the context's close checks for leaks. */
    static Run run(PhysicalPlan plan) {
        List<String> names = plan.outputColumns().stream().map(c -> c.name()).toList();
        try (QueryContext context = db.context()) {
            try (QueryOutput output = QueryExecutor.execute(plan, names, context, InterpretedDriverFactory.INSTANCE)) {
                return new Run(MiniDb.rows(output), context.stats());
            }
        }
    }

    /** Joins the tables on key pairs (probe column, build column) and compares with the reference. */
    static Run check(JoinType type, Table p, Table b, int[] probeKeys, int[] buildKeys, boolean nullSafe, Condition residual) {
        PhysicalPlan probePlan = p.scan();
        PhysicalPlan buildPlan = b.scan();
        Optional<Expr> r = residual == null ? Optional.empty() : Optional.of(residual.expr().apply(probePlan, buildPlan));
        Run run = run(join(type, probePlan, buildPlan, probeKeys, buildKeys, nullSafe, r));
        List<List<Object>> expected = new ReferenceJoin(type, probeKeys, buildKeys, nullSafe,
                residual == null ? null : residual.reference()).run(p.rows(), WIDTH, b.rows(), WIDTH);
        assertSameRows(run.rows(), expected);
        if (type == JoinType.RIGHT || type == JoinType.FULL) {
            assertUnmatchedBuildRowsLast(run.rows());
        }
        return run;
    }

    /** RIGHT/FULL emit unmatched build rows (NULL probe id) after every probe morsel: they end the result. */
    static void assertUnmatchedBuildRowsLast(List<List<Object>> rows) {
        int first = 0;
        while (first < rows.size() && rows.get(first).get(ID) != null) {
            first++;
        }
        for (int i = first; i < rows.size(); i++) {
            assertThat(rows.get(i).get(ID)).as("row %d after the first unmatched build row", i).isNull();
        }
    }

    static int[] keys(int... columns) {
        return columns;
    }

    // ---------------------------------------------------------------- keys

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void singleKeyWithNullsAndDuplicatesOnBothSides(JoinType type) {
        Run run = check(type, probe, build, keys(K), keys(K), false, null);
        if (type == JoinType.INNER) {
            // The hot key alone makes several output batches of pairs.
            assertThat(run.rows().size()).isGreaterThan(4 * HashJoinProbeOperator.OUTPUT_ROWS);
        }
        assertThat(run.stats()).hasSize(2);
        assertThat(run.stats().get(0).description()).endsWith("-> HashJoinBuild");
        assertThat(run.stats().get(0).rowsIn()).isEqualTo(build.rows().size());
        assertThat(run.stats().get(1).rowsIn()).isEqualTo(probe.rows().size());
        assertThat(run.stats().get(1).rowsOut()).isEqualTo(run.rows().size());
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void bigintAndVarcharKeysWithAResidual(JoinType type) {
        check(type, probe, build, keys(K, S), keys(K, S), false, X_LESS);
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void wideDecimalKeys(JoinType type) {
        check(type, probe, build, keys(D), keys(D), false, null);
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void doubleKeysMatchNegativeZeroWithZeroAndNanWithNan(JoinType type) {
        check(type, smallProbe, smallBuild, keys(F), keys(F), false, null);
        check(type, smallProbe, smallBuild, keys(F, S), keys(F, S), false, Y_GREATER);
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void nullSafeKeysMatchNullWithNull(JoinType type) {
        check(type, probe, build, keys(K, S), keys(K, S), true, null);
        check(type, smallProbe, smallBuild, keys(K), keys(K), true, Y_GREATER);
    }

    @Test
    void keysOfDifferentRepresentationsAreComparedInTheirCommonType() {
        // probe: CAST(x AS DECIMAL(10,2)), a scaled long; build: d, DECIMAL(38,2), 128-bit.
        PhysicalPlan p = probe.scan();
        PhysicalPlan b = build.scan();
        Expr probeKey = new Cast(col(p, X), DataType.decimal(10, 2));
        Run run = run(join(JoinType.INNER, p, b, List.of(probeKey), List.of(col(b, D)), List.of(false), Optional.empty()));
        List<List<Object>> expected = new ArrayList<>();
        for (Object[] pr : probe.rows()) {
            for (Object[] br : build.rows()) {
                if (br[D] != null && BigDecimal.valueOf((Long) pr[X]).compareTo((BigDecimal) br[D]) == 0) {
                    expected.add(ReferenceJoin.concat(pr, br));
                }
            }
        }
        assertThat(expected).isNotEmpty();
        assertSameRows(run.rows(), expected);
    }

    // ---------------------------------------------------------------- residuals and MARK

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void nullValuedResidual(JoinType type) {
        check(type, probe, build, keys(K), keys(K), false, Y_GREATER);
    }

    @Test
    void markIsNullWhenNoCandidatePassesButTheResidualWasNullForOne() {
        Run run = check(JoinType.MARK, smallProbe, smallBuild, keys(K), keys(K), false, Y_GREATER);
        List<Object> marks = run.rows().stream().map(r -> r.get(WIDTH)).toList();
        assertThat(marks).contains(true, false, null);
    }

    @Test
    void nullAwareMarkOfUncorrelatedIn() {
        // Build keys with NULLs: no match is NULL; a NULL probe key is NULL.
        Run withNulls = check(JoinType.MARK, probe, build, keys(K), keys(K), false, null);
        assertThat(withNulls.rows().stream().map(r -> r.get(WIDTH))).contains(Boolean.TRUE).containsNull().doesNotContain(false);
        // Build keys without NULLs: no match is FALSE; a NULL probe key is still NULL.
        PhysicalPlan p = probe.scan();
        PhysicalPlan b = build.scan();
        // build WHERE k < 20 (which drops the NULL keys too): probe keys 20 to 29 find no match.
        PhysicalPlan notNull = TestPlans.filter(b, call(Function.LESS_THAN, DataType.BOOLEAN, col(b, K),
                Literal.of(20L, DataType.BIGINT)));
        Run run = run(join(JoinType.MARK, p, notNull, keys(K), keys(K), false, Optional.empty()));
        List<Object[]> nonNullBuild = build.rows().stream().filter(r -> r[K] != null && (Long) r[K] < 20).toList();
        assertSameRows(run.rows(), new ReferenceJoin(JoinType.MARK, keys(K), keys(K), false, null)
                .run(probe.rows(), WIDTH, nonNullBuild, WIDTH));
        assertThat(run.rows().stream().map(r -> r.get(WIDTH))).contains(true, false, null);
        // An empty build side: FALSE for every row, NULL probe keys included.
        Run none = check(JoinType.MARK, probe, empty, keys(K), keys(K), false, null);
        assertThat(none.rows().stream().map(r -> r.get(WIDTH))).containsOnly(false);
    }

    // ---------------------------------------------------------------- nested loops, empty sides

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void nestedLoopWithoutKeys(JoinType type) {
        if (type == JoinType.SINGLE) {
            assertSqlState("21000", () -> check(type, smallProbe, smallBuild, keys(), keys(), false, X_LESS));
            return;
        }
        check(type, smallProbe, smallBuild, keys(), keys(), false, X_LESS);
        check(type, smallProbe, smallBuild, keys(), keys(), false, Y_GREATER);
    }

    @Test
    void crossJoin() {
        Run run = check(JoinType.INNER, smallProbe, smallBuild, keys(), keys(), false, null);
        assertThat(run.rows()).hasSize(smallProbe.rows().size() * smallBuild.rows().size());
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void emptyBuildSide(JoinType type) {
        check(type, probe, empty, keys(K), keys(K), false, null);
        check(type, smallProbe, empty, keys(), keys(), false, X_LESS);
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void emptyProbeSide(JoinType type) {
        check(type, empty, build, keys(K), keys(K), false, null);
        check(type, empty, smallBuild, keys(), keys(), false, X_LESS);
    }

    // ---------------------------------------------------------------- SINGLE

    @Test
    void singleWithZeroOrOneMatch() {
        // Build ids are the even numbers below 60: a probe k (below 30) matches one row if even, else none.
        List<Object[]> rows = rows(new Random(5), 30, 0);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[ID] = 2L * i;
        }
        Table evens = table("evens", rows, 4);
        Run run = check(JoinType.SINGLE, probe, evens, keys(K), keys(ID), false, null);
        assertThat(run.rows()).hasSize(probe.rows().size());
        assertThat(run.rows().stream().filter(r -> r.get(WIDTH + ID) != null)).isNotEmpty();
        // Probe k against build id: build ids start at 100000, so no row matches.
        run = check(JoinType.SINGLE, probe, build, keys(K), keys(ID), false, null);
        assertThat(run.rows()).allSatisfy(r -> assertThat(r.get(WIDTH + ID)).isNull());
    }

    @Test
    void singleWithManyCandidatesButOnePassingTheResidual() {
        // Build rows for every (k, x) with k < 30 and x < 100, but for those with (k + x) % 5 == 0.
        List<Object[]> rows = new ArrayList<>();
        for (long k = 0; k < 30; k++) {
            for (long x = 0; x < 100; x++) {
                if ((k + x) % 5 != 0) {
                    rows.add(new Object[] {rows.size() + 500_000L, k, null, null, null, x, null});
                }
            }
        }
        Table grid = table("grid", rows, 50);
        Condition sameX = new Condition((p, b) -> call(Function.EQUAL, DataType.BOOLEAN, col(p, X), col(b, X)),
                (p, b) -> p[X].equals(b[X]));
        Run run = check(JoinType.SINGLE, probe, grid, keys(K), keys(K), false, sameX);
        assertThat(run.rows().stream().filter(r -> r.get(WIDTH + ID) != null)).isNotEmpty();
        assertThat(run.rows().stream().filter(r -> r.get(WIDTH + ID) == null)).isNotEmpty();
    }

    @Test
    void singleFailsOnASecondMatch() {
        assertThatThrownBy(() -> new ReferenceJoin(JoinType.SINGLE, keys(K), keys(K), false, null)
                .run(probe.rows(), WIDTH, build.rows(), WIDTH)).isInstanceOf(ReferenceJoin.TooManyRows.class);
        QuiverException e = assertSqlState("21000", () -> check(JoinType.SINGLE, probe, build, keys(K), keys(K), false, null));
        assertThat(e.getMessage()).isEqualTo("more than one row returned by a subquery used as an expression");
    }

    @Test
    void singleSeesASecondMatchInTheNextOutputBatch() {
        // One batch of probe rows: one without a match (1 pair: its tail), then rows with exactly one
        // match (2 pairs each), so the buffer holds OUTPUT_ROWS - 1 pairs when the last row, which has
        // two matches, adds its first: the second lands in the next output batch.
        int singles = HashJoinProbeOperator.OUTPUT_ROWS / 2 - 1;
        List<Object[]> probeRows = new ArrayList<>();
        List<Object[]> buildRows = new ArrayList<>();
        probeRows.add(new Object[] {0L, -1L, null, null, null, 0L, null});
        for (long i = 1; i <= singles; i++) {
            probeRows.add(new Object[] {i, i, null, null, null, 0L, null});
            buildRows.add(new Object[] {i, i, null, null, null, 0L, null});
        }
        probeRows.add(new Object[] {-5L, 5000L, null, null, null, 0L, null});
        buildRows.add(new Object[] {-1L, 5000L, null, null, null, 0L, null});
        Table onceProbe = table("once_p", probeRows, probeRows.size());
        Table onceBuild = table("once_b", buildRows, 100);
        Run run = check(JoinType.SINGLE, onceProbe, onceBuild, keys(K), keys(K), false, null);
        assertThat(run.rows()).hasSize(probeRows.size());
        buildRows.add(new Object[] {-2L, 5000L, null, null, null, 0L, null});
        Table twiceBuild = table("twice_b", buildRows, 100);
        assertSqlState("21000", () -> run(join(JoinType.SINGLE, onceProbe.scan(), twiceBuild.scan(), keys(K), keys(K), false,
                Optional.empty())));
    }

    // ---------------------------------------------------------------- pipelines

    @Test
    void twoJoinsInOneProbePipeline() {
        // (smallProbe JOIN build ON k) LEFT JOIN smallBuild ON s = s AND x = x AND smallProbe.y > smallBuild.y
        PhysicalPlan p = smallProbe.scan();
        PhysicalPlan b = build.scan();
        PhysicalPlan c = smallBuild.scan();
        PhysicalPlan first = join(JoinType.INNER, p, b, keys(K), keys(K), false, Optional.empty());
        Expr residual = Y_GREATER.expr().apply(first, c);
        Run run = run(join(JoinType.LEFT, first, c, keys(S, X), keys(S, X), false, Optional.of(residual)));
        List<List<Object>> inner = new ReferenceJoin(JoinType.INNER, keys(K), keys(K), false, null)
                .run(smallProbe.rows(), WIDTH, build.rows(), WIDTH);
        List<List<Object>> expected = new ReferenceJoin(JoinType.LEFT, keys(S, X), keys(S, X), false, Y_GREATER.reference())
                .run(ReferenceJoin.arrays(inner), 2 * WIDTH, smallBuild.rows(), WIDTH);
        assertSameRows(run.rows(), expected);
        assertThat(run.rows().stream().filter(r -> r.get(2 * WIDTH) != null)).isNotEmpty();
        // Two build pipelines, then one pipeline probing both tables.
        assertThat(run.stats()).hasSize(3);
        assertThat(run.stats().get(2).rowsIn()).isEqualTo(smallProbe.rows().size());
    }

    @Test
    void buildSideWithItsOwnJoinAndFilter() {
        // probe SEMI JOIN (smallBuild JOIN build ON k WHERE build.y IS NOT NULL) ON probe.s = smallBuild.s
        PhysicalPlan sb = smallBuild.scan();
        PhysicalPlan b = build.scan();
        PhysicalPlan inner = join(JoinType.INNER, sb, b, keys(K), keys(K), false, Optional.empty());
        PhysicalPlan filtered = TestPlans.filter(inner, call(Function.IS_NOT_NULL, DataType.BOOLEAN, col(inner, WIDTH + Y)));
        PhysicalPlan p = probe.scan();
        Run run = run(join(JoinType.SEMI, p, filtered, keys(S), keys(S), false, Optional.empty()));
        List<Object[]> buildRows = ReferenceJoin.arrays(new ReferenceJoin(JoinType.INNER, keys(K), keys(K), false, null)
                .run(smallBuild.rows(), WIDTH, build.rows(), WIDTH)).stream().filter(r -> r[WIDTH + Y] != null).toList();
        assertSameRows(run.rows(), new ReferenceJoin(JoinType.SEMI, keys(S), keys(S), false, null)
                .run(probe.rows(), WIDTH, buildRows, 2 * WIDTH));
    }
}
