package dev.quiver.planner.binder;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.type.DataType;

/** Hands out query-unique column ids. One per query; not thread-safe (planning is single-threaded). */
public final class ColumnIdAllocator {
    private int next;

    public ColumnRef newColumn(String name, DataType type) {
        return new ColumnRef(next++, name, type);
    }
}
