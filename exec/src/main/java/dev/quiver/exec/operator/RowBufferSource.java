package dev.quiver.exec.operator;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.pipeline.BatchConsumer;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Source;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads rows that earlier pipelines kept on the heap, buffer after buffer: each morsel is a run of
 * up to {@link Selections#BATCH_SIZE} rows of one buffer, written into Arrow vectors for its one
 * batch and freed right after, so morsels run in parallel and order is kept where order matters.
 */
public final class RowBufferSource implements Source {
    private final Supplier<List<RowBuffer>> buffers;
    private final List<String> names;
    /** The buffers and, per buffer, the morsel after its last (looked up when the pipeline starts). */
    private volatile Morsels morsels;

    private record Morsels(List<RowBuffer> buffers, int[] ends) {
    }

    /** The buffers are looked up when the pipeline runs (the sinks that fill them have finished by then). */
    public RowBufferSource(Supplier<List<RowBuffer>> buffers, List<String> names) {
        this.buffers = requireNonNull(buffers, "buffers");
        this.names = List.copyOf(names);
    }

    @Override
    public int morselCount(QueryContext context) {
        int[] ends = morsels().ends();
        return ends[ends.length - 1];
    }

    private Morsels morsels() {
        Morsels m = morsels;
        if (m == null) {
            List<RowBuffer> all = List.copyOf(buffers.get());
            int[] ends = new int[all.size() + 1];
            for (int b = 0; b < all.size(); b++) {
                ends[b + 1] = ends[b] + (all.get(b).rows() + Selections.BATCH_SIZE - 1) / Selections.BATCH_SIZE;
            }
            m = new Morsels(all, ends);
            morsels = m;
        }
        return m;
    }

    @Override
    public void produce(int morsel, QueryContext context, BatchConsumer consumer) {
        context.checkCancelled();
        Morsels m = morsels();
        int b = 0;
        while (m.ends()[b + 1] <= morsel) {
            b++;
        }
        RowBuffer buffer = m.buffers().get(b);
        int from = (morsel - m.ends()[b]) * Selections.BATCH_SIZE;
        int to = Math.min(buffer.rows(), from + Selections.BATCH_SIZE);
        FieldVector[] vectors = buffer.toVectors(null, from, to, context.allocator(), false, names);
        try {
            consumer.accept(Batch.of(vectors, to - from));
        } finally {
            for (FieldVector v : vectors) {
                v.close();
            }
        }
    }
}
