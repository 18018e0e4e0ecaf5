package dev.quiver.planner.memo;

import dev.quiver.planner.expr.ColumnRef;
import java.util.List;

/** What every expression of a group shares: the output columns and the estimated row count. */
public record LogicalProperties(List<ColumnRef> outputColumns, double rowCount) {
    public LogicalProperties {
        outputColumns = List.copyOf(outputColumns);
        if (Double.isNaN(rowCount) || rowCount < 0) {
            throw new IllegalArgumentException("bad row count " + rowCount);
        }
    }
}
