package dev.quiver.codegen;

import static dev.quiver.exec.testing.TestPlans.call;
import static dev.quiver.exec.testing.TestPlans.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.codegen.runtime.DriverOptions;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.PipelineBuilder;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.exec.testing.TestPlans;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hash-join probes compiled into the pipeline loop mean what the interpreted probe means: each
 * plan runs compiled and interpreted, the rows must be equal (as multisets), and every pipeline
 * with a probe must report "compiled".
 */
class CompiledHashJoinTest {
    static final DriverFactory COMPILED = new CompiledDriverFactory(Optional.empty());
    /** Compiled, every optional path taken: probes after the first go through queues however small their tables. */
    static final DriverFactory EVERY_PATH = new CompiledDriverFactory(Optional.empty(), 0, GeneratedPipelines.NONE, DriverOptions.EVERY_PATH);
    /** Every join type: all probes are generated. */
    static final JoinType[] GENERATED = JoinType.values();
    /** Column ordinals of the test tables. */
    static final int ID = 0;
    static final int K = 1;
    static final int S = 2;
    static final int D = 3;
    static final int W = 4;
    static final int DT = 5;
    static final int V = 6;
    static final int C = 7;
    static final int IV = 8;
    /** Doubles that compare equal but differ in bits (0.0, -0.0), and NaN, which equals itself in SQL. */
    static final double[] SPECIAL_DOUBLES = {0.0, -0.0, Double.NaN};

    static MiniDb db;
    static MiniDb.FakeTable probeTable;
    static MiniDb.FakeTable buildTable;

    @BeforeAll
    static void load() {
        List<ColumnMetadata> schema = List.of(new ColumnMetadata("id", DataType.BIGINT, false),
                new ColumnMetadata("k", DataType.INTEGER, true), new ColumnMetadata("s", DataType.VARCHAR, true),
                new ColumnMetadata("d", DataType.DOUBLE, true), new ColumnMetadata("w", DataType.decimal(38, 2), true),
                new ColumnMetadata("dt", DataType.DATE, true), new ColumnMetadata("v", DataType.INTEGER, true),
                new ColumnMetadata("c", DataType.decimal(10, 2), true), new ColumnMetadata("iv", DataType.INTERVAL, true));
        db = new MiniDb();
        // Chunks of 300 rows: several morsels per table, and a probe batch matching thousands of rows.
        probeTable = db.table("p", schema, rows(1800, 60), 300);
        buildTable = db.table("b", schema, rows(500, 80), 300);
    }

