package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.logical.LogicalPlan;

/**
 * The plan a clause is being bound against. Binding a subquery in the clause wraps this plan in a
 * dependent join, so the clause's expression can refer to the subquery's result column.
 */
final class PlanHolder {
    private LogicalPlan plan;

    PlanHolder(LogicalPlan plan) {
        this.plan = requireNonNull(plan, "plan");
    }

    LogicalPlan plan() {
        return plan;
    }

    void set(LogicalPlan plan) {
        this.plan = requireNonNull(plan, "plan");
    }
}
