package dev.quiver.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.cost.Cost;
import dev.quiver.planner.expr.ColumnRef;
import java.util.List;

/**
 * A tree of physical operators chosen by the optimizer, with the estimates that chose it: the rows
 * each node is expected to produce and the cumulative cost of the subtree.
 */
public record PhysicalPlan(PhysicalOperator operator, List<PhysicalPlan> inputs, List<ColumnRef> outputColumns,
        double estimatedRows, Cost cost) {
    public PhysicalPlan {
        requireNonNull(operator, "operator");
        inputs = List.copyOf(inputs);
        outputColumns = List.copyOf(outputColumns);
        requireNonNull(cost, "cost");
    }

    public PhysicalPlan input(int i) {
        return inputs.get(i);
    }
}
