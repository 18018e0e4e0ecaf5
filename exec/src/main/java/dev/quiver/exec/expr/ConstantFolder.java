package dev.quiver.exec.expr;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.rule.ConstantEvaluator;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;

/**
 * The planner's constant folding, done by the interpreter itself so a folded constant always has
 * the value execution would compute. An expression that fails (for example {@code 1/0}) is not
 * folded; it fails at run time, for the rows that reach it, with its position.
 */
public final class ConstantFolder implements ConstantEvaluator {
    private static final int[] FIRST_ROW = {0};

    @Override
    public Optional<Literal> evaluate(Expr constantExpression) {
        try {
            ExpressionEvaluator evaluator = ExpressionEvaluator.compile(constantExpression, new Layout(List.of()));
            ValueVector v = evaluator.evaluate(Batch.of(new FieldVector[0], 1), FIRST_ROW, 1);
            Object value = Values.toObject(v, 0);
            return Optional.of(value == null ? Literal.nullOf(constantExpression.type()) : Literal.of(value, constantExpression.type()));
        } catch (QuiverException e) {
            return Optional.empty();
        }
    }
}
