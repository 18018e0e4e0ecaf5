package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/**
 * AND / OR over any number of arguments with SQL's three-valued logic and short-circuiting: each
 * argument is evaluated only on the rows the previous ones left undecided (for AND, rows not yet
 * FALSE; for OR, rows not yet TRUE), so a later argument's errors cannot fire for decided rows.
 */
final class LogicalNode extends Node {
    private final Node[] children;
    private final boolean isAnd;

    LogicalNode(List<Node> children, boolean isAnd) {
        super(DataType.BOOLEAN);
        this.children = children.toArray(new Node[0]);
        this.isAnd = isAnd;
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        long decisive = isAnd ? 0 : 1; // FALSE decides AND, TRUE decides OR
        // Start from the neutral value: TRUE for AND, FALSE for OR.
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            out.nulls[i] = false;
            out.longs[i] = 1 - decisive;
        }
        int[] pending = scratch(n);
        System.arraycopy(sel, 0, pending, 0, n);
        int m = n;
        for (Node child : children) {
            if (m == 0) {
                break;
            }
            ValueVector v = child.evaluate(batch, pending, m);
            int kept = 0;
            for (int k = 0; k < m; k++) {
                int i = pending[k];
                if (v.nulls[i]) {
                    out.nulls[i] = true;
                    pending[kept++] = i;
                } else if (v.longs[i] == decisive) {
                    out.nulls[i] = false;
                    out.longs[i] = decisive;
                } else {
                    pending[kept++] = i;
                }
            }
            m = kept;
        }
        return out;
    }
}
