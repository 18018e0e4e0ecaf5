package dev.quiver.exec.pipeline;

/**
 * The start of a pipeline: splits its input into morsels that workers take one at a time.
 * {@link #produce} may be called from several threads at once for different morsels.
 */
public interface Source {
    /** Number of morsels (known once the query runs: it may depend on a snapshot). */
    int morselCount(QueryContext context);

    /**
     * About how many rows the source will produce (known once the query runs, like {@link
     * #morselCount}), for deciding whether compiling the pipeline pays. The default assumes a morsel
     * is one batch of at most {@link dev.quiver.exec.batch.Selections#BATCH_SIZE} rows.
     */
    default long estimatedRows(QueryContext context) {
        return (long) morselCount(context) * dev.quiver.exec.batch.Selections.BATCH_SIZE;
    }

    /** Pushes the batches of one morsel, in order, stopping early if the consumer says so. */
    void produce(int morsel, QueryContext context, BatchConsumer consumer);
}
