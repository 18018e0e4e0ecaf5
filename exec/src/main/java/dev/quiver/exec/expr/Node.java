package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;

/**
 * A node of an interpreted expression. Each node owns the vector it writes its result into; the
 * result of {@link #evaluate} is valid until the node is evaluated again.
 */
abstract class Node {
    final DataType type;
    final ValueVector out;

    Node(DataType type) {
        this.type = type;
        this.out = new ValueVector(type, 1);
    }

    /** Computes the rows {@code sel[0..n)} of the batch into {@link #out} (position-aligned). */
    abstract ValueVector evaluate(Batch batch, int[] sel, int n);

    /** Makes room for a batch and forgets the previous batch's strings. */
    final void prepare(Batch batch) {
        out.ensureCapacity(batch.rowCount());
        if (out.kind == Kind.STRING) {
            out.resetArena();
        }
    }

    /** A scratch selection array of at least n entries, kept per node. */
    private int[] scratch = new int[0];

    final int[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new int[n];
        }
        return scratch;
    }
}
