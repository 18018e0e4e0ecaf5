package dev.quiver.exec.pipeline;

import java.util.Optional;
import org.apache.arrow.vector.FieldVector;

/**
 * A consistent view of a table's data for one query: a list of chunks of Arrow vectors that do not
 * change while the snapshot is open. Storage implements it; scans read it. Chunk vectors stay owned
 * by storage and valid until the snapshot is closed.
 */
public interface TableSnapshot extends AutoCloseable {
    int chunkCount();

    int rowCount(int chunk);

    /** The vector of the table column at {@code ordinal} in chunk {@code chunk} (internal types). */
    FieldVector column(int chunk, int ordinal);

    /**
     * Whether column {@code ordinal} holds a NULL among chunk {@code chunk}'s rows, when known
     * without reading the column (storage finds it once per chunk); empty otherwise.
     */
    default Optional<Boolean> hasNulls(int chunk, int ordinal) {
        return Optional.empty();
    }

    /** Releases the snapshot; its chunks may then be freed. Never throws. */
    @Override
    void close();
}
