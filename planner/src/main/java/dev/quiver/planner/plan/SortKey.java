package dev.quiver.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;

/** One key of an ordering: a column, its direction, and where NULLs go. */
public record SortKey(ColumnRef column, boolean descending, boolean nullsFirst) {
    public SortKey {
        requireNonNull(column, "column");
    }

    @Override
    public String toString() {
        return column + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
