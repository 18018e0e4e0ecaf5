package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Project(outer, Project(inner, x)) → Project(outer∘inner, x)}: the outer expressions are
 * rewritten over {@code x}. Guard: every inner expression that is not a plain column or literal is
 * used at most once by the outer projection, so merging never computes anything twice.
 */
public final class MergeProjects implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalProject.class, Pattern.of(LogicalProject.class));

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public Kind kind() {
        return Kind.NORMALIZATION;
    }

    @Override
    public List<LogicalPlan> apply(LogicalPlan binding, RuleContext context) {
        LogicalProject outer = (LogicalProject) binding.operator();
        LogicalPlan innerPlan = binding.input(0);
        LogicalProject inner = (LogicalProject) innerPlan.operator();
        Map<ColumnRef, Expr> definitions = new HashMap<>();
        for (Assignment a : inner.assignments()) {
            definitions.put(a.output(), a.expression());
        }
        Map<ColumnRef, Integer> uses = new HashMap<>();
        for (Assignment a : outer.assignments()) {
            countUses(a.expression(), uses);
        }
        for (Map.Entry<ColumnRef, Integer> use : uses.entrySet()) {
            Expr definition = definitions.get(use.getKey());
            boolean trivial = definition instanceof ColumnRef || definition instanceof Literal;
            if (definition != null && !trivial && use.getValue() > 1) {
                return List.of();
            }
        }
        List<Assignment> merged = outer.assignments().stream()
                .map(a -> new Assignment(a.output(), Exprs.substitute(a.expression(), definitions)))
                .toList();
        return List.of(LogicalPlan.of(new LogicalProject(merged), innerPlan.input(0)));
    }

    private static void countUses(Expr e, Map<ColumnRef, Integer> uses) {
        if (e instanceof ColumnRef c) {
            uses.merge(c, 1, Integer::sum);
        }
        for (Expr child : Exprs.children(e)) {
            countUses(child, uses);
        }
    }
}
