package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/** CONCAT_WS(sep, a, b, ...): the non-NULL arguments joined by sep; NULL only if sep is NULL. */
final class ConcatWsNode extends Node {
    private final Node[] children;
    private final ValueVector[] args;

    ConcatWsNode(List<Node> children) {
        super(DataType.VARCHAR);
        this.children = children.toArray(new Node[0]);
        this.args = new ValueVector[this.children.length];
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        for (int c = 0; c < children.length; c++) {
            args[c] = children[c].evaluate(batch, sel, n);
        }
        ValueVector sep = args[0];
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if (sep.nulls[i]) {
                out.nulls[i] = true;
                continue;
            }
            int total = 0;
            int parts = 0;
            for (int c = 1; c < args.length; c++) {
                if (!args[c].nulls[i]) {
                    total += args[c].lengths[i];
                    parts++;
                }
            }
            total += Math.max(0, parts - 1) * sep.lengths[i];
            int at = out.reserve(total);
            int p = at;
            boolean first = true;
            for (int c = 1; c < args.length; c++) {
                ValueVector a = args[c];
                if (a.nulls[i]) {
                    continue;
                }
                if (!first) {
                    System.arraycopy(sep.bytes, sep.offsets[i], out.bytes, p, sep.lengths[i]);
                    p += sep.lengths[i];
                }
                System.arraycopy(a.bytes, a.offsets[i], out.bytes, p, a.lengths[i]);
                p += a.lengths[i];
                first = false;
            }
            out.nulls[i] = false;
            out.offsets[i] = at;
            out.lengths[i] = total;
        }
        return out;
    }
}
