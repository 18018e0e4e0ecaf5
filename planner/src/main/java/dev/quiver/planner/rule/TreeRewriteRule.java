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
     * Whether the rule searches among equivalent plans (join ordering) rather than normalizing: such
     * rules are skipped, like the memo's exploration, when exploration is switched off.
     */
    default boolean explores() {
        return false;
    }
}
