package dev.quiver.exec.expr;

import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;

/** Values as text, exactly as a cast to VARCHAR writes them (PostgreSQL's output forms), for messages. */
public final class ValueText {
    private ValueText() {
    }

    /** Entry {@code i} of {@code v}, of type {@code type}; "null" for SQL NULL. */
    public static String of(DataType type, ValueVector v, int i) {
        return v.nulls[i] ? "null" : CastKernels.render(type, v, i);
    }
}
