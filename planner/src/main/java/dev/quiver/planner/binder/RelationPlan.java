package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.logical.LogicalPlan;

/** A plan with the scope that names its output columns. */
record RelationPlan(LogicalPlan plan, Scope scope) {
    RelationPlan {
        requireNonNull(plan, "plan");
        requireNonNull(scope, "scope");
    }
}
