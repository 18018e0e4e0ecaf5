package dev.quiver.planner.logical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A tree of logical operators. The output columns are computed once, when the node is built. */
public record LogicalPlan(LogicalOperator operator, List<LogicalPlan> inputs, List<ColumnRef> outputColumns) {
    public LogicalPlan {
        requireNonNull(operator, "operator");
        inputs = List.copyOf(inputs);
        outputColumns = List.copyOf(outputColumns);
        if (inputs.size() != operator.arity()) {
            throw new IllegalArgumentException(operator.describe() + " takes " + operator.arity() + " inputs, got " + inputs.size());
        }
    }

    public static LogicalPlan of(LogicalOperator operator, List<LogicalPlan> inputs) {
        return new LogicalPlan(operator, inputs,
                operator.outputColumns(inputs.stream().map(LogicalPlan::outputColumns).toList()));
    }

    public static LogicalPlan of(LogicalOperator operator, LogicalPlan input) {
        return of(operator, List.of(input));
    }

    public static LogicalPlan leaf(LogicalOperator operator) {
        return of(operator, List.of());
    }

    public LogicalPlan input(int i) {
        return inputs.get(i);
    }

    /**
     * The plan with {@code atNode} applied to every node bottom-up: each node is rebuilt over its
     * rewritten inputs (kept as it is when none changed) and then handed to {@code atNode}.
     */
    public LogicalPlan rewriteBottomUp(UnaryOperator<LogicalPlan> atNode) {
        List<LogicalPlan> rewritten = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (LogicalPlan input : inputs) {
            LogicalPlan r = input.rewriteBottomUp(atNode);
            changed |= r != input;
            rewritten.add(r);
        }
        return atNode.apply(changed ? of(operator, rewritten) : this);
    }

    /** How many nodes of this tree, this one included, have an operator of {@code type}. */
    public int count(Class<? extends LogicalOperator> type) {
        int n = type.isInstance(operator) ? 1 : 0;
        for (LogicalPlan input : inputs) {
            n += input.count(type);
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        render(s, 0);
        return s.toString();
    }

    private void render(StringBuilder s, int depth) {
        s.append("  ".repeat(depth)).append(operator.describe()).append('\n');
        for (LogicalPlan input : inputs) {
            input.render(s, depth + 1);
        }
    }

    /** This plan restricted (and ordered) to {@code columns}, by an identity projection if they differ. */
    public LogicalPlan projectedTo(List<ColumnRef> columns) {
        if (outputColumns.equals(columns)) {
            return this;
        }
        return of(new LogicalProject(columns.stream().map(c -> new dev.quiver.planner.plan.Assignment(c, c)).toList()), this);
    }
}
