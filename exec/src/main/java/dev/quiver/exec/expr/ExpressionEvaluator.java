package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.type.DataType;

/**
 * An interpreted expression: the reference semantics of every expression the binder produces.
 * Evaluates a batch's selected rows into a heap {@link ValueVector}, position-aligned with the
 * batch. Not thread-safe: each worker thread compiles its own (compiling is cheap).
 */
public final class ExpressionEvaluator {
    private final Node root;

    private ExpressionEvaluator(Node root) {
        this.root = root;
    }

    public static ExpressionEvaluator compile(Expr expression, Layout layout) {
        return new ExpressionEvaluator(new ExpressionCompiler(layout).compile(expression));
    }

    public DataType type() {
        return root.type;
    }

    /** Evaluates rows {@code sel[0..n)}; the result is valid until the next call. */
    public ValueVector evaluate(Batch batch, int[] sel, int n) {
        return root.evaluate(batch, sel, n);
    }
}
