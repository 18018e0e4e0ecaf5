package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code value IN (e1, ..., en)}: TRUE if value equals some ei; otherwise NULL if value or some ei
 * is NULL, else FALSE. When every ei is a constant, the non-NULL ones are put in a hash set once.
 */
final class InNode extends Node {
    private final Node value;
    private final Node[] items;
    private final Set<Key> constants;
    private final boolean constantNull;

    /** A hashable, comparable wrapper of one constant. */
    private record Key(ValueVector vector, int index, long hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ValueComparisons.equal(vector, index, k.vector, k.index);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash);
        }
    }

    InNode(Node value, List<Node> items) {
        super(DataType.BOOLEAN);
        this.value = value;
        this.items = items.toArray(new Node[0]);
        if (items.stream().allMatch(i -> i instanceof ConstantNode)) {
            constants = new HashSet<>();
            boolean sawNull = false;
            for (Node item : items) {
                ConstantNode c = (ConstantNode) item;
                if (c.isNull()) {
                    sawNull = true;
                    continue;
                }
                ValueVector one = new ValueVector(value.type, 1);
                dev.quiver.exec.vector.Values.set(one, 0, c.javaValue());
                constants.add(new Key(one, 0, ValueComparisons.hash(one, 0)));
            }
            constantNull = sawNull;
        } else {
            constants = null;
            constantNull = false;
        }
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        ValueVector v = value.evaluate(batch, sel, n);
        if (constants != null) {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                if (v.nulls[i]) {
                    out.nulls[i] = true;
                    continue;
                }
                boolean found = constants.contains(new Key(v, i, ValueComparisons.hash(v, i)));
                out.nulls[i] = !found && constantNull;
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
