package dev.quiver.planner.optimizer;

import java.util.Set;

/**
 * Knobs of one optimization: rules switched off by name, whether exploration runs at all, and the
 * search budget (see {@link dev.quiver.planner.rule.SearchBudget}: exploration rule applications and
 * the pairs join enumeration considers, and the time since the optimization started; both positive).
 * Exceeding the budget is not an error: the best plan found so far is used and the trace says so.
 */
public record OptimizerSettings(Set<String> disabledRules, boolean exploration, int maxRuleApplications,
        long maxMillis) {
    /** Rule applications before exploration stops: generous for today's rules, a guard against runaway rule sets. */
    public static final int DEFAULT_MAX_RULE_APPLICATIONS = 100_000;
    /** Planning time before exploration stops; planning must stay small next to execution. */
    public static final long DEFAULT_MAX_MILLIS = 2_000;

    public OptimizerSettings {
        disabledRules = Set.copyOf(disabledRules);
        if (maxRuleApplications < 1 || maxMillis < 1) {
            throw new IllegalArgumentException("search budget must be positive: " + maxRuleApplications + " applications, " + maxMillis + " ms");
        }
    }

    public static OptimizerSettings defaults() {
        return new OptimizerSettings(Set.of(), true, DEFAULT_MAX_RULE_APPLICATIONS, DEFAULT_MAX_MILLIS);
    }

    public boolean enabled(String ruleName) {
        return !disabledRules.contains(ruleName);
    }
}
