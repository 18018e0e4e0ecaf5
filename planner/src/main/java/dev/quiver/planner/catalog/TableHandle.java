package dev.quiver.planner.catalog;

import java.util.List;
import java.util.OptionalLong;

/**
 * A table the planner can read: its name, columns and statistics. The storage layer implements it
 * (and the executor's scan interface); the planner treats it as opaque and never reads data.
 * Identity is object identity: two handles are the same table if they are the same object.
 */
public interface TableHandle {
    String name();

    List<ColumnMetadata> columns();

    TableStatistics statistics();

    /**
     * An estimate of the number of distinct non-NULL values in column {@code ordinal}, if the
     * storage keeps one; empty when unknown. May take time on first use (a pass over the column).
     */
    default OptionalLong distinctValues(int ordinal) {
        return OptionalLong.empty();
    }
}
