package dev.quiver.engine.storage;

import java.util.List;

/** The chunks of a table at one moment; replaced as a whole on every change (copy on write). */
record TableData(List<Chunk> chunks, long rowCount) {
    /** Rows per chunk: equal to the executor's batch size, so a scan hands each chunk on as one batch. */
    static final int CHUNK_ROWS = dev.quiver.exec.batch.Selections.BATCH_SIZE;

    static final TableData EMPTY = new TableData(List.of(), 0);

    TableData {
        chunks = List.copyOf(chunks);
    }
}
