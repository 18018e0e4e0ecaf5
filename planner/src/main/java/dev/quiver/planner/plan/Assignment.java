package dev.quiver.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;

/** {@code output := expression} in a projection. */
public record Assignment(ColumnRef output, Expr expression) {
    public Assignment {
        requireNonNull(output, "output");
        requireNonNull(expression, "expression");
    }

    /** Whether the assignment passes a column through unchanged. */
    public boolean isIdentity() {
        return expression.equals(output);
    }

    @Override
    public String toString() {
        return isIdentity() ? output.toString() : output + " := " + expression;
    }
}
