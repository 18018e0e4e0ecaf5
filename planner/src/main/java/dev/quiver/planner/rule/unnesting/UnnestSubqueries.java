package dev.quiver.planner.rule.unnesting;

import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.FreeColumns;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalDependentJoin;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TreeRewriteRule;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites every {@link LogicalDependentJoin} the binder made for a subquery into ordinary joins
 * (Neumann and Kemper, "Unnesting Arbitrary Queries", BTW 2015), innermost first, so that a
 * subquery nested in a subquery is already a plain plan (with free references to the outer levels)
 * when its enclosing one is unnested.
 *
 * <p>An uncorrelated subquery becomes a join as it is. A correlated one first tries
 * {@link PredicatePullUp} (the correlation moves into the join condition); where that declines, the
 * general {@link DomainUnnesting} computes the subquery for the distinct outer values at once. Either
 * way nothing is evaluated per outer row.
 */
public final class UnnestSubqueries implements TreeRewriteRule {
    @Override
    public LogicalPlan rewrite(LogicalPlan root, RuleContext context) {
        return root.rewriteBottomUp(current -> current.operator() instanceof LogicalDependentJoin join
                ? decorrelate(join, current.input(0), current.input(1), context).projectedTo(current.outputColumns())
                : current);
    }

    private LogicalPlan decorrelate(LogicalDependentJoin join, LogicalPlan outer, LogicalPlan subquery, RuleContext context) {
        if (join.type() == JoinType.MARK && join.condition().equals(Exprs.TRUE)) {
            subquery = withoutRowLimits(subquery);
        }
        Set<ColumnRef> correlated = new LinkedHashSet<>(FreeColumns.of(subquery));
        correlated.retainAll(new LinkedHashSet<>(outer.outputColumns()));
        if (correlated.isEmpty()) {
            return join(join, outer, subquery, List.of());
        }
        Optional<PredicatePullUp.Pulled> pulled = new PredicatePullUp(correlated).pull(subquery, join.type() == JoinType.SINGLE);
        if (pulled.isPresent() && !Correlation.isCorrelated(pulled.get().plan(), correlated)) {
            Optional<LogicalPlan> simple = pulled.get().scalarAggregate().isEmpty()
                    ? Optional.of(join(join, outer, pulled.get().plan(), pulled.get().predicates()))
                    : scalarJoin(join, outer, subquery, pulled.get(), context);
            if (simple.isPresent()) {
                return simple.get();
            }
        }
        return new DomainUnnesting(outer, List.copyOf(correlated), context)
                .unnest(join.type(), join.condition(), join.mark(), subquery);
    }

    /**
     * An EXISTS subquery without the row limits that cannot change whether it has a row: a LIMIT of
     * at least one row with no OFFSET, under projections and sorts at its top.
     */
    private static LogicalPlan withoutRowLimits(LogicalPlan plan) {
        if (plan.operator() instanceof LogicalLimit limit && limit.offset() == 0
                && (limit.limit().isEmpty() || limit.limit().getAsLong() >= 1)) {
            return withoutRowLimits(plan.input(0));
        }
        if (plan.operator() instanceof LogicalProject || plan.operator() instanceof LogicalSort) {
            LogicalPlan input = withoutRowLimits(plan.input(0));
            return input == plan.input(0) ? plan : LogicalPlan.of(plan.operator(), input);
        }
        return plan;
    }

    private static LogicalPlan join(LogicalDependentJoin join, LogicalPlan outer, LogicalPlan subquery, List<Expr> predicates) {
        List<Expr> conjuncts = new ArrayList<>(Exprs.conjuncts(join.condition()));
        for (Expr p : predicates) {
            conjuncts.add(join.type() == JoinType.MARK ? Exprs.isTrue(p) : p);
        }
        return LogicalPlan.of(new LogicalJoin(join.type(), Exprs.and(conjuncts), join.mark()), List.of(outer, subquery));
    }

