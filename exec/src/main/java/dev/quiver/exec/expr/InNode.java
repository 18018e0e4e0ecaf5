package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code value IN (e1, ..., en)}: TRUE if value equals some ei; otherwise NULL if value or some ei
 * is NULL, else FALSE. When every ei is a constant, the non-NULL ones are put in a hash set once.
 * An empty list ({@code value IN ()}) is FALSE for every row, NULL included, and the value is not
 * evaluated (the planner folds it to FALSE the same way).
 */
final class InNode extends Node {
    private final Node value;
    private final Node[] items;
    private final ConstantSet constants;

    InNode(Node value, List<Node> items) {
        super(DataType.BOOLEAN);
        this.value = value;
        this.items = items.toArray(new Node[0]);
        if (items.stream().allMatch(i -> i instanceof ConstantNode)) {
            List<Object> values = new ArrayList<>();
            for (Node item : items) {
                values.add(((ConstantNode) item).isNull() ? null : ((ConstantNode) item).javaValue());
            }
            constants = new ConstantSet(value.type, values);
        } else {
            constants = null;
        }
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        if (items.length == 0) {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                out.nulls[i] = false;
                out.longs[i] = 0;
            }
            return out;
        }
        ValueVector v = value.evaluate(batch, sel, n);
        if (constants != null) {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                if (v.nulls[i]) {
                    out.nulls[i] = true;
                    continue;
                }
                boolean found = constants.contains(v, i);
                out.nulls[i] = !found && constants.containsNull();
                out.longs[i] = found ? 1 : 0;
            }
            return out;
        }
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            out.nulls[i] = v.nulls[i];
            out.longs[i] = 0;
        }
        for (Node item : items) {
            ValueVector e = item.evaluate(batch, sel, n);
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                if (v.nulls[i] || (!out.nulls[i] && out.longs[i] == 1)) {
                    continue;
                }
                if (e.nulls[i]) {
                    out.nulls[i] = true;
                } else if (ValueComparisons.equal(v, i, e, i)) {
                    out.nulls[i] = false;
                    out.longs[i] = 1;
                }
            }
        }
        return out;
    }
}
