package dev.quiver.codegen;

import static dev.quiver.exec.testing.TestPlans.call;
import static dev.quiver.exec.testing.TestPlans.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plans with a union as a hash join's build side under the compiling driver factory: every
 * pipeline is compiled, the union's inputs, the build and the probe of every join type, and the
 * rows are the interpreter's.
 */
class UnionIntoHashJoinCompiledTest {
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

    static PlanRun run(PhysicalPlan plan, DriverFactory factory) {
        return PlanRun.of(db, plan, factory);
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

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void everyPipelineIsCompiledWithTheInterpretersRows(JoinType type) {
        PlanRun compiled = run(plan(type), COMPILED);
        PlanRun interpreted = run(plan(type), InterpretedDriverFactory.INSTANCE);
        assertThat(compiled.rows()).isNotEmpty();
        assertThat(compiled.sortedRows()).isEqualTo(interpreted.sortedRows());
        // Two union inputs, the union into the join build, then the probe into the result.
        assertThat(compiled.modes()).containsExactly("compiled", "compiled", "compiled", "compiled");
    }
}
