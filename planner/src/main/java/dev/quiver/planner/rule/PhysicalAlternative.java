package dev.quiver.planner.rule;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.physical.PhysicalOperator;
import java.util.List;

/** What an implementation rule proposes: a physical operator over the given input groups. */
public record PhysicalAlternative(PhysicalOperator operator, List<GroupRef> inputs) {
    public PhysicalAlternative {
        requireNonNull(operator, "operator");
        inputs = List.copyOf(inputs);
    }
}
