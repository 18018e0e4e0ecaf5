package dev.quiver.planner.rule.exploration;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Semi(Project(a, x), z) → Project(a, Semi(x, z[a]))}, for SEMI and ANTI joins whose
 * condition reads, of the projection's columns, only ones it passes through or renames: a semi or
 * anti join only keeps or drops its left input's rows, and a projection computes each row alone, so
 * the rows can be filtered before they are projected. The condition is rewritten in terms of
 * {@code x}. What it buys is the semi join meeting the operator below the projection: column pruning
 * puts a projection between a semi join and the inner join it could filter an input of
 * ({@link PushSemiJoinIntoJoinInput}), as in TPC-H Q2, where the parts of the outer query filter
 * partsupp before it meets supplier instead of after. Both forms stay in the memo and the cost
 * decides.
 *
 * <p>The result has the same columns in the same order: the projection's.
 */
public final class PushSemiJoinThroughProject implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalJoin.class, Pattern.of(LogicalProject.class), Pattern.any());

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public Kind kind() {
        return Kind.EXPLORATION;
    }

    @Override
    public List<LogicalPlan> apply(LogicalPlan binding, RuleContext context) {
        LogicalJoin semi = (LogicalJoin) binding.operator();
        if (!semi.type().filtersLeft()) {
            return List.of();
        }
        LogicalPlan projected = binding.input(0);
        LogicalProject project = (LogicalProject) projected.operator();
        Map<ColumnRef, Expr> sources = new HashMap<>();
        for (Assignment a : project.assignments()) {
            sources.put(a.output(), a.expression());
        }
        Set<ColumnRef> read = Exprs.columns(semi.condition());
        for (ColumnRef c : read) {
            Expr source = sources.get(c);
            if (source != null && !(source instanceof ColumnRef)) {
                return List.of(); // a computed column exists only above the projection
            }
        }
        Expr condition = Exprs.substitute(semi.condition(), sources);
        LogicalPlan filtered = LogicalPlan.of(new LogicalJoin(semi.type(), condition), List.of(projected.input(0), binding.input(1)));
        return List.of(LogicalPlan.of(project, filtered));
    }
}