    /** Rows whose key columns repeat every {@code keys} rows (so keys match many rows), each with its own NULLs. */
    static List<Object[]> rows(int n, int keys) {
        BigDecimal huge = new BigDecimal("10000000000000000000000000.00");
        long day = LocalDate.of(1995, 1, 1).toEpochDay();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int key = i % keys;
            rows.add(new Object[] {
                    (long) i,
                    i % 11 == 0 ? null : (long) key,
                    i % 13 == 0 ? null : "s" + key % 45,
                    i % 17 == 0 ? null : key % 20 < SPECIAL_DOUBLES.length ? SPECIAL_DOUBLES[key % 20] : key * 0.5,
                    i % 19 == 0 ? null : (key % 2 == 0 ? BigDecimal.valueOf(key % 40, 0) : huge.add(BigDecimal.valueOf(key))),
                    i % 23 == 0 ? null : (int) (day + key),
                    i % 5 == 0 ? null : (long) (i % 7),
                    i % 29 == 0 ? null : BigDecimal.valueOf(key % 40, 0),
                    i % 31 == 0 ? null : interval(key % 4, key % 10, i % 3)});
        }
        return rows;
    }

    /** {@code months} months and {@code days} days, written one of three equal ways (1 month = 30 days = 720 hours). */
    static Interval interval(int months, int days, int way) {
        return switch (way) {
            case 0 -> new Interval(months, days, 0);
            case 1 -> new Interval(0, 30 * months + days, 0);
            default -> new Interval(0, days, 86_400_000_000L * 30 * months);
        };
    }

    @AfterAll
    static void unload() {
        db.close();
    }

    // ------------------------------------------------------------------ running plans

    static PlanRun run(PhysicalPlan plan, DriverFactory factory) {
        return PlanRun.of(db, plan, factory);
    }

    /**
     * Runs the plan interpreted and compiled (with the default options and taking every path); the
     * rows must agree and every pipeline must be compiled. Returns the rows.
     */
    static List<List<Object>> sameRowsCompiled(PhysicalPlan plan) {
        PlanRun interpreted = run(plan, InterpretedDriverFactory.INSTANCE);
        PlanRun compiled = null;
        for (DriverFactory factory : List.of(COMPILED, EVERY_PATH)) {
            compiled = run(plan, factory);
            assertThat(compiled.rows()).hasSameSizeAs(interpreted.rows());
            assertThat(compiled.sortedRows()).isEqualTo(interpreted.sortedRows());
            assertThat(compiled.stats()).allSatisfy(s -> assertThat(s.mode()).as(s.description()).isEqualTo("compiled"));
        }
        return compiled.rows();
    }

    static PhysicalPlan scan(MiniDb.FakeTable table) {
        return TestPlans.scan(table);
    }

    static PhysicalPlan filtered(PhysicalPlan input, Function f, int column, long value) {
        return TestPlans.filter(input, call(f, DataType.BOOLEAN, col(input, column), Literal.of(value, col(input, column).type())));
    }

    static PhysicalPlan join(JoinType type, PhysicalPlan probe, PhysicalPlan build, int probeKey, int buildKey, boolean nullSafe,
            Optional<Expr> residual) {
        return TestPlans.join(type, probe, build, new int[] {probeKey}, new int[] {buildKey}, nullSafe, residual);
    }

    /**
     * Filters stacked before a probe, each counted on its own: a few become selection passes with a
     * count after each, more than {@link SelectionPasses#MAX_PASSES} fall back to one loop testing
     * each row. Rows and every operator's count must be the interpreter's.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, SelectionPasses.MAX_PASSES + 2})
    void stackedFiltersBeforeAProbeKeepTheirCounts(int filters) {
        PhysicalPlan p = scan(probeTable);
        for (int f = 0; f < filters; f++) {
            p = filtered(p, Function.NOT_EQUAL, ID, 7L * f + 3);
        }
        p = filtered(p, Function.GREATER_THAN, ID, 40);
        PhysicalPlan plan = join(JoinType.INNER, p, filtered(scan(buildTable), Function.LESS_THAN, ID, 200), K, K, false, Optional.empty());
        PlanRun interpreted = run(plan, InterpretedDriverFactory.INSTANCE);
        PlanRun compiled = run(plan, COMPILED);
        assertThat(compiled.sortedRows()).isNotEmpty().isEqualTo(interpreted.sortedRows());
        assertThat(compiled.modes()).containsOnly("compiled");
        assertThat(compiled.stats().stream().map(s -> s.operatorRows()).toList())
                .isEqualTo(interpreted.stats().stream().map(s -> s.operatorRows()).toList());
    }

    /** p.v < b.v: NULL whenever either v is NULL. */
    static Expr lessV(PhysicalPlan probe, PhysicalPlan build) {
        return call(Function.LESS_THAN, DataType.BOOLEAN, col(probe, V), col(build, V));
    }

    // ------------------------------------------------------------------ one probe

    static Stream<Arguments> typesAndKeys() {
        List<Arguments> cases = new ArrayList<>();
        for (JoinType type : GENERATED) {
            if (type == JoinType.SINGLE) {
                continue;
            }
            for (int key : new int[] {K, S, D, W, DT, IV}) {
                for (boolean nullSafe : new boolean[] {false, true}) {
                    cases.add(Arguments.of(type, key, nullSafe));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on column {1}, null-safe {2}")
    @MethodSource("typesAndKeys")
    void everyKeyKindOfEveryJoinType(JoinType type, int key, boolean nullSafe) {
        List<List<Object>> rows = sameRowsCompiled(join(type, scan(probeTable), scan(buildTable), key, key, nullSafe, Optional.empty()));
        // Every probe key is on the build side, NULL too: only ANTI with null-safe keys is empty. (Not
        // every build key is on the probe side: RIGHT_ANTI's emptiness depends on the column.)
        if (type != JoinType.RIGHT_ANTI) {
            assertThat(rows.isEmpty()).isEqualTo(type == JoinType.ANTI && nullSafe);
        }
    }

    @Test
    void manyMatchesPerProbeRowMakeManyOutputBatches() {
        // v has 7 values: each probe row matches about 23 of the 200 build rows.
        PhysicalPlan b = filtered(scan(buildTable), Function.LESS_THAN, ID, 200);
        List<List<Object>> rows = sameRowsCompiled(join(JoinType.INNER, scan(probeTable), b, V, V, false, Optional.empty()));
        assertThat(rows.size()).isGreaterThan(5 * dev.quiver.exec.batch.Selections.BATCH_SIZE);
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void keysOfDifferentRepresentationsAreCastAsTheInterpreterCastsThem(JoinType type) {
        // DECIMAL(10,2) against DECIMAL(38,2), and INTEGER against BIGINT.
        sameRowsCompiled(join(type, scan(probeTable), scan(buildTable), C, W, false, Optional.empty()));
        sameRowsCompiled(join(type, scan(probeTable), scan(buildTable), K, ID, false, Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void residualsIncludingNullOnes(JoinType type) {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan b = scan(buildTable);
        List<List<Object>> rows = sameRowsCompiled(join(type, p, b, K, K, false, Optional.of(lessV(p, b))));
        if (type == JoinType.MARK) {
            // Some marks are NULL (only NULL residuals), some TRUE, some FALSE.
            List<Object> marks = rows.stream().map(r -> r.get(r.size() - 1)).distinct().toList();
            assertThat(marks).containsExactlyInAnyOrder(true, false, null);
        }
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void nestedLoopJoinWithoutKeys(JoinType type) {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan b = filtered(scan(buildTable), Function.LESS_THAN, ID, 40);
        sameRowsCompiled(TestPlans.join(type, p, b, List.of(), List.of(), List.of(), Optional.of(lessV(p, b))));
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void emptyBuildSide(JoinType type) {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan b = filtered(scan(buildTable), Function.LESS_THAN, ID, -1);
        List<List<Object>> rows = sameRowsCompiled(join(type, p, b, K, K, false, Optional.of(lessV(p, b))));
        assertThat(rows).hasSize(type == JoinType.INNER || type == JoinType.SEMI || type == JoinType.RIGHT || !type.outputsLeft() ? 0 : 1800);
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"RIGHT_SEMI", "RIGHT_ANTI"})
    void emptyProbeSideEmitsNoBuildRowForRightSemiAndEveryOneForRightAnti(JoinType type) {
        PhysicalPlan p = filtered(scan(probeTable), Function.LESS_THAN, ID, -1);
        PhysicalPlan b = scan(buildTable);
        List<List<Object>> rows = sameRowsCompiled(join(type, p, b, K, K, false, Optional.of(lessV(p, b))));
        assertThat(rows).hasSize(type == JoinType.RIGHT_SEMI ? 0 : 500);
    }

    /**
     * A RIGHT_SEMI or RIGHT_ANTI probe emits its build rows only at the end; they pass through a
     * second probe of the same pipeline (whose own tail, for the flagging types, comes after).
     */
    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("buildRowsOnlyThenAnother")
    void buildRowsOnlyProbeThenASecondProbe(JoinType first, JoinType second) {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan b1 = scan(buildTable);
        PhysicalPlan j1 = join(first, p, b1, K, K, false, Optional.of(lessV(p, b1)));
        PhysicalPlan b2 = filtered(scan(buildTable), Function.LESS_THAN, ID, 100);
        PhysicalPlan j2 = TestPlans.join(second, j1, b2, List.of(col(b1, S)), List.of(col(b2, S)), List.of(false),
                Optional.of(call(Function.LESS_THAN, DataType.BOOLEAN, col(b2, ID), col(b1, ID))));
        List<List<Object>> rows = sameRowsCompiled(j2);
        assertThat(rows).isNotEmpty();
    }

    static Stream<Arguments> buildRowsOnlyThenAnother() {
        List<Arguments> cases = new ArrayList<>();
        for (JoinType first : new JoinType[] {JoinType.RIGHT_SEMI, JoinType.RIGHT_ANTI}) {
            for (JoinType second : GENERATED) {
                if (second != JoinType.SINGLE) {
                    cases.add(Arguments.of(first, second));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"RIGHT", "FULL"})
    void emptyProbeSideEmitsEveryBuildRowWithNullProbeColumns(JoinType type) {
        PhysicalPlan p = filtered(scan(probeTable), Function.LESS_THAN, ID, -1);
        PhysicalPlan b = scan(buildTable);
        List<List<Object>> rows = sameRowsCompiled(join(type, p, b, K, K, false, Optional.empty()));
        assertThat(rows).hasSize(500).allSatisfy(r -> assertThat(r.get(ID)).isNull());
    }

    /**
     * A projection before a RIGHT or FULL probe computes columns that are not NULL for a NULL input
     * (a literal, COALESCE): in the unmatched build rows they must still be NULL, as the whole probe
     * side is.
     */
    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"RIGHT", "FULL"})
    void probeColumnsOfUnmatchedBuildRowsAreNullEvenWhenComputedFromNothing(JoinType type) {
        PhysicalPlan p = filtered(scan(probeTable), Function.LESS_THAN, ID, 300);
        ColumnRef one = TestPlans.column("one", DataType.BIGINT);
        ColumnRef ck = TestPlans.column("ck", DataType.BIGINT);
        ColumnRef pk = TestPlans.column("pk", DataType.INTEGER);
        PhysicalPlan projected = TestPlans.node(new Project(List.of(
                new Assignment(one, Literal.of(1L, DataType.BIGINT)),
                new Assignment(ck, call(Function.COALESCE, DataType.BIGINT, col(p, K), Literal.of(-1L, DataType.BIGINT))),
                new Assignment(pk, col(p, K)))), p);
        PhysicalPlan b = scan(buildTable);
        PhysicalPlan joined = TestPlans.join(type, projected, b, List.of(col(projected, 2)), List.of(col(b, K)), List.of(false),
                Optional.empty());
        List<List<Object>> rows = sameRowsCompiled(joined);
        // Build keys 60..79 have no probe row (probe keys are 0..59): those rows carry NULL, not 1 or -1.
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 3)).containsOnlyNulls());
        assertThat(rows).allSatisfy(r -> assertThat(r.get(0) == null).isEqualTo(r.get(1) == null));
    }

    /** x IN (SELECT ...): the build side with NULL keys, without them, or empty. */
    @ParameterizedTest
    @ValueSource(strings = {"with NULL keys", "without NULL keys", "empty"})
    void nullAwareMarkWithNullKeysOnEitherSide(String buildSide) {
        PhysicalPlan p = scan(probeTable);
        // Build rows 0..59: keys 0..59 except those of the rows with a NULL key (0, 11, 22, ...).
        PhysicalPlan b = filtered(scan(buildTable), Function.LESS_THAN, ID, 60);
        if (buildSide.equals("without NULL keys")) {
            b = TestPlans.filter(b, call(Function.IS_NOT_NULL, DataType.BOOLEAN, col(b, K)));
        } else if (buildSide.equals("empty")) {
            b = filtered(b, Function.LESS_THAN, ID, -1);
        }
        PhysicalPlan plan = join(JoinType.MARK, p, b, K, K, false, Optional.empty());
        assertThat(((HashJoin) plan.operator()).nullAwareMark()).isTrue();
        List<List<Object>> rows = sameRowsCompiled(plan);
        List<Object> marks = rows.stream().map(r -> r.get(r.size() - 1)).distinct().toList();
        switch (buildSide) {
            case "with NULL keys" -> assertThat(marks).containsExactlyInAnyOrder(true, null);
            case "without NULL keys" -> assertThat(marks).containsExactlyInAnyOrder(true, false, null);
            default -> assertThat(marks).containsExactly(false);
        }
    }

    @Test
    void singleJoinWithOneOrNoMatchPerRow() {
        PhysicalPlan p = scan(probeTable);
        // Build ids are unique: each probe k matches one row at most (none below 30).
        PhysicalPlan b = filtered(scan(buildTable), Function.GREATER_THAN, ID, 30);
        List<List<Object>> rows = sameRowsCompiled(join(JoinType.SINGLE, p, b, K, ID, false, Optional.of(lessV(p, b))));
        assertThat(rows).hasSize(1800);
    }

    @Test
    void singleJoinFailsOnASecondMatchInBothModes() {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan plan = join(JoinType.SINGLE, p, scan(buildTable), K, K, false, Optional.empty());
        for (DriverFactory factory : List.of(InterpretedDriverFactory.INSTANCE, COMPILED)) {
            assertThatThrownBy(() -> run(plan, factory)).isInstanceOfSatisfying(QuiverException.class, e -> {
                assertThat(e.sqlState()).isEqualTo(SqlState.CARDINALITY_VIOLATION);
                assertThat(e.rawMessage()).isEqualTo("more than one row returned by a subquery used as an expression");
            });
        }
    }

    // ------------------------------------------------------------------ several probes

    static Stream<Arguments> probePairs() {
        List<Arguments> cases = new ArrayList<>();
        for (JoinType first : new JoinType[] {JoinType.INNER, JoinType.LEFT, JoinType.MARK, JoinType.RIGHT, JoinType.FULL}) {
            for (JoinType second : GENERATED) {
                cases.add(Arguments.of(first, second));
            }
        }
        return cases.stream();
    }

    /**
     * p JOIN b1 ON k, then a filter and a projection over both sides, then a second probe into b2
     * (on a unique key for SINGLE), then a projection: one pipeline with two probes.
     */
    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("probePairs")
    void twoProbesWithAFilterAndAProjectionBetween(JoinType first, JoinType second) {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan b1 = filtered(scan(buildTable), Function.LESS_THAN, ID, 200);
        PhysicalPlan j1 = join(first, p, b1, K, K, false, Optional.of(lessV(p, b1)));
        Expr keep = first == JoinType.MARK
                ? call(Function.OR, DataType.BOOLEAN, call(Function.IS_NULL, DataType.BOOLEAN, col(j1, j1.outputColumns().size() - 1)),
                        col(j1, j1.outputColumns().size() - 1))
                : call(Function.OR, DataType.BOOLEAN, call(Function.IS_NULL, DataType.BOOLEAN, col(b1, V)),
                        call(Function.GREATER_THAN, DataType.BOOLEAN, col(b1, V), Literal.of(2L, DataType.INTEGER)));
        PhysicalPlan f = TestPlans.filter(j1, keep);
        ColumnRef twice = TestPlans.column("twice", DataType.BIGINT);
        ColumnRef label = TestPlans.column("label", DataType.VARCHAR);
        ColumnRef key = TestPlans.column("key", DataType.BIGINT);
        Expr otherSide = first == JoinType.MARK ? col(p, S) : col(b1, S);
        PhysicalPlan projected = TestPlans.node(new Project(List.of(
                new Assignment(twice, call(Function.MULTIPLY, DataType.BIGINT, col(p, ID), Literal.of(2L, DataType.BIGINT))),
                new Assignment(label, call(Function.CONCAT, DataType.VARCHAR, col(p, S), otherSide)),
                new Assignment(key, call(Function.ADD, DataType.BIGINT, col(p, K), Literal.of(1L, DataType.BIGINT))),
                new Assignment(col(p, D), col(p, D)))), f);
        PhysicalPlan b2 = filtered(scan(buildTable), Function.LESS_THAN, ID, 100);
        PhysicalPlan j2 = second == JoinType.SINGLE
                ? TestPlans.join(second, projected, b2, List.of(key), List.of(col(b2, ID)), List.of(false),
                        Optional.of(call(Function.LESS_THAN, DataType.BOOLEAN, col(b2, ID), col(projected, 0))))
                : TestPlans.join(second, projected, b2, List.of(col(projected, 3)), List.of(col(b2, D)), List.of(false),
                        Optional.of(call(Function.LESS_THAN, DataType.BOOLEAN, col(b2, ID), col(projected, 0))));
        ColumnRef sum = TestPlans.column("sum", DataType.BIGINT);
        List<Assignment> out = new ArrayList<>();
        // Without the probe side's columns (RIGHT_SEMI, RIGHT_ANTI) column 0 is b2's id.
        out.add(new Assignment(sum, call(Function.ADD, DataType.BIGINT, col(j2, 0), col(j2, second.outputsLeft() ? 2 : 0))));
        for (ColumnRef c : j2.outputColumns()) {
            out.add(new Assignment(c, c));
        }
        List<List<Object>> rows = sameRowsCompiled(TestPlans.node(new Project(out), j2));
        assertThat(rows).isNotEmpty();
    }

    /**
     * Three probes in one pipeline, the later two through {@link ProbeQueue}s (every path taken):
     * each probe row matches several build rows, so a push fills a queue more than once. Rows
     * (in order: a queue lets rows out in the order they entered) and every operator's count must
     * be the interpreter's.
     */
    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"INNER", "LEFT", "SEMI", "ANTI", "SINGLE", "MARK"})
    void queuedProbesKeepOrderAndCounts(JoinType last) {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan b1 = filtered(scan(buildTable), Function.LESS_THAN, ID, 400);
        PhysicalPlan j1 = join(JoinType.INNER, p, b1, K, K, false, Optional.empty());
        // About a dozen b2 rows per key (v has 7 values): the last queue fills, and drains, between
        // two matches of one row's chain.
        PhysicalPlan b2 = filtered(scan(buildTable), Function.LESS_THAN, ID, 100);
        // A build column of the first probe as the second probe's key.
        PhysicalPlan j2 = TestPlans.join(JoinType.INNER, j1, b2, List.of(col(b1, V)), List.of(col(b2, V)), List.of(false),
                Optional.of(call(Function.LESS_THAN, DataType.BOOLEAN, col(b2, ID), col(p, ID))));
        // Few b3 rows: many rows leave the last queue without candidates, which a drain must not let
        // change the build rows of an earlier probe whose chain walk the drain interrupted.
        PhysicalPlan b3 = filtered(scan(buildTable), Function.LESS_THAN, ID, last == JoinType.SINGLE ? 80 : 20);
        PhysicalPlan j3 = last == JoinType.SINGLE
                ? TestPlans.join(last, j2, b3, List.of(col(b2, K)), List.of(col(b3, ID)), List.of(false), Optional.empty())
                : TestPlans.join(last, j2, b3, List.of(col(b1, S)), List.of(col(b3, S)), List.of(false),
                        Optional.of(call(Function.LESS_THAN, DataType.BOOLEAN, col(b3, ID), col(b2, ID))));
        PlanRun interpreted = run(j3, InterpretedDriverFactory.INSTANCE);
        for (DriverFactory factory : List.of(COMPILED, EVERY_PATH)) {
            PlanRun compiled = run(j3, factory);
            assertThat(compiled.rows()).hasSizeGreaterThan(ProbeQueue.ROWS).isEqualTo(interpreted.rows());
            assertThat(compiled.modes()).containsOnly("compiled");
            assertThat(compiled.stats().stream().map(s -> s.operatorRows()).toList())
                    .isEqualTo(interpreted.stats().stream().map(s -> s.operatorRows()).toList());
        }
    }

    // ------------------------------------------------------------------ through SQL, into aggregations

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT p.s, count(*), sum(b.id), min(b.s), max(p.d), sum(p.w), avg(b.c) FROM p JOIN b ON p.k = b.k GROUP BY p.s",
            "SELECT count(*), sum(p.id * b.id) FROM p JOIN b ON p.s = b.s AND p.dt = b.dt WHERE b.v > p.v",
            "SELECT count(*), sum(p.id) FROM p WHERE EXISTS (SELECT 1 FROM b WHERE b.k = p.k AND b.v > p.v)",
            "SELECT p.v, count(*) FROM p WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.s = p.s AND b.v = p.v) GROUP BY p.v",
            "SELECT m, count(*) FROM (SELECT p.k IN (SELECT k FROM b WHERE id < 60) AS m FROM p) t GROUP BY m",
            "SELECT m, count(*) FROM (SELECT p.k NOT IN (SELECT k FROM b WHERE id < 60 AND k IS NOT NULL) AS m FROM p) t GROUP BY m",
            "SELECT p.id, (SELECT b.s FROM b WHERE b.id = p.k) FROM p",
            "SELECT p.id, p.d FROM p WHERE p.v > ANY (SELECT b.v FROM b WHERE b.k = p.k)",
            "SELECT b.s, count(p.id), sum(p.d), count(*) FROM p RIGHT JOIN b ON p.k = b.k AND p.v < b.v GROUP BY b.s",
            "SELECT p.id, b.id, p.s || b.s FROM p FULL JOIN b ON p.k = b.k AND p.s = b.s"})
    void sqlQueriesThroughProbesAndAggregations(String sql) {
        assertThat(sameRowsCompiled(db.plan(sql))).isNotEmpty();
    }

    @Test
    void anAggregationAfterAProbeIsCompiledIntoOnePipeline() {
        PhysicalPlan plan = db.plan("SELECT p.s, count(*), sum(b.id) FROM p JOIN b ON p.k = b.k WHERE p.v > 1 GROUP BY p.s");
        PlanRun compiled = run(plan, COMPILED);
        assertThat(compiled.sortedRows()).isEqualTo(run(plan, InterpretedDriverFactory.INSTANCE).sortedRows());
        assertThat(compiled.stats()).allSatisfy(s -> assertThat(s.mode()).as(s.description()).isEqualTo("compiled"));
    }

    @Test
    void aProbeOnOneIntegerKeyTestsTheKeyAgainstTheExactFilterBeforeHashingIt() {
        String oneKey = probeSource("SELECT count(*), sum(b.id) FROM p JOIN b ON p.k = b.k");
        assertThat(oneKey).contains(", 1L);").contains(".mayMatchKey(");
        // The key is tested before the hash is computed: the test comes first in the locating keys method.
        assertThat(oneKey.indexOf(".mayMatchKey(")).isLessThan(oneKey.indexOf("Hashing.combine"));
        // Of an integer key and a string key, the integer one may be tested (bit 0), the string one not.
        String twoKeys = probeSource("SELECT count(*), sum(b.id) FROM p JOIN b ON p.k = b.k AND p.s = b.s");
        assertThat(twoKeys).contains(", 1L);").contains(".mayMatchKey(").contains(".mayMatch(");
        String bothInteger = probeSource("SELECT count(*), sum(b.id) FROM p JOIN b ON p.k = b.k AND p.c = b.c");
        assertThat(bothInteger).contains(", 3L);").contains(".key()");
        String stringKey = probeSource("SELECT count(*), sum(b.id) FROM p JOIN b ON p.s = b.s");
        assertThat(stringKey).doesNotContain(".mayMatchKey(");
        for (String sql : List.of("SELECT count(*), sum(b.id) FROM p JOIN b ON p.k = b.k",
                "SELECT count(*), sum(p.id) FROM p WHERE p.dt IN (SELECT b.dt FROM b WHERE b.id < 200)",
                "SELECT count(*), sum(b.id) FROM p JOIN b ON p.c = b.c",
                "SELECT count(*), sum(b.id) FROM p JOIN b ON p.k = b.k AND p.c = b.c",
                "SELECT count(*), sum(b.id) FROM p JOIN b ON p.k = b.k AND p.s = b.s")) {
            assertThat(sameRowsCompiled(db.plan(sql))).as(sql).isNotEmpty();
        }
    }

    /**
     * A second probe on one integer key, into a table too small for a queue (with the default
     * options): its stage tests the key of each row the first probe passes against the exact
     * filter, which keeps 7 of the 60 keys. The rows must be the interpreter's, join type by join
     * type of the second probe.
     */
    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"INNER", "SEMI", "LEFT", "ANTI"})
    void aSecondProbeTestsItsKeyInItsStage(JoinType second) {
        PhysicalPlan p = scan(probeTable);
        PhysicalPlan b1 = filtered(scan(buildTable), Function.LESS_THAN, ID, 400);
        PhysicalPlan j1 = join(JoinType.INNER, p, b1, ID, ID, false, Optional.empty());
        PhysicalPlan b2 = filtered(scan(buildTable), Function.LESS_THAN, ID, 8);
        PhysicalPlan j2 = TestPlans.join(second, j1, b2, List.of(col(p, K)), List.of(col(b2, K)), List.of(false), Optional.empty());
        assertThat(sameRowsCompiled(j2)).isNotEmpty();
    }

    /** The generated source of the plan's pipeline that probes a hash join. */
    private static String probeSource(String sql) {
        PhysicalPlan plan = db.plan(sql);
        PipelineBuilder.BuiltQuery built = PipelineBuilder.build(plan, plan.outputColumns().stream().map(ColumnRef::name).toList());
        try {
            return built.pipelines().stream()
                    .map(p -> PipelineGenerator.generate(p, CompiledDriverFactory.CLASS_NAME, ExpressionGenerator.SPLIT_THRESHOLD))
                    .flatMap(r -> r.generated().stream())
                    .map(PipelineGenerator.Generated::source)
                    .filter(source -> source.contains("// hash join probe"))
                    .findFirst().orElseThrow();
        } finally {
            built.result().discard();
        }
    }
}
