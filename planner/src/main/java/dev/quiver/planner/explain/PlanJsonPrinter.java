package dev.quiver.planner.explain;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a physical plan as JSON, the same information {@link PlanPrinter} prints as text: one
 * object per operator with its name, its one-line description, its estimated rows (rounded to a
 * whole row) and cumulative cost, the columns it produces, whatever an annotator adds, and its
 * inputs, nested, in order:
 *
 * <pre>
 * {
 *   "Operator": "Filter",
 *   "Description": "Filter a#0 &gt; 1",
 *   "Estimated Rows": 333,
 *   "Estimated Cost": 1100.0,
 *   "Output": [{"Name": "a", "Id": 0, "Type": "INTEGER"}],
 *   "Inputs": [ ... ]
 * }
 * </pre>
 *
 * ("Output" is indented over several lines in the real output.) An annotator may add members per
 * node, between "Output" and "Inputs" (EXPLAIN ANALYZE adds "Actual Rows" there); their names must
 * differ from these.
 */
public final class PlanJsonPrinter {
    private PlanJsonPrinter() {
    }

    public static Json.JsonObject toJson(PhysicalPlan plan) {
        return toJson(plan, p -> List.of());
    }

    public static Json.JsonObject toJson(PhysicalPlan plan, Function<PhysicalPlan, List<Json.JsonObject.Member>> annotator) {
        return Json.object()
                .put("Operator", plan.operator().getClass().getSimpleName())
                .put("Description", plan.operator().describe())
                .put("Estimated Rows", Json.number(Math.rint(plan.estimatedRows())))
                .put("Estimated Cost", Json.number(plan.cost().value(), 1))
                .put("Output", Json.array(plan.outputColumns().stream().map(PlanJsonPrinter::column).toList()))
                .putAll(annotator.apply(plan))
                .put("Inputs", Json.array(plan.inputs().stream().map(input -> toJson(input, annotator)).toList()))
                .build();
    }

    private static Json column(ColumnRef column) {
        return Json.object().put("Name", column.name()).put("Id", column.id()).put("Type", column.type().toString()).build();
    }
}
