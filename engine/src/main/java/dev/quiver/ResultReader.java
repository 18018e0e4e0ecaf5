package dev.quiver;

import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** Streams a result's batches through Arrow's standard reader interface. */
final class ResultReader extends ArrowReader {
    private final Schema schema;
    private final List<VectorSchemaRoot> batches;
    private int next;
    private long bytes;

    ResultReader(BufferAllocator allocator, Schema schema, List<VectorSchemaRoot> batches) {
        super(allocator);
        this.schema = schema;
        this.batches = batches;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (next >= batches.size()) {
            return false;
        }
        VectorSchemaRoot batch = batches.get(next++);
        try (ArrowRecordBatch record = new VectorUnloader(batch).getRecordBatch()) {
            bytes += record.computeBodyLength();
            loadRecordBatch(record);
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}
