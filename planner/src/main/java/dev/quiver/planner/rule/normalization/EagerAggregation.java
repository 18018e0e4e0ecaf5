package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TreeRewriteRule;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Eager aggregation (Yan and Larson, "Eager Aggregation and Lazy Aggregation", VLDB 1995): an
 * aggregate over an equi-join whose group keys all come from one input (the outer side) and whose
 * aggregates read only the other (the inner side) first groups the inner side by its join keys into
 * partial results, joins those, and combines the partials per group above the join. TPC-H Q13
 * (customers LEFT JOIN orders, counting orders per customer) then counts orders per customer key
 * once, in one hash table, instead of probing the customers for each of 1.5 million orders and
 * looking up the customer's group again.
 *
 * <p>Why it is the same result: the join condition reads only the inner side's join keys, so every
 * inner row with the same keys matches the same outer rows, and a partial result stands for all of
 * them. An outer row meets one partial per matching key where it met each of its rows before, and
 * COUNT and SUM add up over the partials (COUNT's partial counts are summed), MIN and MAX take the
 * extreme of the extremes. Inner rows with a NULL join key match nothing either way. Outer rows a
 * LEFT join keeps without a match carry a NULL partial, which SUM, MIN and MAX skip as they skipped
 * the NULL-extended row; a COUNT over only such rows is NULL when summed and is made 0 again.
 *
 * <p>Not rewritten: global aggregates (without group keys the aggregate above the join costs no hash
 * lookup, so there is nothing to save), DISTINCT aggregates and AVG (not combined this way here), COUNT(*) under a
 * LEFT join (a NULL-extended row counts as one), join conditions other than equalities between the
 * two inputs, approximate-number join keys (grouping and comparing them differ on -0.0), and plans
 * where it would not pay: the partials must shrink the inner side to {@link #MAX_GROUPS_PER_ROW}
 * of its rows, and the join must keep at least {@link #MIN_ROWS_KEPT_BY_JOIN} of the inner rows
 * (a join that drops most of them is the cheaper filter to run first, as in TPC-H Q3 and Q10).
 */
public final class EagerAggregation implements TreeRewriteRule {
    /** The partials must cut the inner side to a quarter at least: each inner row still costs a hash lookup. */
    static final double MAX_GROUPS_PER_ROW = 0.25;
    /** The join must keep half the inner rows at least, or aggregating all of them before it costs more than it saves. */
    static final double MIN_ROWS_KEPT_BY_JOIN = 0.5;

    private final CardinalityEstimator estimator;

    public EagerAggregation() {
        this(new CardinalityEstimator());
    }

    public EagerAggregation(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public LogicalPlan rewrite(LogicalPlan root, RuleContext context) {
        return root.rewriteBottomUp(node -> node.operator() instanceof LogicalAggregate aggregate
                ? eager(aggregate, node.input(0), context).orElse(node)
                : node);
    }

    private Optional<LogicalPlan> eager(LogicalAggregate aggregate, LogicalPlan input, RuleContext context) {
        // The aggregate may read the join through a projection that only passes columns on.
        Map<ColumnRef, ColumnRef> source = new HashMap<>();
        LogicalPlan joinPlan = input;
        if (input.operator() instanceof LogicalProject project) {
            for (Assignment a : project.assignments()) {
                if (a.expression() instanceof ColumnRef c) {
                    source.put(a.output(), c);
                }
            }
            joinPlan = input.input(0);
        } else {
            input.outputColumns().forEach(c -> source.put(c, c));
        }
        if (!(joinPlan.operator() instanceof LogicalJoin join) || aggregate.aggregates().isEmpty() || aggregate.groupKeys().isEmpty()
                || (join.type() != JoinType.INNER && join.type() != JoinType.LEFT)) {
            return Optional.empty();
        }
        for (ColumnRef key : aggregate.groupKeys()) {
            if (!key.equals(source.get(key))) {
                return Optional.empty();
            }
        }
        for (int outer = 0; outer < 2; outer++) {
            if (join.type() == JoinType.LEFT && outer == 1) {
                break;
            }
            Optional<LogicalPlan> rewritten = eager(aggregate, source, join, joinPlan, outer, context);
            if (rewritten.isPresent()) {
                return rewritten;
            }
        }
        return Optional.empty();
    }

    /** The rewrite with input {@code outer} of the join as the side the group keys come from, if it applies and pays. */
    private Optional<LogicalPlan> eager(LogicalAggregate aggregate, Map<ColumnRef, ColumnRef> source, LogicalJoin join,
            LogicalPlan joinPlan, int outer, RuleContext context) {
        LogicalPlan outerPlan = joinPlan.input(outer);
        LogicalPlan innerPlan = joinPlan.input(1 - outer);
        Set<ColumnRef> outerColumns = new HashSet<>(outerPlan.outputColumns());
        Set<ColumnRef> innerColumns = new HashSet<>(innerPlan.outputColumns());
        if (!outerColumns.containsAll(aggregate.groupKeys())) {
            return Optional.empty();
        }
        Set<ColumnRef> innerKeys = new LinkedHashSet<>();
        for (Expr term : Exprs.conjuncts(join.condition())) {
            if (!(term instanceof Call call && call.function() == Function.EQUAL
                    && call.argument(0) instanceof ColumnRef a && call.argument(1) instanceof ColumnRef b)) {
                return Optional.empty();
            }
            ColumnRef innerKey = innerColumns.contains(a) && outerColumns.contains(b) ? a
                    : innerColumns.contains(b) && outerColumns.contains(a) ? b : null;
            if (innerKey == null || innerKey.type().isApproximateNumeric()) {
                return Optional.empty();
            }
            innerKeys.add(innerKey);
        }
        if (innerKeys.isEmpty()) {
            return Optional.empty();
        }
        List<AggregateAssignment> partials = new ArrayList<>();
        List<AggregateAssignment> finals = new ArrayList<>();
        // Outputs of the final aggregate that are a COUNT summed from partials: NULL there means 0.
        Map<ColumnRef, ColumnRef> countOutputs = new HashMap<>();
        for (AggregateAssignment assignment : aggregate.aggregates()) {
            AggregateCall call = assignment.call();
            if (call.distinct() || call.kind() == AggregateKind.AVG
                    || (call.kind() == AggregateKind.COUNT_STAR && join.type() == JoinType.LEFT)) {
                return Optional.empty();
            }
            List<ColumnRef> arguments = new ArrayList<>();
            for (ColumnRef argument : call.arguments()) {
                ColumnRef column = source.get(argument);
                if (column == null || !innerColumns.contains(column)) {
                    return Optional.empty();
                }
                arguments.add(column);
            }
            ColumnRef partial = context.columnIds().newColumn(call.kind().sqlName(), call.type());
            partials.add(new AggregateAssignment(partial, new AggregateCall(call.kind(), arguments, false, call.type(), call.position())));
            boolean count = call.kind() == AggregateKind.COUNT || call.kind() == AggregateKind.COUNT_STAR;
            AggregateKind combine = count ? AggregateKind.SUM : call.kind();
            ColumnRef output = assignment.output();
            if (count) {
                output = context.columnIds().newColumn("sum", call.type());
                countOutputs.put(assignment.output(), output);
            }
            finals.add(new AggregateAssignment(output, new AggregateCall(combine, List.of(partial), false, call.type(), call.position())));
        }
        LogicalPlan partialPlan = LogicalPlan.of(new LogicalAggregate(List.copyOf(innerKeys), partials), innerPlan);
        double innerRows = estimator.derive(innerPlan).rowCount();
        double groups = estimator.derive(partialPlan).rowCount();
        double joinRows = estimator.derive(joinPlan).rowCount();
        if (!(groups <= MAX_GROUPS_PER_ROW * innerRows && joinRows >= MIN_ROWS_KEPT_BY_JOIN * innerRows)) {
            return Optional.empty();
        }
        List<LogicalPlan> joinInputs = new ArrayList<>(List.of(outerPlan, outerPlan));
        joinInputs.set(1 - outer, partialPlan);
        LogicalPlan newJoin = LogicalPlan.of(join, joinInputs);
        LogicalPlan combined = LogicalPlan.of(new LogicalAggregate(aggregate.groupKeys(), finals), newJoin);
        if (countOutputs.isEmpty()) {
            return Optional.of(combined);
        }
        List<Assignment> outputs = new ArrayList<>();
        aggregate.groupKeys().forEach(k -> outputs.add(new Assignment(k, k)));
        for (AggregateAssignment assignment : aggregate.aggregates()) {
            ColumnRef out = assignment.output();
            ColumnRef summed = countOutputs.get(out);
            Expr value = summed == null ? out
                    : new Call(Function.COALESCE, List.of(summed, Literal.ofLong(0, DataType.BIGINT)), DataType.BIGINT);
            outputs.add(new Assignment(out, value));
        }
        return Optional.of(LogicalPlan.of(new LogicalProject(outputs), combined));
    }
}
