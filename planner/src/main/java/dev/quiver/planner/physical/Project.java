package dev.quiver.planner.physical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/** Computes the assignments for each selected row; passes identity assignments through without copying. */
public record Project(List<Assignment> assignments) implements PhysicalOperator {
    public Project {
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
