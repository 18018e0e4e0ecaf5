package dev.quiver.planner.explain;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a physical plan as an indented tree, one operator per line with its estimated rows and
 * cumulative cost, followed by the columns it produces:
 *
 * <pre>
 * HashAggregate keys=[...] aggregates=[...]  (rows=4 cost=1234.5)
 *   columns: l_returnflag#3 VARCHAR, ...
 *   Filter ...
 * </pre>
 *
 * An annotator may add lines per node (EXPLAIN ANALYZE adds actual rows and time there).
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String print(PhysicalPlan plan) {
        return print(plan, p -> List.of());
    }

    public static String print(PhysicalPlan plan, Function<PhysicalPlan, List<String>> annotator) {
        StringBuilder s = new StringBuilder();
        render(plan, 0, annotator, s);
        return s.toString();
    }

    private static void render(PhysicalPlan plan, int depth, Function<PhysicalPlan, List<String>> annotator, StringBuilder s) {
        String indent = "  ".repeat(depth);
        s.append(indent).append(plan.operator().describe())
                .append(String.format(Locale.ROOT, "  (rows=%s cost=%s)", rows(plan.estimatedRows()), plan.cost())).append('\n');
        s.append(indent).append("    columns: ").append(columns(plan.outputColumns())).append('\n');
        for (String line : annotator.apply(plan)) {
            s.append(indent).append("    ").append(line).append('\n');
        }
        for (PhysicalPlan input : plan.inputs()) {
            render(input, depth + 1, annotator, s);
        }
    }

    private static String rows(double rows) {
        return rows >= 1e6 ? String.format(Locale.ROOT, "%.3g", rows) : String.valueOf(Math.round(rows));
    }

    private static String columns(List<ColumnRef> columns) {
        if (columns.isEmpty()) {
            return "(none)";
        }
        return columns.stream().map(c -> c + " " + c.type()).collect(Collectors.joining(", "));
    }

    /** Per-node annotations keyed by node identity, for callers that collect them beforehand. */
    public static Function<PhysicalPlan, List<String>> fromMap(Map<PhysicalPlan, List<String>> annotations) {
        return p -> annotations.getOrDefault(p, List.of());
    }
}
