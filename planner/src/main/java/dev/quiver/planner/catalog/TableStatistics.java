package dev.quiver.planner.catalog;

/** What the cost model knows about a table. Row count only for now; column statistics come later. */
public record TableStatistics(long rowCount) {
    public TableStatistics {
        if (rowCount < 0) {
            throw new IllegalArgumentException("negative row count");
        }
    }
}
