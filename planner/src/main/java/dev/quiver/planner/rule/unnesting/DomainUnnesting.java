package dev.quiver.planner.rule.unnesting;

import static dev.quiver.planner.rule.unnesting.Correlation.isCorrelated;
import static dev.quiver.planner.expr.Exprs.notDistinct;
import static dev.quiver.planner.rule.unnesting.Correlation.refersTo;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The general unnesting of Neumann and Kemper ("Unnesting Arbitrary Queries", BTW 2015, section
 * 3.2). For a dependent join of {@code L} and a subquery {@code R} correlated on columns {@code C}
 * of {@code L}, the domain {@code D} is the distinct values of {@code C} in {@code L}; {@code R} is
 * rewritten bottom-up into a plan that computes {@code R} for every value of {@code D} at once and
 * carries that value in extra columns ("pushing the dependent join down" until nothing below
 * depends on {@code L}, where it becomes a cross product with {@code D}); finally {@code L} joins the
 * result on {@code C} IS NOT DISTINCT FROM the domain columns. Every operator of {@code R} is thus
 * evaluated once per query, never per outer row.
 */
final class DomainUnnesting {
    /** A pushed-down plan and, for each correlated column, the column that now carries its value. */
    record Pushed(LogicalPlan plan, Map<ColumnRef, ColumnRef> domain) {
    }

    private final LogicalPlan outer;
    private final List<ColumnRef> correlated;
    private final Set<ColumnRef> correlatedSet;
    private final RuleContext context;

    DomainUnnesting(LogicalPlan outer, List<ColumnRef> correlated, RuleContext context) {
        this.outer = outer;
        this.correlated = List.copyOf(correlated);
        this.correlatedSet = new LinkedHashSet<>(correlated);
        this.context = context;
    }

    /** The dependent join of {@code outer} and {@code subquery} as ordinary joins. */
    LogicalPlan unnest(JoinType type, Expr condition, java.util.Optional<ColumnRef> mark, LogicalPlan subquery) {
        Pushed pushed = push(subquery);
        List<Expr> conjuncts = new ArrayList<>(Exprs.conjuncts(condition));
        for (ColumnRef c : correlated) {
            conjuncts.add(notDistinct(c, pushed.domain().get(c)));
        }
        return LogicalPlan.of(new LogicalJoin(type, Exprs.and(conjuncts), mark), List.of(outer, pushed.plan()));
    }

    /** A fresh copy of the domain: distinct correlated values of the outer plan, under new column ids. */
    private Pushed domain() {
        LogicalPlan distinct = LogicalPlan.of(new LogicalAggregate(correlated, List.of()), outer);
        Map<ColumnRef, ColumnRef> map = new LinkedHashMap<>();
        List<Assignment> assignments = new ArrayList<>();
        for (ColumnRef c : correlated) {
            ColumnRef d = context.columnIds().newColumn(c.name(), c.type());
            map.put(c, d);
            assignments.add(new Assignment(d, c));
        }
        return new Pushed(LogicalPlan.of(new LogicalProject(assignments), distinct), map);
    }

