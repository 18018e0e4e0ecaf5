package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.type.DataType;

/** A constant: the value is computed once and copied to every selected position. */
final class ConstantNode extends Node {
    private final ValueVector value;

    ConstantNode(DataType type, Object javaValue) {
        super(type);
        value = new ValueVector(type, 1);
        Values.set(value, 0, javaValue);
    }

    boolean isNull() {
        return value.nulls[0];
    }

    Object javaValue() {
        return Values.toObject(value, 0);
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        out.ensureCapacity(batch.rowCount());
        boolean isNull = value.nulls[0];
        for (int k = 0; k < n; k++) {
            out.nulls[sel[k]] = isNull;
        }
        if (isNull) {
            return out;
        }
        switch (out.kind) {
            case BOOLEAN, LONG -> {
                long v = value.longs[0];
                for (int k = 0; k < n; k++) {
                    out.longs[sel[k]] = v;
                }
            }
            case DOUBLE -> {
                double v = value.doubles[0];
                for (int k = 0; k < n; k++) {
                    out.doubles[sel[k]] = v;
                }
            }
            case INT128 -> {
                for (int k = 0; k < n; k++) {
                    out.longs[sel[k]] = value.longs[0];
                    out.highs[sel[k]] = value.highs[0];
                }
            }
            case STRING -> {
                // Every position points at one copy of the bytes, at the start of the arena.
                out.resetArena();
                int at = out.reserve(value.lengths[0]);
                System.arraycopy(value.bytes, value.offsets[0], out.bytes, at, value.lengths[0]);
                for (int k = 0; k < n; k++) {
                    out.offsets[sel[k]] = at;
                    out.lengths[sel[k]] = value.lengths[0];
                }
            }
            case INTERVAL -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.months[i] = value.months[0];
                    out.days[i] = value.days[0];
                    out.longs[i] = value.longs[0];
                }
            }
        }
        return out;
    }
}
