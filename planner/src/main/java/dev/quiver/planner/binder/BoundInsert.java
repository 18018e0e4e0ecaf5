package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.logical.LogicalPlan;

/**
 * A bound INSERT: the rows to append, as a plan producing one column per table column in table
 * order, each already converted to the column's type (bounded VARCHARs are produced unbounded;
 * storage checks their length, and NOT NULL, as it appends).
 */
public record BoundInsert(TableHandle table, LogicalPlan source) {
    public BoundInsert {
        requireNonNull(table, "table");
        requireNonNull(source, "source");
    }
}
