package dev.quiver.planner.physical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import dev.quiver.planner.plan.SortKey;
import java.util.List;

/**
 * {@code ORDER BY keys LIMIT limit OFFSET offset} without sorting everything: each worker keeps its
 * best {@code limit + offset} rows, the lists are merged, and the first {@code offset} are skipped.
 */
public record TopN(List<SortKey> keys, long limit, long offset) implements PhysicalOperator {
    public TopN {
        keys = List.copyOf(keys);
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("negative limit or offset");
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
        return "TopN " + limit + (offset > 0 ? " offset " + offset : "") + " [" + Plans.list(keys) + "]";
    }
}
