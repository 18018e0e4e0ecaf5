package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Sink;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        this.keep = limit > Long.MAX_VALUE - offset ? Long.MAX_VALUE : limit + offset; // saturating
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
        /**
         * The morsel of each buffered row. Rows with equal keys are ordered by morsel, so the result
         * (and which tied rows a top-N keeps) does not depend on which worker took which morsel.
         */
        private int[] morsels = new int[16];

        @Override
        public void consume(Batch batch, int morsel) {
            int before = buffer.rows();
            buffer.append(batch, Integer.MAX_VALUE);
            if (morsels.length < buffer.rows()) {
                morsels = Arrays.copyOf(morsels, Math.max(buffer.rows(), morsels.length * 2));
            }
            Arrays.fill(morsels, before, buffer.rows(), morsel);
            long threshold = Math.max(TOP_N_MIN_BUFFER, Math.min(keep, Long.MAX_VALUE / TOP_N_SLACK) * TOP_N_SLACK);
            if (keep != Long.MAX_VALUE && buffer.rows() > threshold) {
                prune();
            }
        }

        /** Keeps the best {@code keep} rows, in order. */
        private void prune() {
            int[] sorted = order.sort(buffer, morsels);
            RowBuffer kept = new RowBuffer(types);
            int n = (int) Math.min(keep, sorted.length);
            int[] keptMorsels = new int[Math.max(16, n)];
            for (int i = 0; i < n; i++) {
                kept.appendRow(buffer, sorted[i]);
                keptMorsels[i] = morsels[sorted[i]];
            }
            buffer = kept;
            morsels = keptMorsels;
        }

        @Override
        public long heapBytes() {
            return buffer.heapBytes() + 4L * morsels.length;
        }

        @Override
        public void close() {
        }
    }

    @Override
    public void combine(LocalSink local, QueryContext context) {
        locals.add((Local) local);
    }

    @Override
    public void finish(QueryContext context) {
        RowBuffer all;
        int[] morsels;
        if (locals.size() == 1) {
            all = locals.get(0).buffer;
            morsels = locals.get(0).morsels;
        } else {
            all = new RowBuffer(types);
            morsels = new int[Math.max(1, locals.stream().mapToInt(l -> l.buffer.rows()).sum())];
            for (Local l : locals) {
                System.arraycopy(l.morsels, 0, morsels, all.rows(), l.buffer.rows());
                all.appendAll(l.buffer);
            }
        }
        locals.clear();
        int[] sorted = order.sort(all, morsels);
        int from = (int) Math.min(offset, sorted.length);
        int to = (int) Math.min(sorted.length, from + Math.min(limit, sorted.length));
        output.addAll(all.toBatches(sorted, from, to, context, names));
    }
}
