package dev.quiver.exec.expr;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/**
 * A call of a strict function: NULL if any argument is NULL, else the kernel's result. The kernel
 * runs only on rows whose arguments are all non-NULL, so it never fails for a NULL row.
 */
final class StrictCallNode extends Node {
    private final Node[] children;
    private final ValueVector[] args;
    private final Kernel kernel;
    private final int position;

    StrictCallNode(DataType type, List<Node> children, Kernel kernel, int position) {
        super(type);
        this.children = children.toArray(new Node[0]);
        this.args = new ValueVector[this.children.length];
        this.kernel = kernel;
        this.position = position;
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        for (int c = 0; c < children.length; c++) {
            args[c] = children[c].evaluate(batch, sel, n);
        }
        int[] live = scratch(n);
        int m = 0;
        boolean[] nulls = out.nulls;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            boolean isNull = false;
            for (ValueVector a : args) {
                isNull |= a.nulls[i];
            }
            nulls[i] = isNull;
            if (!isNull) {
                live[m++] = i;
            }
        }
        try {
            kernel.apply(args, live, m, out);
        } catch (QuiverException e) {
            throw e.attachPosition(position);
        } catch (ArithmeticException e) {
            throw new QuiverException(dev.quiver.error.SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: " + e.getMessage())
                    .attachPosition(position);
        }
        return out;
    }
}
