package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.pipeline.BatchConsumer;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Source;
import java.util.List;
import java.util.function.Supplier;

/**
 * Replays batches a sink produced (aggregate results, sorted runs) as the source of the next
 * pipeline; each batch is a morsel, so order is kept where order matters.
 */
public final class BatchListSource implements Source {
    private final Supplier<List<Batch>> batches;

    /** The batches are looked up when the pipeline runs (the producing sink has finished by then). */
    public BatchListSource(Supplier<List<Batch>> batches) {
        this.batches = batches;
    }

    @Override
    public int morselCount(QueryContext context) {
        return batches.get().size();
    }

    @Override
    public void produce(int morsel, QueryContext context, BatchConsumer consumer) {
        context.checkCancelled();
        consumer.accept(batches.get().get(morsel));
    }
}
