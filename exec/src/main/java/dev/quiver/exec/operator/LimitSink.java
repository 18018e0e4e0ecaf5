package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Sink;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LIMIT/OFFSET without ORDER BY. Rows are taken in morsel order, so the answer is the same however
 * the morsels were spread over workers. Once earlier morsels hold enough rows, later morsels are
 * skipped and a running morsel stops at the next batch.
 */
public final class LimitSink implements Sink {
    private final List<DataType> types;
    private final List<String> names;
    private final long offset;
    private final long needed;
    private final OptionalLong limit;
    private final Map<Integer, AtomicLong> rowsPerMorsel = new ConcurrentHashMap<>();
    private final MorselRows buffers;
    private final List<Batch> output = new ArrayList<>();

    public LimitSink(OptionalLong limit, long offset, Layout input) {
        this.types = input.columns().stream().map(ColumnRef::type).toList();
        this.names = input.columns().stream().map(ColumnRef::name).toList();
        this.buffers = new MorselRows(types);
        this.limit = limit;
        this.offset = offset;
        // Saturating: LIMIT 9223372036854775807 OFFSET 1 must not wrap around to a negative count.
        this.needed = limit.isPresent() && limit.getAsLong() <= Long.MAX_VALUE - offset ? limit.getAsLong() + offset : Long.MAX_VALUE;
    }

    public List<Batch> output() {
        return output;
    }

    @Override
    public boolean wantsMorsel(int m) {
        if (needed == Long.MAX_VALUE) {
            return true;
        }
        long before = 0;
        for (Map.Entry<Integer, AtomicLong> e : rowsPerMorsel.entrySet()) {
            if (e.getKey() < m) {
                before += e.getValue().get();
            }
        }
        return before < needed;
    }

    @Override
    public LocalSink createLocal(QueryContext context) {
        return new Local();
    }

    private final class Local implements LocalSink {
        private final MorselRows mine = new MorselRows(types);

        @Override
        public void consume(Batch batch, int morsel) {
            AtomicLong count = rowsPerMorsel.computeIfAbsent(morsel, m -> new AtomicLong());
            long room = needed - count.get();
            if (room <= 0 || !wantsMorsel(morsel)) {
                return;
            }
            int take = (int) Math.min(room, batch.selectedCount());
            mine.of(morsel).append(batch, take);
            count.addAndGet(take);
        }

        @Override
        public void close() {
        }
    }

    @Override
    public void combine(LocalSink local, QueryContext context) {
        buffers.takeAll(((Local) local).mine);
    }

    @Override
    public void finish(QueryContext context) {
        RowBuffer all = buffers.concat(needed);
        buffers.clear();
        int from = (int) Math.min(offset, all.rows());
        int to = limit.isPresent() ? (int) Math.min(all.rows(), from + Math.min(limit.getAsLong(), all.rows())) : all.rows();
        output.addAll(all.toBatches(null, from, to, context, names));
    }
}
