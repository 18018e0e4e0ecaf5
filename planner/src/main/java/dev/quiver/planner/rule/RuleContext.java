package dev.quiver.planner.rule;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.binder.ColumnIdAllocator;

/** What a rule may use besides its binding: fresh column ids and constant folding. */
public record RuleContext(ColumnIdAllocator columnIds, ConstantEvaluator constants) {
    public RuleContext {
        requireNonNull(columnIds, "columnIds");
        requireNonNull(constants, "constants");
    }
}
