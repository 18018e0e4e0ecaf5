package dev.quiver.exec.operator;

import static dev.quiver.exec.operator.ReferenceJoin.assertSameRows;
import static dev.quiver.exec.testing.TestPlans.call;
import static dev.quiver.exec.testing.TestPlans.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.PipelineStats;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.QueryExecutor;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.exec.testing.TestPlans;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UNION ALL run end to end on two workers: inputs of many morsels, constant rows and a join, read
 * back input after input in each input's own order; and a union as the build side of a join.
 */
class UnionAllTest {
    static final List<ColumnMetadata> SCHEMA = List.of(new ColumnMetadata("id", DataType.BIGINT, false),
            new ColumnMetadata("k", DataType.BIGINT, true), new ColumnMetadata("s", DataType.VARCHAR, true));
    static MiniDb db;
    static MiniDb.FakeTable a;
    static MiniDb.FakeTable b;
    static MiniDb.FakeTable empty;
    static List<Object[]> aRows;
    static List<Object[]> bRows;

    @BeforeAll
    static void load() {
        db = new MiniDb();
        aRows = new ArrayList<>();
        for (long i = 0; i < 9000; i++) {
            aRows.add(new Object[] {i, i % 11 == 0 ? null : i % 40, i % 7 == 0 ? null : "a" + (i % 13)});
        }
        bRows = new ArrayList<>();
        for (long i = 0; i < 300; i++) {
            bRows.add(new Object[] {100_000 + i, i % 50, "b" + i});
        }
        // 9000 rows in chunks of 5 are 113 morsels; so the union's source has 3 morsels for them.
        a = db.table("a", SCHEMA, aRows, 5);
        b = db.table("b", SCHEMA, bRows, 7);
        empty = db.table("e", SCHEMA, List.of(), 7);
    }

    @AfterAll
    static void unload() {
        db.close();
    }

    record Run(List<List<Object>> rows, List<PipelineStats> stats) {
    }

    static Run run(PhysicalPlan plan) {
        List<String> names = plan.outputColumns().stream().map(ColumnRef::name).toList();
        try (QueryContext context = db.context()) {
            try (QueryOutput output = QueryExecutor.execute(plan, names, context, InterpretedDriverFactory.INSTANCE)) {
                return new Run(MiniDb.rows(output), context.stats());
            }
        }
    }

    static List<Object> pick(Object[] row, int... columns) {
        return Arrays.stream(columns).mapToObj(c -> row[c]).toList();
    }

    @Test
    void threeInputsInputAfterInputEachInItsOrder() {
        PhysicalPlan scanA = TestPlans.scan(a);
        // The union's columns are the first input's own (the planner may reuse ids like this).
        List<ColumnRef> columns = List.of(col(scanA, 1), col(scanA, 2));
        PhysicalPlan values = TestPlans.values(List.of(TestPlans.column("v1", DataType.BIGINT), TestPlans.column("v2", DataType.VARCHAR)),
                List.of(new Object[] {1L, null}, new Object[] {null, "x"}, new Object[] {3L, "ü"}));
        PhysicalPlan scanB = TestPlans.scan(b);
        PhysicalPlan scanE = TestPlans.scan(empty);
        PhysicalPlan joined = TestPlans.join(JoinType.INNER, TestPlans.scan(a), scanB, new int[] {1}, new int[] {1}, false,
                Optional.empty());
        PhysicalPlan union = TestPlans.unionAll(columns, List.of(scanA, values, scanE, joined),
                List.of(new int[] {1, 2}, new int[] {0, 1}, new int[] {1, 2}, new int[] {3 + 1, 3 + 2}));
        Run run = run(union);

        List<List<Object>> expected = new ArrayList<>();
        aRows.forEach(r -> expected.add(pick(r, 1, 2)));
        expected.add(Arrays.asList(1L, null));
        expected.add(Arrays.asList(null, "x"));
        expected.add(Arrays.asList(3L, "ü"));
        int ordered = expected.size();
        List<List<Object>> joinRows = new ArrayList<>();
        for (Object[] x : aRows) {
            for (Object[] y : bRows) {
                if (x[1] != null && x[1].equals(y[1])) {
                    joinRows.add(pick(y, 1, 2));
                }
            }
        }
        assertThat(run.rows()).hasSize(ordered + joinRows.size());
        assertThat(run.rows().subList(0, ordered)).containsExactlyElementsOf(expected);
        assertSameRows(run.rows().subList(ordered, run.rows().size()), joinRows);
        // Four input pipelines (and the join's build), then one reading the union.
        assertThat(run.stats()).hasSize(6);
        assertThat(run.stats().get(5).rowsIn()).isEqualTo(run.rows().size());
    }

    @Test
    void unionAsTheBuildSideOfAJoinThenFiltered() {
        PhysicalPlan scanB = TestPlans.scan(b);
        PhysicalPlan values = TestPlans.values(List.of(TestPlans.column("id", DataType.BIGINT), TestPlans.column("k", DataType.BIGINT),
                TestPlans.column("s", DataType.VARCHAR)), List.of(new Object[] {-1L, 3L, "v"}, new Object[] {-2L, null, "w"}));
        List<ColumnRef> columns = List.of(TestPlans.column("id", DataType.BIGINT), TestPlans.column("k", DataType.BIGINT),
                TestPlans.column("s", DataType.VARCHAR));
        PhysicalPlan union = TestPlans.unionAll(columns, List.of(scanB, values, TestPlans.scan(empty)),
                List.of(new int[] {0, 1, 2}, new int[] {0, 1, 2}, new int[] {0, 1, 2}));
        PhysicalPlan filtered = TestPlans.filter(union, call(Function.LESS_THAN, DataType.BOOLEAN, col(union, 1),
                Literal.of(10L, DataType.BIGINT)));
        PhysicalPlan scanA = TestPlans.scan(a);
        Run run = run(TestPlans.join(JoinType.LEFT, scanA, filtered, new int[] {1}, new int[] {1}, false, Optional.empty()));

        List<Object[]> buildRows = new ArrayList<>(bRows);
        buildRows.add(new Object[] {-1L, 3L, "v"});
        buildRows.add(new Object[] {-2L, null, "w"});
        buildRows.removeIf(r -> r[1] == null || (Long) r[1] >= 10);
        assertSameRows(run.rows(), new ReferenceJoin(JoinType.LEFT, new int[] {1}, new int[] {1}, false, null)
                .run(aRows, 3, buildRows, 3));
    }
}
