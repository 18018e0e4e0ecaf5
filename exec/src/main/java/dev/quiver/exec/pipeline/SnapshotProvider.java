package dev.quiver.exec.pipeline;

import dev.quiver.planner.catalog.TableHandle;

/** Opens a snapshot of a table for a query (the engine's storage implements this). */
@FunctionalInterface
public interface SnapshotProvider {
    TableSnapshot snapshot(TableHandle table);
}
