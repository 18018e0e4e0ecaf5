package dev.quiver.planner.rule;

import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Literal;
import java.util.Optional;

/**
 * Evaluates an expression that reads no column, with the executor's own semantics (the planner has
 * no evaluator of its own, so folding can never disagree with execution). Returns empty when the
 * expression cannot be folded, including when evaluating it fails: the error then happens at run
 * time, for the rows that reach it.
 */
@FunctionalInterface
public interface ConstantEvaluator {
    Optional<Literal> evaluate(Expr constantExpression);

    /** An evaluator that folds nothing. */
    ConstantEvaluator NONE = e -> Optional.empty();
}
