package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.logical.LogicalPlan;

/**
 * A bound UPDATE: every row of the table after the change, as a plan producing one column per
 * table column in table order (each converted as INSERT converts, so storage checks NOT NULL and
 * lengths as it does for INSERT), then one BOOLEAN column, never NULL, that is TRUE for the rows
 * the UPDATE changed. The plan must be run on the same table contents the change replaces.
 */
public record BoundUpdate(TableHandle table, LogicalPlan rows) {
    public BoundUpdate {
        requireNonNull(table, "table");
        requireNonNull(rows, "rows");
    }
}
