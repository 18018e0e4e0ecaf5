package dev.quiver.exec.testing;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** A batch of Arrow vectors (internal types) built from Java values; closing frees the vectors. */
public final class TestBatch implements AutoCloseable {
    private final List<ColumnRef> columns = new ArrayList<>();
    private final List<FieldVector> vectors = new ArrayList<>();
    private final BufferAllocator allocator;
    private int rows = -1;

    public TestBatch(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** Adds a column with the given values (null = SQL NULL); returns its reference (id = position + 1). */
    public ColumnRef add(String name, DataType type, Object... values) {
        if (rows >= 0 && rows != values.length) {
            throw new IllegalArgumentException("columns differ in length");
        }
        rows = values.length;
        ValueVector v = new ValueVector(type, values.length);
        for (int i = 0; i < values.length; i++) {
            Values.set(v, i, values[i]);
        }
        FieldVector f = ArrowColumns.create(name, type, allocator, false);
        ArrowColumns.write(v, null, values.length, f);
        ColumnRef ref = new ColumnRef(columns.size() + 1, name, type);
        columns.add(ref);
        vectors.add(f);
        return ref;
    }

    public Layout layout() {
        return new Layout(columns);
    }

    public Batch batch() {
        return Batch.of(vectors.toArray(new FieldVector[0]), rows);
    }

    public int rows() {
        return rows;
    }

    @Override
    public void close() {
        vectors.forEach(FieldVector::close);
    }
}
