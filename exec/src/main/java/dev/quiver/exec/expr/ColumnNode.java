package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;

/** Reads a batch column into the heap vector. */
final class ColumnNode extends Node {
    private final int index;

    ColumnNode(DataType type, int index) {
        super(type);
        this.index = index;
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        ArrowColumns.read(batch.column(index), type, sel, n, out, -1);
        return out;
    }
}
