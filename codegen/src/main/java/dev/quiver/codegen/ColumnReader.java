package dev.quiver.codegen;

import dev.quiver.planner.expr.ColumnRef;
import java.util.Optional;

/**
 * How generated code reads a column's value for the current row: from the batch's Arrow memory
 * ({@link SourceColumns}), from a hash-join build table at the current build row, or from fields a
 * probe set (a MARK join's mark).
 */
interface ColumnReader {
    /** Emits statements (at {@code indent}) reading {@code column} into fresh locals; returns them. */
    JValue read(ColumnRef column, StringBuilder body, String indent);

    /**
     * Emits statements reading a string column's NULL flag, and where its bytes are, without copying
     * them; empty (nothing emitted) when this reader's values are not in Arrow memory.
     */
    default Optional<InPlaceString> readInPlace(ColumnRef column, StringBuilder body, String indent) {
        return Optional.empty();
    }

    /** A non-copied string value: Java expressions for its NULL flag, its address and its byte length. */
    record InPlaceString(String isNull, String address, String length) {
    }
}
