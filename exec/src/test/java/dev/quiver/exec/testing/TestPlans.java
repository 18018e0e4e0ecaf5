package dev.quiver.exec.testing;

import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.cost.Cost;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.PhysicalOperator;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.UnionAll;
import dev.quiver.planner.physical.Values;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Physical plans built by hand, for operators the optimizer does not produce yet (or to pin a plan's
 * exact shape). Every column made here gets a fresh id.
 */
public final class TestPlans {
    private static final AtomicInteger IDS = new AtomicInteger(1_000_000);

    private TestPlans() {
    }

    public static ColumnRef column(String name, DataType type) {
        return new ColumnRef(IDS.incrementAndGet(), name, type);
    }

    /** A plan node over its inputs; its output columns are the operator's. */
    public static PhysicalPlan node(PhysicalOperator op, PhysicalPlan... inputs) {
        List<List<ColumnRef>> columns = Arrays.stream(inputs).map(PhysicalPlan::outputColumns).toList();
        return new PhysicalPlan(op, List.of(inputs), op.outputColumns(columns), 1, Cost.ZERO);
    }

    /** Scans every column of the table, in order, as fresh columns. */
    public static PhysicalPlan scan(MiniDb.FakeTable table) {
        List<ColumnMetadata> meta = table.columns();
        List<ColumnRef> columns = meta.stream().map(c -> column(c.name(), c.type())).toList();
        return node(new TableScan(table, columns, IntStream.range(0, meta.size()).boxed().toList()));
    }

    /** Constant rows (canonical Java values, null for NULL) of the given types. */
    public static PhysicalPlan values(List<ColumnRef> columns, List<Object[]> rows) {
        List<List<Expr>> exprs = new ArrayList<>();
        for (Object[] row : rows) {
            List<Expr> r = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                DataType t = columns.get(c).type();
                r.add(row[c] == null ? Literal.nullOf(t) : Literal.of(row[c], t));
            }
            exprs.add(r);
        }
        return node(new Values(columns, exprs));
    }

    public static PhysicalPlan filter(PhysicalPlan input, Expr predicate) {
        return node(new Filter(predicate), input);
    }

    /** Column {@code i} of a plan's output. */
    public static ColumnRef col(PhysicalPlan plan, int i) {
        return plan.outputColumns().get(i);
    }

    public static Call call(Function f, DataType type, Expr... args) {
        return new Call(f, List.of(args), type);
    }

    /** A hash join on key pairs (probe column, build column), all null-safe or none. */
    public static PhysicalPlan join(JoinType type, PhysicalPlan probe, PhysicalPlan build, int[] probeKeys, int[] buildKeys,
            boolean nullSafe, Optional<Expr> residual) {
        List<Expr> pk = Arrays.stream(probeKeys).mapToObj(k -> (Expr) col(probe, k)).toList();
        List<Expr> bk = Arrays.stream(buildKeys).mapToObj(k -> (Expr) col(build, k)).toList();
        return join(type, probe, build, pk, bk, Collections.nCopies(pk.size(), nullSafe), residual);
    }

    public static PhysicalPlan join(JoinType type, PhysicalPlan probe, PhysicalPlan build, List<Expr> probeKeys,
            List<Expr> buildKeys, List<Boolean> nullSafe, Optional<Expr> residual) {
        Optional<ColumnRef> mark = type == JoinType.MARK ? Optional.of(column("mark", DataType.BOOLEAN)) : Optional.empty();
        return node(new HashJoin(type, probeKeys, buildKeys, nullSafe, residual, mark), probe, build);
    }

    /** UNION ALL of the inputs' columns {@code picks[i]}, as {@code columns}. */
    public static PhysicalPlan unionAll(List<ColumnRef> columns, List<PhysicalPlan> inputs, List<int[]> picks) {
        List<List<ColumnRef>> inputColumns = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PhysicalPlan in = inputs.get(i);
            inputColumns.add(Arrays.stream(picks.get(i)).mapToObj(c -> col(in, c)).toList());
        }
        return node(new UnionAll(columns, inputColumns), inputs.toArray(PhysicalPlan[]::new));
    }
}
