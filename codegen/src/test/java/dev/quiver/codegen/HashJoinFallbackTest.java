package dev.quiver.codegen;

import static dev.quiver.exec.testing.TestPlans.call;
import static dev.quiver.exec.testing.TestPlans.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.pipeline.DriverFactory;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plans with hash joins and unions under the compiling driver factory: pipelines around them are
 * compiled, a pipeline with a join probe runs interpreted and says why, and the rows are the
 * interpreter's.
 */
class HashJoinFallbackTest {
    static final String PROBE_MODE = "interpreted (not compiled: hash join probe not yet generated)";
    static final DriverFactory COMPILED = new CompiledDriverFactory(Optional.empty());
    static MiniDb db;
    static MiniDb.FakeTable left;
    static MiniDb.FakeTable right;

    @BeforeAll
    static void load() {
        List<ColumnMetadata> schema = List.of(new ColumnMetadata("id", DataType.BIGINT, false),
                new ColumnMetadata("k", DataType.INTEGER, true), new ColumnMetadata("s", DataType.VARCHAR, true));
        List<Object[]> l = new ArrayList<>();
        for (long i = 0; i < 1500; i++) {
            l.add(new Object[] {i, i % 9 == 0 ? null : i % 60, "l" + i % 5});
        }
        List<Object[]> r = new ArrayList<>();
        for (long i = 0; i < 400; i++) {
            r.add(new Object[] {i, i % 13 == 0 ? null : i % 80, "r" + i % 3});
        }
        db = new MiniDb();
        left = db.table("l", schema, l, 10);
        right = db.table("r", schema, r, 10);
    }

    @AfterAll
    static void unload() {
        db.close();
    }

    record Run(List<List<Object>> rows, List<PipelineStats> stats) {
    }

    static Run run(PhysicalPlan plan, DriverFactory factory) {
        List<String> names = plan.outputColumns().stream().map(ColumnRef::name).toList();
        try (QueryContext context = db.context()) {
            try (QueryOutput output = QueryExecutor.execute(plan, names, context, factory)) {
                return new Run(MiniDb.rows(output), context.stats());
            }
        }
    }

    /** l WHERE id > 5 JOIN (r WHERE id < 390 UNION ALL r) ON k. */
    static PhysicalPlan plan(JoinType type) {
        PhysicalPlan l = TestPlans.scan(left);
        PhysicalPlan probe = TestPlans.filter(l, call(Function.GREATER_THAN, DataType.BOOLEAN, col(l, 0), Literal.of(5L, DataType.BIGINT)));
        PhysicalPlan r1 = TestPlans.scan(right);
        PhysicalPlan filtered = TestPlans.filter(r1, call(Function.LESS_THAN, DataType.BOOLEAN, col(r1, 0),
                Literal.of(390L, DataType.BIGINT)));
        PhysicalPlan r2 = TestPlans.scan(right);
        List<ColumnRef> columns = List.of(TestPlans.column("id", DataType.BIGINT), TestPlans.column("k", DataType.INTEGER),
                TestPlans.column("s", DataType.VARCHAR));
        PhysicalPlan build = TestPlans.unionAll(columns, List.of(filtered, r2), List.of(new int[] {0, 1, 2}, new int[] {0, 1, 2}));
        return TestPlans.join(type, probe, build, new int[] {1}, new int[] {1}, false, Optional.empty());
    }

    static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted(Comparator.naturalOrder()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void probePipelinesRunInterpretedWithTheSameRows(JoinType type) {
        Run compiled = run(plan(type), COMPILED);
        Run interpreted = run(plan(type), InterpretedDriverFactory.INSTANCE);
        assertThat(compiled.rows()).isNotEmpty();
        assertThat(sorted(compiled.rows())).isEqualTo(sorted(interpreted.rows()));
        List<String> modes = compiled.stats().stream().map(PipelineStats::mode).toList();
        // Two union inputs, the union into the join build, then the probe into the result.
        assertThat(modes).containsExactly("compiled", "compiled", "compiled", PROBE_MODE);
    }
}
