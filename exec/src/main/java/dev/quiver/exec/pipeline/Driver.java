package dev.quiver.exec.pipeline;

import dev.quiver.exec.batch.Batch;

/**
 * One worker's instance of a pipeline's operators, ending in its local sink. The interpreter and
 * the code generator each provide drivers; both must produce the same rows.
 */
public interface Driver extends AutoCloseable {
    /** Pushes a source batch of morsel {@code m} through the operators into the local sink. */
    void push(Batch batch, int morsel);

    /**
     * Pushes the rows the operators held back until all input was seen (a RIGHT or FULL join's
     * unmatched build rows) into the local sink as morsel {@code morsel}, which follows every real
     * morsel. Called on one driver per pipeline run, after all workers are done and before the local
     * sinks are combined. Drivers whose operators never hold rows back need not override it.
     */
    default void finish(int morsel) {
    }

    /** The local sink the driver feeds. */
    LocalSink local();

    /** Rows that entered the driver and rows that reached the sink, for statistics. */
    long rowsIn();

    long rowsOut();

    /** Rows each operator passed on, in operator order (one entry per operator of the pipeline). */
    long[] operatorRowsOut();

    /** Releases the operators (not the local sink). Never throws. */
    @Override
    void close();
}
