package dev.quiver.planner.rule;

import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;

/**
 * A rule that rewrites logical expressions into equivalent logical expressions.
 *
 * <p>Contract: {@link #apply} receives a binding that matches {@link #pattern()} (inputs the pattern
 * does not describe are group references or whole subtrees) and returns zero or more alternatives
 * that produce exactly the same rows and the same output columns (same ids, same order). Returning
 * an empty list means the guard did not hold. The rule must not return its input unchanged.
 *
 * <p>A {@link Kind#NORMALIZATION} rule is applied to plan trees before they enter the memo and
 * replaces what it matches (its result must be at least as good in every case); an
 * {@link Kind#EXPLORATION} rule adds alternatives to a memo group for the cost model to choose among.
 */
public interface TransformationRule extends Rule {
    enum Kind {
        NORMALIZATION, EXPLORATION
    }

    Kind kind();

    List<LogicalPlan> apply(LogicalPlan binding, RuleContext context);
}
