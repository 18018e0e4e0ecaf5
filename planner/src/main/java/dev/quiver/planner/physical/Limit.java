package dev.quiver.planner.physical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import java.util.List;
import java.util.OptionalLong;

/**
 * Skips {@code offset} rows and passes at most {@code limit}. Rows are taken in input order (morsel
 * order for a parallel input), so the result is deterministic; the input stops early once enough
 * rows are in.
 */
public record Limit(OptionalLong limit, long offset) implements PhysicalOperator {
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
