package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Sink;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * ORDER BY, and ORDER BY ... LIMIT as top-N. Each worker copies its rows into a buffer (top-N
 * prunes its buffer to the best {@code limit + offset} rows whenever it doubles); the buffers are
 * concatenated, sorted stably, and emitted in order as batches, one morsel each, so later
 * pipelines keep the order.
 */
public final class SortSink implements Sink {
    /** Top-N prunes a buffer once it holds this many times the rows it must keep. */
    static final int TOP_N_SLACK = 2;
    /** ...but never below this many rows, so tiny limits do not sort after every batch. */
    static final int TOP_N_MIN_BUFFER = 4096;

    private final List<DataType> types;
    private final List<String> names;
    private final SortOrder order;
    private final long keep;
    private final long offset;
    private final long limit;
    private final List<Local> locals = new ArrayList<>();
    private final List<Batch> output = new ArrayList<>();

    /** A full sort. */
    public SortSink(List<SortKey> keys, Layout input) {
        this(keys, input, Long.MAX_VALUE, 0);
    }

    /** A top-N: keeps rows [offset, offset + limit) of the order. */
    public SortSink(List<SortKey> keys, Layout input, long limit, long offset) {
        this.types = input.columns().stream().map(ColumnRef::type).toList();
        this.names = input.columns().stream().map(ColumnRef::name).toList();
        this.order = new SortOrder(keys, keys.stream().mapToInt(k -> input.indexOf(k.column())).toArray());
        this.limit = limit;
        this.offset = offset;
        this.keep = limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit + offset;
    }

    public List<Batch> output() {
        return output;
    }

    @Override
    public LocalSink createLocal(QueryContext context) {
        return new Local();
    }

    private final class Local implements LocalSink {
        private RowBuffer buffer = new RowBuffer(types);

        @Override
        public void consume(Batch batch, int morsel) {
            buffer.append(batch, Integer.MAX_VALUE);
            if (keep != Long.MAX_VALUE && buffer.rows() > Math.max(TOP_N_MIN_BUFFER, keep * TOP_N_SLACK)) {
                buffer = prune(buffer);
            }
        }

        @Override
        public void close() {
        }
    }

    private RowBuffer prune(RowBuffer buffer) {
        int[] sorted = order.sort(buffer);
        RowBuffer kept = new RowBuffer(types);
        for (int i = 0; i < Math.min(keep, sorted.length); i++) {
            kept.appendRow(buffer, sorted[i]);
        }
        return kept;
    }

    @Override
    public void combine(LocalSink local, QueryContext context) {
        locals.add((Local) local);
    }

    @Override
    public void finish(QueryContext context) {
        RowBuffer all;
        if (locals.size() == 1) {
            all = locals.get(0).buffer;
        } else {
            all = new RowBuffer(types);
            for (Local l : locals) {
                all.appendAll(l.buffer);
            }
        }
        locals.clear();
        int[] sorted = order.sort(all);
        int from = (int) Math.min(offset, sorted.length);
        int to = (int) Math.min(sorted.length, limit == Long.MAX_VALUE ? sorted.length : from + limit);
        for (int start = from; start < to; start += Selections.BATCH_SIZE) {
            int end = Math.min(to, start + Selections.BATCH_SIZE);
            FieldVector[] vectors = all.toVectors(sorted, start, end, context.allocator(), false, names);
            for (FieldVector v : vectors) {
                context.register(v);
            }
            output.add(Batch.of(vectors, end - start));
        }
    }
}
