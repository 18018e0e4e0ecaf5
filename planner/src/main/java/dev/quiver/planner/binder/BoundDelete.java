package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.logical.LogicalPlan;

/**
 * A bound DELETE: the rows that remain, as a plan producing one column per table column in table
 * order (each of the type INSERT would produce for it). The rows deleted are the table's rows less
 * these; the plan must be run on the same table contents the change replaces.
 */
public record BoundDelete(TableHandle table, LogicalPlan remaining) {
    public BoundDelete {
        requireNonNull(table, "table");
        requireNonNull(remaining, "remaining");
    }
}
