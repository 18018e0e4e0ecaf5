package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;

/** {@code a IS [NOT] DISTINCT FROM b}: equality where two NULLs are equal; never NULL. */
final class DistinctNode extends Node {
    private final Node left;
    private final Node right;
    private final boolean distinct;

    DistinctNode(Node left, Node right, boolean distinct) {
        super(DataType.BOOLEAN);
        this.left = left;
        this.right = right;
        this.distinct = distinct;
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        ValueVector a = left.evaluate(batch, sel, n);
        ValueVector b = right.evaluate(batch, sel, n);
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            boolean same = a.nulls[i] || b.nulls[i] ? a.nulls[i] == b.nulls[i] : ValueComparisons.equal(a, i, b, i);
            out.nulls[i] = false;
            out.longs[i] = same != distinct ? 1 : 0;
        }
        return out;
    }
}
