package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows copied out of batches into heap columns, for operators that must keep their input (sort,
 * top-N, limit, hash-join build, union). Rows are dense: row r of the buffer is entry r of every
 * column.
 */
public final class RowBuffer {
    private final List<DataType> types;
    private final ValueVector[] columns;
    private int rows;

    public RowBuffer(List<DataType> types) {
        this.types = List.copyOf(types);
        this.columns = new ValueVector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new ValueVector(types.get(c), 16);
        }
    }

    public int rows() {
        return rows;
    }

    /** The Java heap the buffer's columns take. */
    public long heapBytes() {
        return ValueVector.heapBytes(columns);
    }

    public List<DataType> types() {
        return types;
    }

    public ValueVector column(int c) {
        return columns[c];
    }

    /**
     * Makes room for {@code rows} rows in every column at once, so that appending up to that many
     * copies no column again (each growth copies what the column holds).
     */
    public void reserve(int rows) {
        for (ValueVector column : columns) {
            column.ensureCapacity(rows);
        }
    }

    /** Appends the selected rows of a batch (first {@code limit} of them at most). */
    public void append(Batch batch, int limit) {
        append(batch, Math.min(limit, batch.selectedCount()), null);
    }

    /**
     * Appends the selected rows of a batch, column c read from the batch's column {@code
     * batchColumns[c]} (a buffer of some of a batch's columns, such as its sort keys).
     */
    public void append(Batch batch, int[] batchColumns) {
        append(batch, batch.selectedCount(), batchColumns);
    }

    /** Appends the first {@code n} selected rows; column c from the batch's column {@code batchColumns[c]} (c itself when null). */
    private void append(Batch batch, int n, int[] batchColumns) {
        int[] sel = batch.positions();
        for (int c = 0; c < columns.length; c++) {
            columns[c].ensureCapacity(rows + n);
            ArrowColumns.read(batch.column(batchColumns == null ? c : batchColumns[c]), types.get(c), sel, n, columns[c], rows);
        }
        rows += n;
    }

    /** Empties the buffer, keeping its arrays for reuse. */
    public void clear() {
        for (ValueVector column : columns) {
            column.resetArena();
        }
        rows = 0;
    }

    /** Appends row {@code r} of another buffer with the same types. */
    public void appendRow(RowBuffer other, int r) {
        for (int c = 0; c < columns.length; c++) {
            columns[c].ensureCapacity(rows + 1);
            columns[c].copyFrom(other.columns[c], r, rows);
        }
        rows++;
    }

    /** Appends all rows of another buffer with the same types. */
    public void appendAll(RowBuffer other) {
        appendRange(other, 0, other.rows);
    }

    /** Appends rows {@code from..to} of another buffer with the same types, column by column. */
    public void appendRange(RowBuffer other, int from, int to) {
        int n = to - from;
        for (int c = 0; c < columns.length; c++) {
            ValueVector dst = columns[c];
            ValueVector src = other.columns[c];
            dst.ensureCapacity(rows + n);
            dst.copyRange(src, from, rows, n);
        }
        rows += n;
    }

    /**
     * Writes rows {@code order[from..to)} into new Arrow vectors (internal or API types) owned by
     * the caller.
     */
    public FieldVector[] toVectors(int[] order, int from, int to, BufferAllocator allocator, boolean api, List<String> names) {
        int n = to - from;
        int[] positions = new int[n];
        for (int k = 0; k < n; k++) {
            positions[k] = order == null ? from + k : order[from + k];
        }
        FieldVector[] out = new FieldVector[columns.length];
        try {
            for (int c = 0; c < columns.length; c++) {
                out[c] = ArrowColumns.create(names.get(c), types.get(c), allocator, api);
                ArrowColumns.write(columns[c], positions, n, out[c]);
            }
        } catch (RuntimeException e) {
            for (FieldVector v : out) {
                if (v != null) {
                    v.close();
                }
            }
            throw e;
        }
        return out;
    }

    /**
     * Rows {@code order[from..to)} (or {@code from..to} without an order) as batches of at most
     * {@link Selections#BATCH_SIZE} rows, in internal-type vectors registered with the query (so
     * they live until it ends): the output of a materializing sink for the next pipeline.
     */
    public List<Batch> toBatches(int[] order, int from, int to, QueryContext context, List<String> names) {
        List<Batch> batches = new ArrayList<>();
        for (int start = from; start < to; start += Selections.BATCH_SIZE) {
            int end = Math.min(to, start + Selections.BATCH_SIZE);
            FieldVector[] vectors = toVectors(order, start, end, context.allocator(), false, names);
            for (FieldVector v : vectors) {
                context.register(v);
            }
            batches.add(Batch.of(vectors, end - start));
        }
        return batches;
    }
}
