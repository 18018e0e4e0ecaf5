package dev.quiver.planner.cost;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalDependentJoin;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates how many rows a logical operator produces from its inputs' estimates and the column
 * statistics of the base tables (filters: {@link FilterSelectivity}; aggregations: the product of
 * the group keys' distinct values, capped by the input).
 *
 * <p>Joins use the containment assumption (|A ⋈ B| = |A||B| / max(ndv(a), ndv(b)) for the most
 * selective equi-key, Selinger et al. 1979) with each key's distinct values bounded by the rows
 * above it and by its base table's distinct count (or row count, when the storage keeps none). A
 * key whose distinct count is unknown and whose table is the larger is taken for a foreign key into
 * the smaller table, as tables are joined on foreign keys far more often than not.
 */
public final class CardinalityEstimator {
    /** Fraction of rows a predicate conjunct keeps when nothing is known (System R's classic 1/3 guess is for ranges; we pick a middle ground). */
    static final double DEFAULT_CONJUNCT_SELECTIVITY = 0.5;
    /** Fraction of input rows that become groups when group-key NDV is unknown. */
    static final double DEFAULT_GROUP_RATIO = 0.1;
    /** Least fraction of its left input an anti join is assumed to keep: estimating zero rows would make any plan above look free. */
    static final double MIN_ANTI_JOIN_FRACTION = 0.1;

    public double estimate(LogicalOperator operator, List<LogicalProperties> inputs) {
        if (operator instanceof LogicalScan scan) {
            return scan.table().statistics().rowCount();
        }
        if (operator instanceof LogicalValues values) {
            return values.rows().size();
        }
        if (operator instanceof GroupRef) {
            throw new IllegalArgumentException("group references have the properties of their group");
        }
        if (operator instanceof LogicalUnionAll) {
            return inputs.stream().mapToDouble(LogicalProperties::rowCount).sum();
        }
        if (operator instanceof LogicalJoin join) {
            return joinRows(join.type(), join.condition(), inputs.get(0), inputs.get(1));
        }
        double input = inputs.get(0).rowCount();
        if (operator instanceof LogicalDependentJoin) {
            return input;
        }
        if (operator instanceof LogicalFilter filter) {
            return input * FilterSelectivity.of(filter.predicate(), inputs.get(0));
        }
        if (operator instanceof LogicalAggregate aggregate) {
            return groups(aggregate, inputs.get(0));
        }
        if (operator instanceof LogicalLimit limit) {
            double afterOffset = Math.max(0, input - limit.offset());
            return limit.limit().isPresent() ? Math.min(afterOffset, limit.limit().getAsLong()) : afterOffset;
        }
        if (operator instanceof LogicalProject || operator instanceof LogicalSort) {
            return input;
        }
        throw new IllegalArgumentException("no estimate for " + operator.describe());
    }

    /** The row estimate together with where each output column comes from. */
    public LogicalProperties derive(LogicalOperator operator, List<ColumnRef> outputs, List<LogicalProperties> inputs) {
        double rows = estimate(operator, inputs);
        Map<ColumnRef, ColumnOrigin> origin = new HashMap<>();
        if (operator instanceof LogicalScan scan) {
            for (int i = 0; i < scan.columns().size(); i++) {
                origin.put(scan.columns().get(i), new ColumnOrigin(scan.table(), scan.ordinals().get(i)));
            }
        } else if (operator instanceof LogicalProject project) {
            Map<ColumnRef, ColumnOrigin> below = inputs.get(0).origins();
            for (Assignment a : project.assignments()) {
                if (a.expression() instanceof ColumnRef c && below.containsKey(c)) {
                    origin.put(a.output(), below.get(c));
                }
            }
        } else if (!(operator instanceof LogicalUnionAll)) {
            // A set, not the list: wide operators (thousands of columns) would make this quadratic.
            Set<ColumnRef> outputSet = new HashSet<>(outputs);
            for (LogicalProperties input : inputs) {
                for (Map.Entry<ColumnRef, ColumnOrigin> e : input.origins().entrySet()) {
                    if (outputSet.contains(e.getKey())) {
                        origin.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return new LogicalProperties(outputs, rows, origin);
    }

    /**
     * Groups of an aggregation: the product of its keys' distinct values (a key computed above the
     * scans counts as {@link #DEFAULT_GROUP_RATIO} of the rows), at most one per input row.
     */
    private static double groups(LogicalAggregate aggregate, LogicalProperties input) {
        if (aggregate.groupKeys().isEmpty()) {
            return 1;
        }
        double groups = 1;
        for (ColumnRef key : aggregate.groupKeys()) {
            groups *= input.origins().containsKey(key) ? input.distinctValues(key) : Math.max(1, input.rowCount() * DEFAULT_GROUP_RATIO);
            if (groups >= input.rowCount()) {
                break;
            }
        }
        return Math.max(1, Math.min(input.rowCount(), groups));
    }

    private static double joinRows(JoinType type, Expr condition, LogicalProperties left, LogicalProperties right) {
        double keySelectivity = 1;
        double otherSelectivity = 1;
        for (Expr conjunct : Exprs.conjuncts(condition)) {
            double s = equiKeySelectivity(conjunct, left, right);
            if (s >= 0) {
                keySelectivity = Math.min(keySelectivity, s);
            } else if (conjunct instanceof Literal) {
                otherSelectivity = 0; // FALSE or NULL: nothing matches
            } else if (!Exprs.columns(conjunct).isEmpty()) {
                otherSelectivity *= DEFAULT_CONJUNCT_SELECTIVITY;
            }
        }
        double l = left.rowCount();
        double r = right.rowCount();
        double inner = l * r * keySelectivity * otherSelectivity;
        return switch (type) {
            case INNER -> inner;
            case LEFT -> Math.max(l, inner);
            case RIGHT -> Math.max(r, inner);
            case FULL -> Math.max(Math.max(l, r), inner);
            case SEMI -> Math.min(l, inner);
            case ANTI -> Math.max(l - Math.min(l, inner), l * MIN_ANTI_JOIN_FRACTION);
            case MARK, SINGLE -> l;
        };
    }

    /** 1 / max(ndv) for a column-to-column equality across the sides, or -1 for any other conjunct. */
    private static double equiKeySelectivity(Expr conjunct, LogicalProperties left, LogicalProperties right) {
        if (!(conjunct instanceof Call c)
                || (c.function() != Function.EQUAL && c.function() != Function.IS_NOT_DISTINCT_FROM)
                || !(c.argument(0) instanceof ColumnRef x) || !(c.argument(1) instanceof ColumnRef y)) {
            return -1;
        }
        ColumnRef a;
        ColumnRef b;
        if (left.outputColumns().contains(x) && right.outputColumns().contains(y)) {
            a = x;
            b = y;
        } else if (left.outputColumns().contains(y) && right.outputColumns().contains(x)) {
            a = y;
            b = x;
        } else {
            return -1;
        }
        double ndvA = left.distinctValues(a);
        double ndvB = right.distinctValues(b);
        // Without a known distinct count, a key of the larger table is taken to be a foreign key
        // into the smaller one, so it has at most as many distinct values as that table has rows.
        Optional<ColumnOrigin> originA = Optional.ofNullable(left.origins().get(a));
        Optional<ColumnOrigin> originB = Optional.ofNullable(right.origins().get(b));
        double rowsA = originA.map(ColumnOrigin::tableRows).orElse(left.rowCount());
        double rowsB = originB.map(ColumnOrigin::tableRows).orElse(right.rowCount());
        if (rowsA > rowsB && originA.map(o -> o.distinct().isEmpty()).orElse(true)) {
            ndvA = Math.min(ndvA, rowsB);
        } else if (rowsB > rowsA && originB.map(o -> o.distinct().isEmpty()).orElse(true)) {
            ndvB = Math.min(ndvB, rowsA);
        }
        return 1 / Math.max(1, Math.max(ndvA, ndvB));
    }
}
