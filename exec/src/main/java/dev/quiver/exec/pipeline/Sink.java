package dev.quiver.exec.pipeline;

/**
 * The end of a pipeline (a "pipeline breaker": aggregate, sort, top-N, limit, hash-join build, the
 * inputs of a union, result). Each worker gets its own {@link LocalSink}; when all have finished
 * their morsels, the locals are combined one at a time and the sink is finished.
 */
public interface Sink {
    LocalSink createLocal(QueryContext context);

    /** Takes a worker's local state, merging it into the global one now or at {@link #finish}. Calls are never concurrent. */
    void combine(LocalSink local, QueryContext context);

    /** Called once after every local was combined; computes the final output. */
    void finish(QueryContext context);

    /**
     * The Java heap the finished sink keeps for later pipelines (a hash join's table, an
     * aggregation's groups, materialized rows), which the query's memory limit counts until the
     * query ends. Called after {@link #finish}.
     */
    default long heapBytes() {
        return 0;
    }

    /**
     * Whether morsel {@code m} can still contribute (a LIMIT that already has enough rows in earlier
     * morsels says no). Called concurrently; a stale true only costs work.
     */
    default boolean wantsMorsel(int m) {
        return true;
    }
}
