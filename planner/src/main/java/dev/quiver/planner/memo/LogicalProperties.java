package dev.quiver.planner.memo;

import dev.quiver.planner.expr.ColumnRef;
import java.util.List;
import java.util.Map;

/**
 * What every expression of a group shares: the output columns, the estimated row count, and for
 * columns whose origin is known, the row count of the base table they come from (an upper bound
 * on their distinct values before any filter, which join estimates use until column statistics
 * exist).
 */
public record LogicalProperties(List<ColumnRef> outputColumns, double rowCount, Map<ColumnRef, Double> originRows) {
    public LogicalProperties {
        outputColumns = List.copyOf(outputColumns);
        originRows = Map.copyOf(originRows);
        if (Double.isNaN(rowCount) || rowCount < 0) {
            throw new IllegalArgumentException("bad row count " + rowCount);
        }
    }

    public LogicalProperties(List<ColumnRef> outputColumns, double rowCount) {
        this(outputColumns, rowCount, Map.of());
    }

    /** Estimated distinct values of an output column: at most the rows here and at its origin. */
    public double distinctValues(ColumnRef column) {
        return Math.max(1, Math.min(rowCount, originRows.getOrDefault(column, rowCount)));
    }
}
