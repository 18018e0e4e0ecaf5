package dev.quiver.exec.operator;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Sink;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.type.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Keeps chosen columns of every row it receives, on the heap and in morsel order (the input's
 * order, whatever the parallelism), for a later pipeline to read through a {@link RowBufferSource}:
 * each input of a UNION ALL runs into one.
 */
public final class MaterializeSink implements Sink {
    private final int[] columns;
    private final List<DataType> types;
    private final MorselRows collected;
    private RowBuffer rows;

    /**
     * Keeps columns {@code kept} of input batches of layout {@code input} as values of the types of
     * {@code as} (position by position; each of the same representation as its kept column).
     */
    public MaterializeSink(List<ColumnRef> kept, List<ColumnRef> as, Layout input) {
        requireNonNull(input, "input");
        if (kept.size() != as.size()) {
            throw new IllegalArgumentException(kept.size() + " columns kept as " + as.size());
        }
        for (int c = 0; c < kept.size(); c++) {
            if (!ValueComparisons.sameRepresentation(kept.get(c).type(), as.get(c).type())) {
                throw new IllegalArgumentException("column " + kept.get(c) + " of type " + kept.get(c).type()
                        + " cannot be kept as " + as.get(c).type());
            }
        }
        this.columns = kept.stream().mapToInt(input::indexOf).toArray();
        this.types = as.stream().map(ColumnRef::type).toList();
        this.collected = new MorselRows(types);
    }

    public List<DataType> types() {
        return types;
    }

    /** The rows, in morsel order (valid after {@link #finish}). */
    public RowBuffer rows() {
        if (rows == null) {
            throw new IllegalStateException("the materializing pipeline has not run yet");
        }
        return rows;
    }

    @Override
    public LocalSink createLocal(QueryContext context) {
        return new Local();
    }

    private final class Local implements LocalSink {
        private final MorselRows mine = new MorselRows(types);

        @Override
        public void consume(Batch batch, int morsel) {
            FieldVector[] kept = new FieldVector[columns.length];
            for (int c = 0; c < columns.length; c++) {
                kept[c] = batch.column(columns[c]);
            }
            mine.of(morsel).append(batch.withColumns(kept), Integer.MAX_VALUE);
        }

        @Override
        public long heapBytes() {
            return mine.heapBytes();
        }

        @Override
        public void close() {
        }
    }

    @Override
    public long heapBytes() {
        return rows == null ? 0 : rows.heapBytes();
    }

    @Override
    public void combine(LocalSink local, QueryContext context) {
        collected.takeAll(((Local) local).mine);
    }

    @Override
    public void finish(QueryContext context) {
        rows = collected.concat(Long.MAX_VALUE);
        collected.clear();
    }
}