    private Pushed push(LogicalPlan plan) {
        if (!isCorrelated(plan, correlatedSet)) {
            Pushed d = domain();
            return new Pushed(LogicalPlan.of(new LogicalJoin(JoinType.INNER, Exprs.TRUE), List.of(plan, d.plan())), d.domain());
        }
        LogicalOperator op = plan.operator();
        if (op instanceof LogicalFilter filter) {
            Pushed child = push(plan.input(0));
            return new Pushed(LogicalPlan.of(new LogicalFilter(Exprs.substitute(filter.predicate(), child.domain())),
                    child.plan()), child.domain());
        }
        if (op instanceof LogicalProject project) {
            Pushed child = push(plan.input(0));
            List<Assignment> assignments = new ArrayList<>();
            for (Assignment a : project.assignments()) {
                assignments.add(new Assignment(a.output(), Exprs.substitute(a.expression(), child.domain())));
            }
            child.domain().values().forEach(d -> assignments.add(new Assignment(d, d)));
            return new Pushed(LogicalPlan.of(new LogicalProject(assignments), child.plan()), child.domain());
        }
        if (op instanceof LogicalSort) {
            return push(plan.input(0));
        }
        if (op instanceof LogicalAggregate aggregate) {
            return aggregate(aggregate, push(plan.input(0)));
        }
        if (op instanceof LogicalJoin join) {
            return join(join, plan.input(0), plan.input(1));
        }
        if (op instanceof LogicalUnionAll union) {
            return union(union, plan);
        }
        if (op instanceof LogicalLimit) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "LIMIT or OFFSET in a correlated subquery is not supported; rewrite it with an aggregate (MIN/MAX)");
        }
        throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "correlated subquery over " + op.describe()
                + " is not supported");
    }

    /**
     * Grouping also by the domain columns computes the aggregate per outer value. A scalar
     * aggregate must still produce one row per domain value even where no input row has it (COUNT
     * 0, others NULL): the domain is outer-joined with the grouped result, and COUNTs of the
     * missing groups become 0.
     */
    private Pushed aggregate(LogicalAggregate aggregate, Pushed child) {
        List<ColumnRef> keys = new ArrayList<>(aggregate.groupKeys());
        keys.addAll(child.domain().values());
        if (!aggregate.groupKeys().isEmpty()) {
            return new Pushed(LogicalPlan.of(new LogicalAggregate(keys, aggregate.aggregates()), child.plan()), child.domain());
        }
        List<AggregateAssignment> renamed = new ArrayList<>();
        for (AggregateAssignment a : aggregate.aggregates()) {
            renamed.add(new AggregateAssignment(context.columnIds().newColumn(a.output().name(), a.output().type()), a.call()));
        }
        LogicalPlan grouped = LogicalPlan.of(new LogicalAggregate(keys, renamed), child.plan());
        Pushed d = domain();
        List<Expr> on = new ArrayList<>();
        for (ColumnRef c : correlated) {
            on.add(notDistinct(d.domain().get(c), child.domain().get(c)));
        }
        LogicalPlan joined = LogicalPlan.of(new LogicalJoin(JoinType.LEFT, Exprs.and(on)), List.of(d.plan(), grouped));
        List<Assignment> assignments = new ArrayList<>();
        d.domain().values().forEach(c -> assignments.add(new Assignment(c, c)));
        for (int i = 0; i < renamed.size(); i++) {
            ColumnRef original = aggregate.aggregates().get(i).output();
            ColumnRef value = renamed.get(i).output();
            AggregateKind kind = renamed.get(i).call().kind();
            Expr e = kind == AggregateKind.COUNT || kind == AggregateKind.COUNT_STAR
                    ? new Call(Function.COALESCE, List.of(value, Literal.ofLong(0, original.type())), original.type())
                    : value;
            assignments.add(new Assignment(original, e));
        }
        return new Pushed(LogicalPlan.of(new LogicalProject(assignments), joined), d.domain());
    }

    private Pushed join(LogicalJoin join, LogicalPlan left, LogicalPlan right) {
        boolean leftCorrelated = isCorrelated(left, correlatedSet);
        boolean rightCorrelated = isCorrelated(right, correlatedSet);
        boolean conditionCorrelated = refersTo(join.condition(), correlatedSet);
        if (join.type() == JoinType.INNER && !conditionCorrelated && leftCorrelated != rightCorrelated) {
            // Only one side depends on the outer query: the other is joined as it is.
            if (leftCorrelated) {
                Pushed l = push(left);
                return new Pushed(LogicalPlan.of(join, List.of(l.plan(), right)), l.domain());
            }
            Pushed r = push(right);
            return new Pushed(LogicalPlan.of(join, List.of(left, r.plan())), r.domain());
        }
        if (join.type() == JoinType.RIGHT || join.type() == JoinType.FULL) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    join.type() + " JOIN inside a correlated subquery is not supported; use a LEFT JOIN");
        }
        // Both sides per domain value, matched on it; the left side's domain columns survive every join type.
        Pushed l = push(left);
        Pushed r = push(right);
        List<Expr> conjuncts = new ArrayList<>(Exprs.conjuncts(Exprs.substitute(join.condition(), l.domain())));
        for (ColumnRef c : correlated) {
            conjuncts.add(notDistinct(l.domain().get(c), r.domain().get(c)));
        }
        LogicalPlan plan = LogicalPlan.of(new LogicalJoin(join.type(), Exprs.and(conjuncts), join.mark()),
                List.of(l.plan(), r.plan()));
        return new Pushed(plan, l.domain());
    }

    private Pushed union(LogicalUnionAll union, LogicalPlan plan) {
        List<LogicalPlan> inputs = new ArrayList<>();
        List<List<ColumnRef>> inputColumns = new ArrayList<>();
        Map<ColumnRef, ColumnRef> map = new LinkedHashMap<>();
        for (ColumnRef c : correlated) {
            map.put(c, context.columnIds().newColumn(c.name(), c.type()));
        }
        for (int i = 0; i < plan.inputs().size(); i++) {
            Pushed p = push(plan.input(i));
            inputs.add(p.plan());
            List<ColumnRef> columns = new ArrayList<>(union.inputColumns().get(i));
            correlated.forEach(c -> columns.add(p.domain().get(c)));
            inputColumns.add(columns);
        }
        List<ColumnRef> columns = new ArrayList<>(union.columns());
        columns.addAll(map.values());
        return new Pushed(LogicalPlan.of(new LogicalUnionAll(columns, inputColumns), inputs), map);
    }
}
