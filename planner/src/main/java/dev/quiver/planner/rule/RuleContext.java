package dev.quiver.planner.rule;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.binder.ColumnIdAllocator;

/**
 * What a rule may use besides its binding: fresh column ids, constant folding, and the search budget
 * that rules which search among alternatives spend (unlimited unless the optimizer sets one).
 */
public record RuleContext(ColumnIdAllocator columnIds, ConstantEvaluator constants, SearchBudget budget) {
    public RuleContext {
        requireNonNull(columnIds, "columnIds");
        requireNonNull(constants, "constants");
        requireNonNull(budget, "budget");
    }

    public RuleContext(ColumnIdAllocator columnIds, ConstantEvaluator constants) {
        this(columnIds, constants, SearchBudget.unlimited());
    }

    /** The same context with another search budget. */
    public RuleContext withBudget(SearchBudget newBudget) {
        return new RuleContext(columnIds, constants, newBudget);
    }
}
