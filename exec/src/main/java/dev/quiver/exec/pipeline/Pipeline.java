package dev.quiver.exec.pipeline;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.expr.Layout;
import java.util.List;

/**
 * Source → streaming operators → sink. {@code sourceLayout} is the layout of the source's batches;
 * each operator's output layout feeds the next; the sink receives the last layout.
 */
public record Pipeline(int id, String description, Source source, Layout sourceLayout, List<OperatorSpec> operators,
        Sink sink) {
    public Pipeline {
        requireNonNull(description, "description");
        requireNonNull(source, "source");
        requireNonNull(sourceLayout, "sourceLayout");
        operators = List.copyOf(operators);
        requireNonNull(sink, "sink");
    }

    /** The layout of the batches the sink receives. */
    public Layout sinkLayout() {
        return operators.isEmpty() ? sourceLayout : operators.get(operators.size() - 1).output();
    }
}
