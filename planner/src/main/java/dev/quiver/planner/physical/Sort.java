package dev.quiver.planner.physical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import dev.quiver.planner.plan.SortKey;
import java.util.List;

/** Materializes its input and emits it ordered by the keys. */
public record Sort(List<SortKey> keys) implements PhysicalOperator {
    public Sort {
        keys = List.copyOf(keys);
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        return Plans.single(inputs);
    }

    @Override
    public String describe() {
        return "Sort [" + Plans.list(keys) + "]";
    }
}
