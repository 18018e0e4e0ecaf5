package dev.quiver.exec.pipeline;

/**
 * The start of a pipeline: splits its input into morsels that workers take one at a time.
 * {@link #produce} may be called from several threads at once for different morsels.
 */
public interface Source {
    /** Number of morsels (known once the query runs: it may depend on a snapshot). */
    int morselCount(QueryContext context);

    /** Pushes the batches of one morsel, in order, stopping early if the consumer says so. */
    void produce(int morsel, QueryContext context, BatchConsumer consumer);
}
