package dev.quiver.planner.catalog;

import java.util.List;

/**
 * A table the planner can read: its name, columns and statistics. The storage layer implements it
 * (and the executor's scan interface); the planner treats it as opaque and never reads data.
 * Identity is object identity: two handles are the same table if they are the same object.
 */
public interface TableHandle {
    String name();

    List<ColumnMetadata> columns();

    TableStatistics statistics();
}
