package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/** COALESCE: the first non-NULL argument; later arguments are evaluated only where earlier ones were NULL. */
final class CoalesceNode extends Node {
    private final Node[] children;

    CoalesceNode(DataType type, List<Node> children) {
        super(type);
        this.children = children.toArray(new Node[0]);
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        int[] pending = scratch(n);
        System.arraycopy(sel, 0, pending, 0, n);
        int m = n;
        for (int k = 0; k < n; k++) {
            out.nulls[sel[k]] = true;
        }
        for (Node child : children) {
            if (m == 0) {
                break;
            }
            ValueVector v = child.evaluate(batch, pending, m);
            int kept = 0;
            for (int k = 0; k < m; k++) {
                int i = pending[k];
                if (v.nulls[i]) {
                    pending[kept++] = i;
                } else {
                    out.copyFrom(v, i, i);
                }
            }
            m = kept;
        }
        return out;
    }
}
