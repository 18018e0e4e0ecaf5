package dev.quiver.planner.physical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Plans;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation: each worker aggregates its morsels into a thread-local hash table of partial
 * states; the states are combined, then finalized. Produces keys then aggregates, as the logical
 * aggregate does (one row for a global aggregate, also over empty input).
 */
public record HashAggregate(List<ColumnRef> groupKeys, List<AggregateAssignment> aggregates) implements PhysicalOperator {
    public HashAggregate {
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
        return "HashAggregate keys=[" + Plans.list(groupKeys) + "] aggregates=[" + Plans.list(aggregates) + "]";
    }
}
