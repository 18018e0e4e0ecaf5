package dev.quiver.exec.pipeline;

import dev.quiver.exec.batch.Batch;

/** A worker's private part of a sink: consumes that worker's batches without locking. */
public interface LocalSink extends AutoCloseable {
    /** Consumes a batch of the given morsel (copying whatever it keeps: the batch is borrowed). */
    void consume(Batch batch, int morsel);

    /**
     * Called by the worker that owns this state after each batch it pushed, so that the state can
     * reorganize itself between batches (an aggregation spills a full table). Generated code forgets
     * what it remembers of the state at each batch's start, a finish's held-back rows included. Does
     * nothing by default.
     */
    default void afterBatch() {
    }

    /**
     * The Java heap this worker's state holds now (its arrays' lengths: hash tables, buffered rows,
     * aggregate states), which the query's memory limit counts. Called by the worker that owns the
     * state, between batches; Arrow memory is counted by the allocator and is not included.
     */
    default long heapBytes() {
        return 0;
    }

    /** Frees what the local state holds (after it was combined, or on failure). Never throws. */
    @Override
    void close();
}
