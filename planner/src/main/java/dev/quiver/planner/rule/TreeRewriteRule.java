package dev.quiver.planner.rule;

import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalPlan;

/**
 * A normalization rule that needs the whole tree at once because its decision at a node depends on
 * what the nodes above require (column pruning is the example). It runs on the plan tree before
 * the memo is built and returns a plan with the same output columns and rows.
 */
public interface TreeRewriteRule extends Rule {
    @Override
    default Pattern pattern() {
        return Pattern.of(LogicalOperator.class);
    }

    LogicalPlan rewrite(LogicalPlan root, RuleContext context);

    /**
     * The rule as it runs when exploration is switched off: a rule that searches among equivalent
     * plans (join ordering) falls back to its heuristic; a normalizing rule stays as it is.
     */
    default TreeRewriteRule withoutExploration() {
        return this;
    }
}
