package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import dev.quiver.planner.plan.SortKey;
import java.util.List;

/** Orders the rows by the keys. Rows equal on all keys keep no particular order. */
public record LogicalSort(List<SortKey> keys) implements LogicalOperator {
    public LogicalSort {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("sort without keys");
        }
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
