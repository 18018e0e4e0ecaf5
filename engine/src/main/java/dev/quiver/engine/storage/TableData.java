package dev.quiver.engine.storage;

import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The chunks of a table at one moment and the sketch of their statistics; replaced as a whole on
 * every change (copy on write).
 */
record TableData(List<Chunk> chunks, long rowCount, TableSketch sketch) {
    /** Rows per chunk: equal to the executor's batch size, so a scan hands each chunk on as one batch. */
    static final int CHUNK_ROWS = dev.quiver.exec.batch.Selections.BATCH_SIZE;

    /** No rows, for checking new rows against nothing (its sketch has no columns). */
    static final TableData EMPTY = empty(List.of());

    TableData {
        // One list class whatever the count (List.copyOf makes a different one for one or two
        // elements): every scan's calls on it then see one receiver type, and the JIT does not
        // recompile them when a table of one chunk follows one of many.
        chunks = Collections.unmodifiableList(new ArrayList<>(List.copyOf(chunks)));
        java.util.Objects.requireNonNull(sketch, "sketch");
    }

    /** No rows of columns of these types. */
    static TableData empty(List<DataType> types) {
        return new TableData(List.of(), 0, TableSketch.empty(types));
    }

    /** All rows of the column at {@code ordinal} (of type {@code type}) as one heap vector; the caller keeps the chunks alive. */
    ValueVector readColumn(int ordinal, DataType type) {
        ValueVector values = new ValueVector(type, Math.toIntExact(rowCount));
        int at = 0;
        for (Chunk chunk : chunks) {
            ArrowColumns.read(chunk.column(ordinal), type, null, chunk.rows(), values, at);
            at += chunk.rows();
        }
        return values;
    }
}
