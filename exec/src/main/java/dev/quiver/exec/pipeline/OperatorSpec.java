package dev.quiver.exec.pipeline;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.HashJoinBuildSink;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.Joins;
import java.util.List;

/**
 * A streaming operator inside a pipeline, as a description both the interpreter and the code
 * generator instantiate: a filter, a projection or a hash-join probe, with the layout of its input
 * batches.
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

    /**
     * Probes the table a hash join's build pipeline (which ran earlier, into {@code build}) made,
     * with each input row as the probe side. Output: the input's columns, then the build columns
     * (joins that output them), then the mark (MARK).
     */
    /**
     * {@code buildColumns} names the build rows' columns as this join knows them: the build sink's
     * own, or, where the sink was built for an equal build side of another join, this join's
     * columns at the same positions.
     */
    record HashJoinProbeSpec(HashJoin join, HashJoinBuildSink build, Layout input, Layout buildColumns) implements OperatorSpec {
        public HashJoinProbeSpec {
            requireNonNull(join, "join");
            requireNonNull(build, "build");
            requireNonNull(input, "input");
            if (buildColumns.size() != build.input().size()) {
                throw new IllegalArgumentException("build columns " + buildColumns.columns() + " for rows of " + build.input().columns());
            }
        }

        public HashJoinProbeSpec(HashJoin join, HashJoinBuildSink build, Layout input) {
            this(join, build, input, build.input());
        }

        @Override
        public Layout output() {
            return new Layout(Joins.outputColumns(join.type(), join.mark(), List.of(input.columns(), buildColumns.columns())));
        }
    }
}
