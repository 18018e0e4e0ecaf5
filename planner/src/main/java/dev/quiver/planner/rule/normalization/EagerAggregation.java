package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TreeRewriteRule;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>Over a region of inner joins the sides are chosen from its inputs, not from the tree join
 * ordering left: the outer side is the inputs holding the group keys and every input joined to them
 * but not to the aggregated inputs; the inner side is the inputs the aggregates read and those
 * joined to them without passing through the outer side. Each side is joined on its own
 * ({@link ReorderJoins}) and the two are joined on the equalities between them. TPC-H Q10 (revenue
 * per customer, grouped by seven customer and nation columns) then sums lineitem joined with orders
 * per customer key, and joins the 38,000 sums with the customers' strings instead of carrying those
 * strings through the join with 115,000 lineitems and grouping by them.
 *
 * <p>Why it is the same result: the join condition reads only the inner side's join keys, so every
 * inner row with the same keys matches the same outer rows, and a partial result stands for all of
 * them. An outer row meets one partial per matching key where it met each of its rows before, and
 * COUNT and SUM add up over the partials (COUNT's partial counts are summed), MIN and MAX take the
 * extreme of the extremes. Inner rows with a NULL join key match nothing either way. Outer rows a
 * LEFT join keeps without a match carry a NULL partial, which SUM, MIN and MAX skip as they skipped
 * the NULL-extended row; a COUNT over only such rows is NULL when summed and is made 0 again. An
 * aggregate's argument computed above an inner join from inner columns only is computed below it;
 * under a LEFT join the arguments must be inner columns, since an expression such as a constant
 * has a value on the NULL-extended row that a NULL partial does not carry.
 *
 * <p>Not rewritten: global aggregates (without group keys the aggregate above the join costs no hash
 * lookup, so there is nothing to save), DISTINCT aggregates and AVG (not combined this way here), COUNT(*) under a
 * LEFT join (a NULL-extended row counts as one), join conditions other than equalities between the
 * two sides, approximate-number join keys (grouping and comparing them differ on -0.0), sides
 * that would need a cross product, and plans where it would not pay: the join must keep at least
 * {@link #MIN_ROWS_KEPT_BY_JOIN} of the inner rows (a join that drops most of them is the cheaper
 * filter to run first, as in TPC-H Q3 and Q18), and the hash work estimated after the rewrite
 * (grouping the inner rows by the join keys, then probing with the partials and grouping them by
 * the outer keys) must be at most {@link #MAX_WORK_RATIO} of the work before it (probing with the
 * inner rows, grouping the joined rows by the outer keys), counting one unit per row and
 * fixed-width key and {@link #STRING_KEY_COST} per row and string key.
 */
public final class EagerAggregation implements TreeRewriteRule {
    /** The join must keep half the inner rows at least, or aggregating all of them before it costs more than it saves. */
    static final double MIN_ROWS_KEPT_BY_JOIN = 0.5;
    /** A string key costs about two fixed-width keys to hash and compare: its length and its bytes elsewhere in memory. */
    static final double STRING_KEY_COST = 2.0;
    /** The rewrite must save a fifth of the estimated hash work, so that estimation errors rarely make it a loss. */
    static final double MAX_WORK_RATIO = 0.8;

    private final CardinalityEstimator estimator;
    private final ReorderJoins reorderJoins;

    public EagerAggregation() {
        this(new CardinalityEstimator());
    }

    public EagerAggregation(CardinalityEstimator estimator) {
        this.estimator = estimator;
        this.reorderJoins = new ReorderJoins(estimator);
    }

    @Override
    public LogicalPlan rewrite(LogicalPlan root, RuleContext context) {
        return root.rewriteBottomUp(node -> node.operator() instanceof LogicalAggregate aggregate
                ? eager(aggregate, node.input(0), context).orElse(node)
                : node);
    }

    private Optional<LogicalPlan> eager(LogicalAggregate aggregate, LogicalPlan input, RuleContext context) {
        if (aggregate.aggregates().isEmpty() || aggregate.groupKeys().isEmpty()) {
            return Optional.empty();
        }
        // What each column the aggregate reads is over the join's outputs, through the projections between them.
        ProjectedInput projected = ProjectedInput.of(input);
        Map<ColumnRef, Expr> definitions = projected.definitions();
        LogicalPlan joinPlan = projected.base();
        if (!(joinPlan.operator() instanceof LogicalJoin join)) {
            return Optional.empty();
        }
        for (ColumnRef key : aggregate.groupKeys()) {
            if (!key.equals(definitions.get(key))) {
                return Optional.empty();
            }
        }
        if (join.type() == JoinType.LEFT) {
            return eager(aggregate, definitions, new JoinRegionSides(joinPlan.input(0), joinPlan.input(1), join.condition()), joinPlan, context);
        }
        if (join.type() != JoinType.INNER) {
            return Optional.empty();
        }
        Set<ColumnRef> argumentColumns = new HashSet<>();
        for (AggregateAssignment assignment : aggregate.aggregates()) {
            for (ColumnRef argument : assignment.call().arguments()) {
                argumentColumns.addAll(Exprs.columns(definitions.get(argument)));
            }
        }
        LogicalPlan region = joinPlan;
        return JoinRegionSides.split(region, Set.copyOf(aggregate.groupKeys()), argumentColumns, reorderJoins, context)
                .flatMap(sides -> eager(aggregate, definitions, sides, region, context));
    }

    /** The rewrite joining {@code sides}, if its condition and aggregates allow it and it pays. */
    private Optional<LogicalPlan> eager(LogicalAggregate aggregate, Map<ColumnRef, Expr> definitions, JoinRegionSides sides,
            LogicalPlan joinPlan, RuleContext context) {
        JoinType type = ((LogicalJoin) joinPlan.operator()).type();
        LogicalPlan outerPlan = sides.outer();
        LogicalPlan innerPlan = sides.inner();
        Set<ColumnRef> outerColumns = new HashSet<>(outerPlan.outputColumns());
        Set<ColumnRef> innerColumns = new HashSet<>(innerPlan.outputColumns());
        if (!outerColumns.containsAll(aggregate.groupKeys())) {
            return Optional.empty();
        }
        Set<ColumnRef> innerKeys = new LinkedHashSet<>();
        for (Expr term : Exprs.conjuncts(sides.condition())) {
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
        // Arguments computed above the join, computed below it instead.
        List<Assignment> computed = new ArrayList<>();
        // Outputs of the final aggregate that are a COUNT summed from partials: NULL there means 0.
        Map<ColumnRef, ColumnRef> countOutputs = new HashMap<>();
        for (AggregateAssignment assignment : aggregate.aggregates()) {
            AggregateCall call = assignment.call();
            if (!PartialAggregates.combinable(call) || (call.kind() == AggregateKind.COUNT_STAR && type == JoinType.LEFT)) {
                return Optional.empty();
            }
            List<ColumnRef> arguments = new ArrayList<>();
            for (ColumnRef argument : call.arguments()) {
                Expr definition = definitions.get(argument);
                if (definition == null || !innerColumns.containsAll(Exprs.columns(definition))) {
                    return Optional.empty();
                }
                // A LEFT join's NULL-extended row gives an expression its value over NULL inner
                // columns (a constant, COALESCE), which a NULL partial would lose: columns only.
                if (type == JoinType.LEFT && !(definition instanceof ColumnRef)) {
                    return Optional.empty();
                }
                if (definition instanceof ColumnRef column) {
                    arguments.add(column);
                } else {
                    computed.add(new Assignment(argument, definition));
                    arguments.add(argument);
                }
            }
            ColumnRef partial = context.columnIds().newColumn(call.kind().sqlName(), call.type());
            partials.add(new AggregateAssignment(partial, new AggregateCall(call.kind(), arguments, false, call.type(), call.position())));
            ColumnRef output = assignment.output();
            if (PartialAggregates.isCount(call)) {
                output = context.columnIds().newColumn("sum", call.type());
                countOutputs.put(assignment.output(), output);
            }
            finals.add(new AggregateAssignment(output, PartialAggregates.combining(call, partial)));
        }
        LogicalPlan partialInput = innerPlan;
        if (!computed.isEmpty()) {
            List<Assignment> passes = new ArrayList<>();
            innerPlan.outputColumns().forEach(c -> passes.add(new Assignment(c, c)));
            passes.addAll(computed);
            partialInput = LogicalPlan.of(new LogicalProject(passes), innerPlan);
        }
        LogicalPlan partialPlan = LogicalPlan.of(new LogicalAggregate(List.copyOf(innerKeys), partials), partialInput);
        if (!pays(aggregate.groupKeys(), innerKeys, innerPlan, partialPlan, joinPlan)) {
            return Optional.empty();
        }
        LogicalPlan newJoin = LogicalPlan.of(new LogicalJoin(type, sides.condition()), List.of(outerPlan, partialPlan));
        LogicalPlan combined = LogicalPlan.of(new LogicalAggregate(aggregate.groupKeys(), finals), newJoin);
        if (countOutputs.isEmpty()) {
            return Optional.of(combined);
        }
        List<Assignment> outputs = new ArrayList<>();
        aggregate.groupKeys().forEach(k -> outputs.add(new Assignment(k, k)));
        for (AggregateAssignment assignment : aggregate.aggregates()) {
            ColumnRef out = assignment.output();
            outputs.add(new Assignment(out, PartialAggregates.finished(assignment.call(), countOutputs.getOrDefault(out, out))));
        }
        return Optional.of(LogicalPlan.of(new LogicalProject(outputs), combined));
    }

    /** Whether the estimates say the rewrite does less hash work than the plan it replaces (see the class comment). */
    private boolean pays(List<ColumnRef> groupKeys, Set<ColumnRef> innerKeys, LogicalPlan innerPlan, LogicalPlan partialPlan,
            LogicalPlan joinPlan) {
        LogicalProperties inner = estimator.derive(innerPlan);
        double innerRows = inner.rowCount();
        double groups = partialGroups(innerKeys, inner, estimator.derive(partialPlan).rowCount());
        double joinRows = estimator.derive(joinPlan).rowCount();
        double outerWidth = width(groupKeys);
        double innerWidth = width(innerKeys);
        double before = innerRows * innerWidth + joinRows * outerWidth;
        double after = innerRows * innerWidth + groups * (innerWidth + outerWidth);
        return joinRows >= MIN_ROWS_KEPT_BY_JOIN * innerRows && after <= MAX_WORK_RATIO * before;
    }

    /**
     * The partials' groups: for one join key whose values no predicate chose, the distinct values
     * the inner rows draw from its base column ({@link CardinalityEstimator#distinctInSample}), as
     * TPC-H Q10's 115,000 lineitems of 57,000 orders meet 38,000 of 150,000 customers; otherwise
     * the estimator's bound.
     */
    private static double partialGroups(Set<ColumnRef> innerKeys, LogicalProperties inner, double bound) {
        if (innerKeys.size() != 1) {
            return bound;
        }
        ColumnOrigin origin = inner.origins().get(innerKeys.iterator().next());
        return origin == null || origin.restricted() ? bound
                : Math.min(bound, CardinalityEstimator.distinctInSample(origin.distinctBound(), inner.rowCount()));
    }

    private static double width(Collection<ColumnRef> keys) {
        return keys.stream().mapToDouble(k -> k.type().isString() ? STRING_KEY_COST : 1).sum();
    }
}
