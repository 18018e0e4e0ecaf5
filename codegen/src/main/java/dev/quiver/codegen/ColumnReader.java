package dev.quiver.codegen;

import dev.quiver.planner.expr.ColumnRef;

/**
 * How generated code reads a column's value for the current row: from the batch's Arrow memory
 * ({@link SourceColumns}), from a hash-join build table at the current build row, or from fields a
 * probe set (a MARK join's mark).
 */
@FunctionalInterface
interface ColumnReader {
    /** Emits statements (at {@code indent}) reading {@code column} into fresh locals; returns them. */
    JValue read(ColumnRef column, StringBuilder body, String indent);
}
