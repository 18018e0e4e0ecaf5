package dev.quiver.engine.storage;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.FieldVector;

/**
 * An immutable piece of a table: one Arrow vector per column (internal types) holding up to
 * {@link TableData#CHUNK_ROWS} rows. Reference counted: the table holds one reference while the
 * chunk is part of its current data, each open snapshot one more; the vectors are freed when the
 * last reference goes.
 */
final class Chunk {
    private final FieldVector[] columns;
    private final int rows;
    private final AtomicInteger references = new AtomicInteger(1);

    Chunk(FieldVector[] columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    int rows() {
        return rows;
    }

    FieldVector column(int ordinal) {
        return columns[ordinal];
    }

    void retain() {
        int before = references.getAndIncrement();
        if (before <= 0) {
            throw new IllegalStateException("chunk already released");
        }
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            for (FieldVector v : columns) {
                v.close();
            }
        }
    }
}
