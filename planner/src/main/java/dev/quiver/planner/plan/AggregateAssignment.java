package dev.quiver.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.ColumnRef;

/** {@code output := aggregate(...)} in an aggregation. */
public record AggregateAssignment(ColumnRef output, AggregateCall call) {
    public AggregateAssignment {
        requireNonNull(output, "output");
        requireNonNull(call, "call");
    }

    @Override
    public String toString() {
        return output + " := " + call;
    }
}
