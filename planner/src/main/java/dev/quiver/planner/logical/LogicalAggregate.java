package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Plans;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups rows by {@code groupKeys} (input columns) and computes the aggregates per group. Produces
 * the keys then the aggregate outputs. With no keys it produces exactly one row, also for empty
 * input (COUNT is 0 there, other aggregates NULL).
 */
public record LogicalAggregate(List<ColumnRef> groupKeys, List<AggregateAssignment> aggregates) implements LogicalOperator {
    public LogicalAggregate {
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        List<ColumnRef> out = new ArrayList<>(groupKeys);
        aggregates.forEach(a -> out.add(a.output()));
        return out;
    }

    @Override
    public String describe() {
        return "Aggregate keys=[" + Plans.list(groupKeys) + "] aggregates=[" + Plans.list(aggregates) + "]";
    }
}
