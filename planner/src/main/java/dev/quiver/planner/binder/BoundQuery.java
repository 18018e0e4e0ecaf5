package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;

/**
 * A bound query: a logical plan whose output columns are the result columns in order, and the
 * names a client sees for them (not necessarily unique: {@code SELECT a, a}).
 */
public record BoundQuery(LogicalPlan plan, List<String> columnNames) {
    public BoundQuery {
        requireNonNull(plan, "plan");
        columnNames = List.copyOf(columnNames);
        if (columnNames.size() != plan.outputColumns().size()) {
            throw new IllegalArgumentException("names do not match columns");
        }
    }
}
