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
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Collects a query's result as Arrow record batches with API types, in morsel order (so a plain
 * scan returns rows in table order and a sorted input stays sorted, whatever the parallelism).
 */
public final class ResultSink implements Sink {
    private final List<DataType> types;
    private final List<String> names;
    private final int[] columns;
    private final TreeMap<Integer, List<VectorSchemaRoot>> byMorsel = new TreeMap<>();
    private final List<VectorSchemaRoot> batches = new ArrayList<>();

    /** Columns {@code outputs} of the input, named {@code names} for the client. */
    public ResultSink(List<ColumnRef> outputs, List<String> names, Layout input) {
        this.types = outputs.stream().map(ColumnRef::type).toList();
        this.names = List.copyOf(names);
        this.columns = outputs.stream().mapToInt(input::indexOf).toArray();
    }

    public List<String> names() {
        return names;
    }

    public List<DataType> types() {
        return types;
    }

    /** The result batches in order; owned by the caller after {@link #finish}. */
    public List<VectorSchemaRoot> batches() {
        return batches;
    }

    @Override
    public LocalSink createLocal(QueryContext context) {
        return new Local(context);
    }

    private final class Local implements LocalSink {
        private final QueryContext context;
        private final Map<Integer, List<VectorSchemaRoot>> mine = new TreeMap<>();

        Local(QueryContext context) {
            this.context = context;
        }

        @Override
        public void consume(Batch batch, int morsel) {
            int n = batch.selectedCount();
            if (n == 0) {
                return;
            }
            FieldVector[] selected = new FieldVector[columns.length];
            for (int c = 0; c < columns.length; c++) {
                selected[c] = batch.column(columns[c]);
            }
            RowBuffer rows = new RowBuffer(types);
            rows.append(Batch.of(selected, batch.rowCount()).withSelection(batch.positions(), n), n);
            FieldVector[] vectors = rows.toVectors(null, 0, n, context.allocator(), true, names);
            VectorSchemaRoot root = new VectorSchemaRoot(List.of(vectors));
            root.setRowCount(n);
            mine.computeIfAbsent(morsel, m -> new ArrayList<>()).add(root);
        }

        @Override
        public void close() {
            // After combine the roots belong to the sink; on failure they are closed here.
            mine.values().forEach(list -> list.forEach(VectorSchemaRoot::close));
            mine.clear();
        }
    }

    @Override
    public void combine(LocalSink local, QueryContext context) {
        Local l = (Local) local;
        for (Map.Entry<Integer, List<VectorSchemaRoot>> e : l.mine.entrySet()) {
            byMorsel.computeIfAbsent(e.getKey(), m -> new ArrayList<>()).addAll(e.getValue());
        }
        l.mine.clear();
    }

    @Override
    public void finish(QueryContext context) {
        byMorsel.values().forEach(batches::addAll);
        byMorsel.clear();
    }

    /** Closes result batches not handed out (after a failure). */
    public void discard() {
        byMorsel.values().forEach(list -> list.forEach(VectorSchemaRoot::close));
        byMorsel.clear();
        batches.forEach(VectorSchemaRoot::close);
        batches.clear();
    }
}
