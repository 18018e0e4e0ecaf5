package dev.quiver.engine.storage;

import dev.quiver.exec.vector.ArrowColumns;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.FieldVector;

/**
 * An immutable piece of a table: one Arrow vector per column (internal types) holding up to
 * {@link TableData#CHUNK_ROWS} rows. Reference counted: the table holds one reference while the
 * chunk is part of its current data, each open snapshot one more; the vectors are freed when the
 * last reference goes. Which columns hold a NULL is found once, when the chunk is made, so that
 * scans need not read the validity bitmaps again for every query.
 */
final class Chunk {
    private final FieldVector[] columns;
    private final int rows;
    private final boolean[] hasNulls;
    private final AtomicInteger references = new AtomicInteger(1);

    Chunk(FieldVector[] columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.hasNulls = new boolean[columns.length];
        for (int c = 0; c < columns.length; c++) {
            hasNulls[c] = ArrowColumns.hasNulls(columns[c], rows);
        }
    }

    int rows() {
        return rows;
    }

    FieldVector column(int ordinal) {
        return columns[ordinal];
    }

    /** Whether column {@code ordinal} holds a NULL in this chunk's rows. */
    boolean hasNulls(int ordinal) {
        return hasNulls[ordinal];
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
