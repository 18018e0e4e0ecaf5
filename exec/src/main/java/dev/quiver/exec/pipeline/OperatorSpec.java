package dev.quiver.exec.pipeline;

import dev.quiver.exec.expr.Layout;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.Assignment;
import java.util.List;

/**
 * A streaming operator inside a pipeline, as a description both the interpreter and the code
 * generator instantiate: a filter or a projection, with the layout of its input batches.
 */
public sealed interface OperatorSpec {
    Layout input();

    Layout output();

    /** Keeps rows where the predicate is TRUE. */
    record FilterSpec(Expr predicate, Layout input) implements OperatorSpec {
        @Override
        public Layout output() {
            return input;
        }
    }

    /** Computes the assignments; plain column references pass their vector through. */
    record ProjectSpec(List<Assignment> assignments, Layout input) implements OperatorSpec {
        public ProjectSpec {
            assignments = List.copyOf(assignments);
        }

        @Override
        public Layout output() {
            return new Layout(assignments.stream().map(Assignment::output).toList());
        }
    }
}
