package dev.quiver.planner.catalog;

import java.util.List;

/**
 * What the cost model knows about a table: its row count and, per column in table order, its
 * {@link ColumnStatistics} (an empty list when the storage keeps none).
 */
public record TableStatistics(long rowCount, List<ColumnStatistics> columns) {
    public TableStatistics {
        if (rowCount < 0) {
            throw new IllegalArgumentException("negative row count");
        }
        columns = List.copyOf(columns);
    }

    /** A row count and nothing else. */
    public TableStatistics(long rowCount) {
        this(rowCount, List.of());
    }

    /** The statistics of the column at {@code ordinal}; {@link ColumnStatistics#UNKNOWN} when none are kept. */
    public ColumnStatistics column(int ordinal) {
        return ordinal < columns.size() ? columns.get(ordinal) : ColumnStatistics.UNKNOWN;
    }
}
