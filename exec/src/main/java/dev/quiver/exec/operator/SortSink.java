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
 *
 * <p>Once a top-N worker's prune has kept {@code limit + offset} rows, the worst of them is a
 * boundary: a later row ordered after it can never be in the result, so only the sort keys of a
 * batch are read to compare with it, and only the rows ordered before it are copied (most rows,
 * for a small limit over many).
 */
public final class SortSink implements Sink {
    /** Top-N prunes a buffer once it holds this many times the rows it must keep. */
    static final int TOP_N_SLACK = 2;
    /** ...but never below this many rows, so tiny limits do not sort after every batch. */
    static final int TOP_N_MIN_BUFFER = 4096;

    private final List<DataType> types;
    private final List<String> names;
    private final SortOrder order;
    /** The input columns of the sort keys, in key order, and their types. */
    private final int[] keyColumns;
    private final List<DataType> keyTypes;
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
        this.keyColumns = keys.stream().mapToInt(k -> input.indexOf(k.column())).toArray();
        this.keyTypes = Arrays.stream(keyColumns).mapToObj(types::get).toList();
        this.order = new SortOrder(keys, keyColumns);
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
        /** After a prune that kept {@code keep} rows: the place in {@link #buffer} of the worst of them; -1 before. */
        private int boundary = -1;
        /** Scratch: the sort keys of a batch's selected rows, and the positions of the rows ordered before the boundary. */
        private RowBuffer batchKeys;
        private int[] entering = new int[0];

        @Override
        public void consume(Batch batch, int morsel) {
            if (boundary >= 0) {
                batch = beforeBoundary(batch, morsel);
                if (batch.selectedCount() == 0) {
                    return;
                }
            }
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

        /**
         * The batch's rows that the final order puts before the boundary row: keys that compare
         * lower, or equal keys from an earlier morsel (a tie with the same morsel goes after it, the
         * boundary having been buffered first).
         */
        private Batch beforeBoundary(Batch batch, int morsel) {
            if (batchKeys == null) {
                batchKeys = new RowBuffer(keyTypes);
            }
            batchKeys.clear();
            batchKeys.append(batch, keyColumns);
            int n = batch.selectedCount();
            int[] sel = batch.positions();
            if (entering.length < n) {
                entering = new int[n];
            }
            int boundaryMorsel = morsels[boundary];
            int m = 0;
            for (int k = 0; k < n; k++) {
                int c = order.compareKeys(batchKeys, k, buffer, boundary);
                if (c < 0 || (c == 0 && morsel < boundaryMorsel)) {
                    entering[m++] = sel[k];
                }
            }
            return batch.withSelection(entering, m);
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
            boundary = n == keep ? n - 1 : -1;
        }

        @Override
        public long heapBytes() {
            return buffer.heapBytes() + 4L * morsels.length + (batchKeys == null ? 0 : batchKeys.heapBytes()) + 4L * entering.length;
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
