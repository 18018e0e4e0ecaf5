package dev.quiver.planner.cost;

import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.expr.AggregateCall;
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
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Estimates how many rows a logical operator produces from its inputs' estimates and the column
 * statistics of the base tables (filters: {@link FilterSelectivity}; aggregations: the product of
 * the group keys' distinct values, capped by the input).
 *
 * <p>Joins use the containment assumption (|A ⋈ B| = |A||B| / max(ndv(a), ndv(b)), Selinger et al.
 * 1979) over the composite of all equi-keys, whose distinct values on a side are the product of its
 * columns', bounded by the side's rows; each column's distinct values are bounded by the rows above
 * it and by its base table's distinct count (or row count, when the storage keeps none). A
 * key whose distinct count is unknown and whose table is the larger is taken for a foreign key into
 * the smaller table, as tables are joined on foreign keys far more often than not; so is a composite
 * key of one table joined to a side whose columns all come from smaller tables, whose key tuples are
 * then at most as many as the largest of those tables has rows.
 *
 * <p>A join on one key of two table columns uses base containment instead (the assumption SQL
 * Server's cardinality estimator adopted in 2014): the keys are contained at the level of the base
 * tables, so |A ⋈ B| = |A||B| / max(ndv_base(a), ndv_base(b)), filters on either side being taken
 * as independent of the key. Containment of the filtered sides' keys would let the rows of one side
 * find a match in a third of the other (TPC-H Q21's lineitem rows in the orders whose status is
 * 'F') every time, and overestimate the join threefold.
 */
public final class CardinalityEstimator {
    /** Fraction of rows a predicate conjunct keeps when nothing is known (System R's classic 1/3 guess is for ranges; we pick a middle ground). */
    static final double DEFAULT_CONJUNCT_SELECTIVITY = 0.5;
    /** Fraction of input rows that become groups when group-key NDV is unknown. */
    static final double DEFAULT_GROUP_RATIO = 0.1;
    /** Least fraction of its left input an anti join is assumed to keep: estimating zero rows would make any plan above look free. */
    static final double MIN_ANTI_JOIN_FRACTION = 0.1;
    /** Least estimate of a filter or join over non-empty inputs (PostgreSQL clamps its estimates the same way). */
    static final double MIN_ROWS = 1;

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
            return atLeastOneRow(joinRows(join.type(), join.condition(), inputs.get(0), inputs.get(1)),
                    Math.min(inputs.get(0).rowCount(), inputs.get(1).rowCount()));
        }
        double input = inputs.get(0).rowCount();
        if (operator instanceof LogicalDependentJoin) {
            return input;
        }
        if (operator instanceof LogicalFilter filter) {
            return atLeastOneRow(input * FilterSelectivity.of(filter.predicate(), inputs.get(0)), input);
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

    /**
     * An estimate of at least {@link #MIN_ROWS} unless an input is empty: a predicate estimated to
     * keep nothing almost always keeps something, and a zero would make everything above it look free.
     */
    private static double atLeastOneRow(double estimate, double smallestInput) {
        return smallestInput < MIN_ROWS ? estimate : Math.max(MIN_ROWS, estimate);
    }

    /** The row estimate together with where each output column comes from and the distinct bounds of computed ones. */
    public LogicalProperties derive(LogicalOperator operator, List<ColumnRef> outputs, List<LogicalProperties> inputs) {
        double rows = estimate(operator, inputs);
        Map<ColumnRef, ColumnOrigin> origin = new HashMap<>();
        Map<ColumnRef, ColumnStatistics> computed = new HashMap<>();
        if (operator instanceof LogicalScan scan) {
            for (int i = 0; i < scan.columns().size(); i++) {
                origin.put(scan.columns().get(i), new ColumnOrigin(scan.table(), scan.ordinals().get(i)));
            }
        } else if (operator instanceof LogicalProject project) {
            LogicalProperties input = inputs.get(0);
            for (Assignment a : project.assignments()) {
                if (a.expression() instanceof ColumnRef c) {
                    if (input.origins().containsKey(c)) {
                        origin.put(a.output(), input.origins().get(c));
                    } else if (input.computed().containsKey(c)) {
                        computed.put(a.output(), input.computed().get(c));
                    }
                } else {
                    computedDistinct(a.expression(), input).ifPresent(d -> computed.put(a.output(), LogicalProperties.distinctBound(d)));
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
                for (Map.Entry<ColumnRef, ColumnStatistics> e : input.computed().entrySet()) {
                    if (outputSet.contains(e.getKey())) {
                        computed.put(e.getKey(), e.getValue());
                    }
                }
            }
            restrictedBy(operator).forEach(c -> origin.computeIfPresent(c, (k, o) -> o.restrict()));
            if (operator instanceof LogicalAggregate aggregate) {
                for (AggregateAssignment a : aggregate.aggregates()) {
                    resultRange(a.call(), inputs.get(0), rows).ifPresent(r -> computed.put(a.output(), r));
                }
            }
        }
        return new LogicalProperties(outputs, rows, origin, computed);
    }

    /**
     * The columns whose values an operator chooses by a predicate on them: those a filter reads, and
     * the keys of a join that keeps only rows with (or without) a match.
     */
    private static Set<ColumnRef> restrictedBy(LogicalOperator operator) {
        if (operator instanceof LogicalFilter filter) {
            return Exprs.columns(filter.predicate());
        }
        if (operator instanceof LogicalJoin join) {
            return switch (join.type()) {
                case INNER, SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI -> Exprs.columns(join.condition());
                case LEFT, RIGHT, FULL, MARK, SINGLE -> Set.of();
            };
        }
        return Set.of();
    }

    /** The properties of a whole plan tree (no group references), derived bottom-up. */
    public LogicalProperties derive(LogicalPlan plan) {
        List<LogicalProperties> inputs = plan.inputs().stream().map(this::derive).toList();
        return derive((LogicalOperator) plan.operator(), plan.outputColumns(), inputs);
    }

    /**
     * The range of an aggregate's results over groups of {@code groups} (its output rows): MIN,
     * MAX and AVG stay within their argument's range; a SUM over groups of the average size n is
     * taken to lie between the argument's bounds and n times them (as if no group were larger than
     * the average, which misses only the tail of uneven ones). Empty for COUNT, DISTINCT aggregates and arguments without a known range.
     */
    private static Optional<ColumnStatistics> resultRange(AggregateCall call, LogicalProperties input, double groups) {
        if (call.arguments().size() != 1 || call.distinct()) {
            return Optional.empty();
        }
        Optional<ColumnStatistics> argument = input.statistics(call.arguments().get(0));
        if (argument.isEmpty() || argument.get().min().isEmpty()) {
            return Optional.empty();
        }
        double min = argument.get().min().getAsDouble();
        double max = argument.get().max().getAsDouble();
        double n = Math.max(1, input.rowCount() / Math.max(1, groups));
        return switch (call.kind()) {
            case MIN, MAX, AVG -> Optional.of(range(min, max));
            case SUM -> Optional.of(range(Math.min(min, n * min), Math.max(max, n * max)));
            case COUNT, COUNT_STAR -> Optional.empty();
        };
    }

    private static ColumnStatistics range(double min, double max) {
        return new ColumnStatistics(0, OptionalLong.empty(), OptionalDouble.of(min), OptionalDouble.of(max));
    }

    /** Days per year, for the years a date range spans. */
    private static final double DAYS_PER_YEAR = 365.25;

    /**
     * A bound on the distinct values of an expression: one for a constant, the years a date range
     * spans for {@code EXTRACT(YEAR ...)} of a column with a known range, else the product of its
     * columns' distinct values (a function of its inputs has at most as many values as they have
     * combinations). Empty when a column it reads has no known bound.
     */
    private static Optional<Double> computedDistinct(Expr e, LogicalProperties input) {
        if (e instanceof Call c && c.function() == Function.EXTRACT && c.argument(0) instanceof Literal field && !field.isNull()
                && "year".equalsIgnoreCase(String.valueOf(field.get())) && c.argument(1) instanceof ColumnRef date
                && input.origins().containsKey(date)) {
            var stats = input.origins().get(date).statistics();
            if (stats.min().isPresent()) {
                return Optional.of(Math.floor((stats.max().getAsDouble() - stats.min().getAsDouble()) / DAYS_PER_YEAR) + 2);
            }
        }
        double product = 1;
        for (ColumnRef column : Exprs.columns(e)) {
            if (!input.knowsDistinct(column)) {
                return Optional.empty();
            }
            product *= input.distinctValues(column);
        }
        return Optional.of(product);
    }

    /**
     * The distinct values expected among {@code rows} rows drawn at random from a column with
     * {@code distinct} equally frequent values (Cardenas, "Analysis and Performance of Inverted Data
     * Base Structures", CACM 1975): d (1 - (1 - 1/d)^n). Never above min(n, d), the bound an
     * aggregate's estimate uses, and well below it when n and d are near: 0.63 d when n = d.
     */
    public static double distinctInSample(double distinct, double rows) {
        if (distinct <= 1 || rows <= 0) {
            return Math.min(Math.max(distinct, 0), rows);
        }
        return distinct * -Math.expm1(rows * Math.log1p(-1 / distinct));
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
            groups *= input.knowsDistinct(key) ? input.distinctValues(key) : Math.max(1, input.rowCount() * DEFAULT_GROUP_RATIO);
            if (groups >= input.rowCount()) {
                break;
            }
        }
        return Math.max(1, Math.min(input.rowCount(), groups));
    }

    private static double joinRows(JoinType type, Expr condition, LogicalProperties left, LogicalProperties right) {
        // The equi-keys together are one composite key: its distinct values on each side are the
        // product of its columns' (independence), but never more than that side's rows.
        double keysLeft = 1;
        double keysRight = 1;
        int keyCount = 0;
        OptionalDouble domain = OptionalDouble.empty();
        double otherSelectivity = 1;
        List<Optional<ColumnOrigin>> originsLeft = new ArrayList<>();
        List<Optional<ColumnOrigin>> originsRight = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(condition)) {
            Optional<EquiKey> key = equiKey(conjunct, left, right);
            if (key.isPresent()) {
                keysLeft *= key.get().left();
                keysRight *= key.get().right();
                keyCount++;
                domain = key.get().domain();
                originsLeft.add(key.get().leftOrigin());
                originsRight.add(key.get().rightOrigin());
            } else if (conjunct instanceof Literal) {
                otherSelectivity = 0; // FALSE or NULL: nothing matches
            } else if (!Exprs.columns(conjunct).isEmpty()) {
                otherSelectivity *= DEFAULT_CONJUNCT_SELECTIVITY;
            }
        }
        double l = left.rowCount();
        double r = right.rowCount();
        if (keyCount > 1) {
            keysLeft = Math.min(keysLeft, compositeForeignKeyBound(originsLeft, originsRight, right));
            keysRight = Math.min(keysRight, compositeForeignKeyBound(originsRight, originsLeft, left));
        }
        // One key of two table columns: base containment. Otherwise: containment of the sides' keys.
        double keySelectivity = keyCount == 1 && domain.isPresent() ? 1 / Math.max(1, domain.getAsDouble())
                : keyCount > 0 ? 1 / Math.max(1, Math.max(Math.min(keysLeft, l), Math.min(keysRight, r))) : 1;
        double inner = l * r * keySelectivity * otherSelectivity;
        return switch (type) {
            case INNER -> inner;
            case LEFT -> Math.max(l, inner);
            case RIGHT -> Math.max(r, inner);
            case FULL -> Math.max(Math.max(l, r), inner);
            case SEMI -> Math.min(l, inner);
            case ANTI -> Math.max(l - Math.min(l, inner), l * MIN_ANTI_JOIN_FRACTION);
            case MARK, SINGLE -> l;
            case RIGHT_SEMI -> Math.min(r, inner);
            case RIGHT_ANTI -> Math.max(r - Math.min(r, inner), r * MIN_ANTI_JOIN_FRACTION);
        };
    }

    /**
     * A bound on the distinct values of a composite join key on one side, taking it for a foreign key
     * into the other side, as the single-key estimate does for a key of unknown distinct count: when
     * all the side's key columns come from one table, every key column of the other side comes from
     * a table, and every table the other side's columns come from is smaller, the side's key tuples
     * are at most as many as the largest of those tables has rows: tables joined on foreign keys have
     * no more rows than the largest of them, nor more key tuples. TPC-H Q9's lineitem has 60 million
     * (partkey, suppkey) pairs at SF 10 but only partsupp's 8 million distinct ones, also when the
     * other side's part key is part's, a column known equal to partsupp's. No statistics span several
     * columns, so the product of the columns' distinct values is the only other bound. Key columns
     * of several tables on the side are left to that product: TPC-H Q5 joins lineitem's supplier and
     * customer's nation to a supplier's, no foreign key. Infinite when the rule does not apply.
     */
    private static double compositeForeignKeyBound(List<Optional<ColumnOrigin>> keys, List<Optional<ColumnOrigin>> otherKeys,
            LogicalProperties other) {
        if (keys.stream().anyMatch(Optional::isEmpty) || otherKeys.stream().anyMatch(Optional::isEmpty)
                || keys.stream().map(o -> o.get().table()).distinct().count() != 1) {
            return Double.POSITIVE_INFINITY;
        }
        double referencing = keys.get(0).get().tableRows();
        double referenced = other.outputColumns().stream().map(other.origins()::get).filter(Objects::nonNull)
                .mapToDouble(ColumnOrigin::tableRows).max().orElse(referencing);
        return referenced < referencing ? referenced : Double.POSITIVE_INFINITY;
    }

    /**
     * A column-to-column equality across the sides: each side's column's distinct values, and, when
     * both columns come from tables, the distinct values of the larger of their base columns (the
     * domain both draw their values from), and each column's base table.
     */
    private record EquiKey(double left, double right, OptionalDouble domain, Optional<ColumnOrigin> leftOrigin,
            Optional<ColumnOrigin> rightOrigin) {
    }

    /** The equality {@code conjunct} as a key across the sides, or empty for any other conjunct. */
    private static Optional<EquiKey> equiKey(Expr conjunct, LogicalProperties left, LogicalProperties right) {
        if (!(conjunct instanceof Call c)
                || (c.function() != Function.EQUAL && c.function() != Function.IS_NOT_DISTINCT_FROM)
                || !(c.argument(0) instanceof ColumnRef x) || !(c.argument(1) instanceof ColumnRef y)) {
            return Optional.empty();
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
            return Optional.empty();
        }
        double ndvA = left.distinctValues(a);
        double ndvB = right.distinctValues(b);
        // Without a known distinct count, a table column of the larger table is taken to be a foreign
        // key into the smaller one, so it has at most as many distinct values as that table has rows.
        // A computed column (a sum, a max) is no key and has no base: its values are matched as they are.
        Optional<ColumnOrigin> originA = Optional.ofNullable(left.origins().get(a));
        Optional<ColumnOrigin> originB = Optional.ofNullable(right.origins().get(b));
        double rowsA = originA.map(ColumnOrigin::tableRows).orElse(left.rowCount());
        double rowsB = originB.map(ColumnOrigin::tableRows).orElse(right.rowCount());
        double baseA = originA.map(ColumnOrigin::distinctBound).orElse(ndvA);
        double baseB = originB.map(ColumnOrigin::distinctBound).orElse(ndvB);
        if (rowsA > rowsB && originA.map(o -> o.distinct().isEmpty()).orElse(false)) {
            ndvA = Math.min(ndvA, rowsB);
            baseA = Math.min(baseA, rowsB);
        } else if (rowsB > rowsA && originB.map(o -> o.distinct().isEmpty()).orElse(false)) {
            ndvB = Math.min(ndvB, rowsA);
            baseB = Math.min(baseB, rowsA);
        }
        if (originA.isEmpty() || originB.isEmpty() || originA.get().restricted() || originB.get().restricted()) {
            return Optional.of(new EquiKey(ndvA, ndvB, OptionalDouble.empty(), originA, originB));
        }
        return Optional.of(new EquiKey(ndvA, ndvB, OptionalDouble.of(Math.max(baseA, baseB)), originA, originB));
    }
}
