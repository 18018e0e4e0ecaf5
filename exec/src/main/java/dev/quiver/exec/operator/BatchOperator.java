package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;

/**
 * A streaming, thread-local operator in an interpreted pipeline. It is pushed one input batch at a
 * time and pushes its output on to the next stage before returning: none, one, or (a join with
 * many matches) several bounded batches per input batch. Each worker has its own instances, so
 * an operator may reuse its output vectors from one push to the next.
 */
public interface BatchOperator extends AutoCloseable {
    /**
     * Processes a batch with at least one selected row, pushing every output batch to {@code next}
     * before returning. The input is borrowed (valid during this call only); an output may share its
     * vectors (a filter narrows the selection, a projection passes columns through).
     */
    void process(Batch input, Downstream next);

    /**
     * Called once per pipeline run, after every morsel of every worker is through, on one worker's
     * instance only and on a single thread: pushes the rows that could only be known once all input
     * was seen (a RIGHT or FULL join's unmatched build rows). Most operators hold nothing back.
     */
    default void finish(Downstream next) {
    }

    /** Frees owned vectors. Never throws. */
    @Override
    void close();
}
