package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;

/** NULLIF(a, b): NULL if a = b (both non-NULL), else a. */
final class NullIfNode extends Node {
    private final Node left;
    private final Node right;

    NullIfNode(DataType type, Node left, Node right) {
        super(type);
        this.left = left;
        this.right = right;
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        ValueVector a = left.evaluate(batch, sel, n);
        ValueVector b = right.evaluate(batch, sel, n);
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if (!a.nulls[i] && !b.nulls[i] && ValueComparisons.equal(a, i, b, i)) {
                out.nulls[i] = true;
            } else {
                out.copyFrom(a, i, i);
            }
        }
        return out;
    }
}
