package dev.quiver.exec.pipeline;

import dev.quiver.planner.type.DataType;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A query's result: column names and SQL types, and the Arrow batches (API types) in order. */
public record QueryOutput(List<String> names, List<DataType> types, List<VectorSchemaRoot> batches) implements AutoCloseable {
    public QueryOutput {
        names = List.copyOf(names);
        types = List.copyOf(types);
        batches = List.copyOf(batches);
    }

    public long rowCount() {
        return batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
    }

    @Override
    public void close() {
        batches.forEach(VectorSchemaRoot::close);
    }
}
