package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Filter(mark AND rest, MarkJoin(l, r)) → Filter(rest, SemiJoin(l, r))}: where only rows
 * whose mark is TRUE survive, the mark's NULL/FALSE distinction is moot and a semi join suffices
 * (Neumann and Kemper, BTW 2015, section 4: EXISTS and IN in a WHERE conjunct). {@code NOT mark}
 * keeps the rows whose mark is FALSE: an anti join, but only if the condition can never be NULL
 * (NOT IN over a NULL stays a mark join). The mark column, which nothing else needs, is kept as a
 * constant so the output columns do not change.
 */
public final class MarkJoinToSemiJoin implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalFilter.class, Pattern.of(LogicalJoin.class));

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
        LogicalFilter filter = (LogicalFilter) binding.operator();
        LogicalPlan joinPlan = binding.input(0);
        LogicalJoin join = (LogicalJoin) joinPlan.operator();
        if (join.type() != JoinType.MARK) {
            return List.of();
        }
        ColumnRef mark = join.mark().orElseThrow();
        List<Expr> conjuncts = new ArrayList<>(Exprs.conjuncts(filter.predicate()));
        for (int i = 0; i < conjuncts.size(); i++) {
            Expr c = conjuncts.get(i);
            JoinType type;
            if (c.equals(mark)) {
                type = JoinType.SEMI;
            } else if (c instanceof Call call && call.function() == Function.NOT && call.argument(0).equals(mark)
                    && Exprs.neverNull(join.condition())) {
                type = JoinType.ANTI;
            } else {
                continue;
            }
            conjuncts.remove(i);
            Literal value = Literal.ofBoolean(type == JoinType.SEMI);
            // Only TRUE conditions count for semi and anti joins: "p IS TRUE" is just p there.
            Expr condition = Exprs.and(Exprs.conjuncts(join.condition()).stream().map(Exprs::withoutIsTrue).toList());
            LogicalPlan plan = LogicalPlan.of(new LogicalJoin(type, condition), joinPlan.inputs());
            List<Expr> rest = conjuncts.stream().map(e -> Exprs.substitute(e, Map.of(mark, value))).toList();
            if (!rest.isEmpty()) {
                plan = LogicalPlan.of(new LogicalFilter(Exprs.and(rest)), plan);
            }
            List<Assignment> outputs = new ArrayList<>();
            for (ColumnRef column : joinPlan.input(0).outputColumns()) {
                outputs.add(new Assignment(column, column));
            }
            outputs.add(new Assignment(mark, value));
            return List.of(LogicalPlan.of(new LogicalProject(outputs), plan));
        }
        return List.of();
    }
}
