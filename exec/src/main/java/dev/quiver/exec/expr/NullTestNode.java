package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;

/** IS NULL / IS NOT NULL: never NULL itself. */
final class NullTestNode extends Node {
    private final Node child;
    private final boolean negated;

    NullTestNode(Node child, boolean negated) {
        super(DataType.BOOLEAN);
        this.child = child;
        this.negated = negated;
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        ValueVector v = child.evaluate(batch, sel, n);
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            out.nulls[i] = false;
            out.longs[i] = v.nulls[i] != negated ? 1 : 0;
        }
        return out;
    }
}
