package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import java.util.List;
import java.util.OptionalLong;

/**
 * Skips {@code offset} rows, then passes at most {@code limit} rows (all if empty). Over a sorted
 * input the rows are the first in that order; otherwise which rows is unspecified, though Quiver
 * always returns the first in scan order.
 */
public record LogicalLimit(OptionalLong limit, long offset) implements LogicalOperator {
    public LogicalLimit {
        if (offset < 0 || (limit.isPresent() && limit.getAsLong() < 0)) {
            throw new IllegalArgumentException("negative LIMIT or OFFSET");
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
        return "Limit " + (limit.isPresent() ? String.valueOf(limit.getAsLong()) : "ALL")
                + (offset > 0 ? " offset " + offset : "");
    }
}