    /**
     * A scalar subquery over an aggregate that now groups by the correlation: an outer row whose
     * group is missing must see the subquery's value over empty input (NULL unless a COUNT is
     * involved). Where that value is a constant, the join supplies it through a "matched" flag;
     * otherwise this declines and the general rewrite keeps the domain.
     */
    private static Optional<LogicalPlan> scalarJoin(LogicalDependentJoin join, LogicalPlan outer, LogicalPlan original,
            PredicatePullUp.Pulled pulled, RuleContext context) {
        ColumnRef value = original.outputColumns().get(0);
        Optional<Expr> empty = valueOnEmptyInput(pulled.plan(), value, pulled.scalarAggregate().get());
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        Optional<Literal> constant = fold(empty.get(), context);
        if (constant.isEmpty()) {
            return Optional.empty();
        }
        if (constant.get().isNull()) {
            return Optional.of(join(join, outer, pulled.plan(), pulled.predicates()));
        }
        ColumnRef matched = context.columnIds().newColumn("matched", DataType.BOOLEAN);
        ColumnRef inner = context.columnIds().newColumn(value.name(), value.type());
        List<Assignment> flagged = new ArrayList<>();
        for (ColumnRef c : pulled.plan().outputColumns()) {
            flagged.add(c.equals(value) ? new Assignment(inner, c) : new Assignment(c, c));
        }
        flagged.add(new Assignment(matched, Exprs.TRUE));
        LogicalPlan subquery = LogicalPlan.of(new LogicalProject(flagged), pulled.plan());
        // The join's condition and predicates refer to the subquery's value by its original id.
        Map<ColumnRef, Expr> renamed = Map.of(value, inner);
        List<Expr> predicates = pulled.predicates().stream().map(p -> Exprs.substitute(p, renamed)).toList();
        LogicalDependentJoin renamedJoin = new LogicalDependentJoin(join.type(), Exprs.substitute(join.condition(), renamed),
                join.mark());
        LogicalPlan joined = join(renamedJoin, outer, subquery, predicates);
        List<Assignment> outputs = new ArrayList<>();
        for (ColumnRef c : outer.outputColumns()) {
            outputs.add(new Assignment(c, c));
        }
        Expr restored = new CaseWhen(List.of(new CaseWhen.WhenThen(
                new Call(Function.IS_NULL, List.of(matched), DataType.BOOLEAN), constant.get())), inner, value.type());
        outputs.add(new Assignment(value, restored));
        return Optional.of(LogicalPlan.of(new LogicalProject(outputs), joined));
    }

    /**
     * The expression {@code column} has when the aggregate sees no rows, in terms of constants;
     * empty if it depends on anything else (a grouping column, an outer column).
     */
    private static Optional<Expr> valueOnEmptyInput(LogicalPlan plan, ColumnRef column, LogicalPlan aggregatePlan) {
        if (plan == aggregatePlan) {
            LogicalAggregate aggregate = (LogicalAggregate) plan.operator();
            for (AggregateAssignment a : aggregate.aggregates()) {
                if (a.output().equals(column)) {
                    AggregateKind kind = a.call().kind();
                    return Optional.of(kind == AggregateKind.COUNT || kind == AggregateKind.COUNT_STAR
                            ? Literal.ofLong(0, column.type()) : Literal.nullOf(column.type()));
                }
            }
            return Optional.empty();
        }
        if (!(plan.operator() instanceof LogicalProject project)) {
            return Optional.empty();
        }
        for (Assignment a : project.assignments()) {
            if (a.output().equals(column)) {
                Map<ColumnRef, Expr> inputs = new HashMap<>();
                for (ColumnRef c : Exprs.columns(a.expression())) {
                    Optional<Expr> v = valueOnEmptyInput(plan.input(0), c, aggregatePlan);
                    if (v.isEmpty()) {
                        return Optional.empty();
                    }
                    inputs.put(c, v.get());
                }
                return Optional.of(Exprs.substitute(a.expression(), inputs));
            }
        }
        return Optional.empty();
    }

    /** Folds a constant expression: NULL through strict functions and casts here, the rest by the evaluator. */
    private static Optional<Literal> fold(Expr e, RuleContext context) {
        Expr simplified = Exprs.rewrite(e, x -> {
            boolean nullArgument = Exprs.children(x).stream().anyMatch(c -> c instanceof Literal l && l.isNull());
            boolean strict = (x instanceof Call c && c.function().isStrict()) || x instanceof Cast;
            return strict && nullArgument ? Literal.nullOf(x.type()) : x;
        });
        if (simplified instanceof Literal l) {
            return Optional.of(l);
        }
        return Exprs.isConstant(simplified) ? context.constants().evaluate(simplified) : Optional.empty();
    }
}
