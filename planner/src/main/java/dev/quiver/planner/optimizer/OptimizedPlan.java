package dev.quiver.planner.optimizer;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.physical.PhysicalPlan;

/** The chosen physical plan and the trace of how it was found. */
public record OptimizedPlan(PhysicalPlan plan, OptimizerTrace trace) {
    public OptimizedPlan {
        requireNonNull(plan, "plan");
        requireNonNull(trace, "trace");
    }
}
