package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/** Computes one column per assignment from each input row; produces exactly those columns. */
public record LogicalProject(List<Assignment> assignments) implements LogicalOperator {
    public LogicalProject {
        assignments = List.copyOf(assignments);
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        return assignments.stream().map(Assignment::output).toList();
    }

    @Override
    public String describe() {
        return "Project [" + Plans.list(assignments) + "]";
    }
}
