package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.memo.GroupExpression;
import dev.quiver.planner.memo.Memo;
import dev.quiver.planner.rule.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Enumerates the ways a pattern matches a memo expression. Inputs the pattern describes are matched
 * against every expression of the input group (so one memo expression can yield several bindings);
 * inputs it does not describe, or describes as {@link Pattern#any()}, are bound as group references.
 */
final class Bindings {
    private Bindings() {
    }

    static List<LogicalPlan> of(Memo memo, GroupExpression expression, Pattern pattern) {
        if (!pattern.matchesRoot(expression.operator())) {
            return List.of();
        }
        List<List<LogicalPlan>> perInput = new ArrayList<>();
        for (int i = 0; i < expression.inputs().size(); i++) {
            int group = expression.inputs().get(i);
            if (pattern.inputs().isEmpty() || pattern.inputs().get(i).isAny()) {
                perInput.add(List.of(LogicalPlan.leaf(memo.reference(group))));
                continue;
            }
            List<LogicalPlan> options = new ArrayList<>();
            for (GroupExpression candidate : memo.group(group).expressions()) {
                options.addAll(of(memo, candidate, pattern.inputs().get(i)));
            }
            if (options.isEmpty()) {
                return List.of();
            }
            perInput.add(options);
        }
        List<LogicalPlan> out = new ArrayList<>();
        cross(expression, perInput, 0, new ArrayList<>(), out);
        return out;
    }

    private static void cross(GroupExpression expression, List<List<LogicalPlan>> perInput, int i,
            List<LogicalPlan> chosen, List<LogicalPlan> out) {
        if (i == perInput.size()) {
            out.add(LogicalPlan.of((LogicalOperator) expression.operator(), List.copyOf(chosen)));
            return;
        }
        for (LogicalPlan option : perInput.get(i)) {
            chosen.add(option);
            cross(expression, perInput, i + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }
}
