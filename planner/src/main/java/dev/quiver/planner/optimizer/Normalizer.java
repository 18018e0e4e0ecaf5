package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import dev.quiver.planner.rule.TreeRewriteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a plan tree to its canonical form before it enters the memo: normalization rules are
 * applied bottom-up, each result normalized again, until no rule matches; then the tree rules run
 * and the pattern rules get one more pass over what they changed.
 */
final class Normalizer {
    /** Rewrites per normalization before we assume two rules undo each other and stop. */
    static final int MAX_REWRITES = 10_000;

    private final List<TransformationRule> rules;
    private final List<TreeRewriteRule> treeRules;
    private final OptimizerTrace trace;
    private int rewrites;

    Normalizer(List<TransformationRule> rules, List<TreeRewriteRule> treeRules, OptimizerTrace trace) {
        this.rules = rules;
        this.treeRules = treeRules;
        this.trace = trace;
    }

    LogicalPlan normalize(LogicalPlan plan, RuleContext context) {
        LogicalPlan result = bottomUp(plan, context);
        for (TreeRewriteRule rule : treeRules) {
            LogicalPlan rewritten = rule.rewrite(result, context);
            if (!rewritten.equals(result)) {
                trace.fired(rule.name());
                result = bottomUp(rewritten, context);
            }
        }
        return result;
    }

    private LogicalPlan bottomUp(LogicalPlan plan, RuleContext context) {
        return applyAtRoot(withNormalizedInputs(plan, context), context);
    }

    private LogicalPlan withNormalizedInputs(LogicalPlan plan, RuleContext context) {
        List<LogicalPlan> inputs = new ArrayList<>(plan.inputs().size());
        boolean changed = false;
        for (LogicalPlan input : plan.inputs()) {
            LogicalPlan normalized = bottomUp(input, context);
            changed |= normalized != input;
            inputs.add(normalized);
        }
        return changed ? LogicalPlan.of(plan.operator(), inputs) : plan;
    }

    /**
     * Applies rules at the node until none fires, normalizing the inputs of each result first. A loop,
     * not a recursion per rewrite, so rules that keep rewriting each other's results stop at
     * {@link #MAX_REWRITES} rather than overflowing the stack.
     */
    private LogicalPlan applyAtRoot(LogicalPlan node, RuleContext context) {
        boolean fired = true;
        while (fired) {
            fired = false;
            for (TransformationRule rule : rules) {
                if (rewrites >= MAX_REWRITES || !rule.pattern().matches(node)) {
                    continue;
                }
                List<LogicalPlan> results = rule.apply(node, context);
                if (!results.isEmpty()) {
                    rewrites++;
                    trace.fired(rule.name());
                    node = withNormalizedInputs(results.get(0), context);
                    fired = true;
                    break;
                }
            }
        }
        return node;
    }
}
