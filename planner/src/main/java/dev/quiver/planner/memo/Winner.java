package dev.quiver.planner.memo;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.physical.PhysicalPlan;

/** The cheapest physical plan found for a group, and the rule that proposed its root. */
public record Winner(PhysicalPlan plan, String implementedBy) {
    public Winner {
        requireNonNull(plan, "plan");
        requireNonNull(implementedBy, "implementedBy");
    }
}
