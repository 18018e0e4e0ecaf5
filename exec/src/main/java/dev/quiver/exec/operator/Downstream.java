package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;

/**
 * Where a {@link BatchOperator} pushes its output: the next operator of the pipeline, or in the
 * end the worker's local sink.
 */
@FunctionalInterface
public interface Downstream {
    /**
     * Consumes a batch. The batch is borrowed: its vectors and selection are valid only until this
     * call returns (the producer then reuses them), so a consumer copies whatever it keeps.
     */
    void push(Batch batch);
}
