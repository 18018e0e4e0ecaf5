package dev.quiver.planner.cost;

import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The fraction of its input rows a predicate keeps, from the statistics of the base-table columns
 * it compares with constants (System R's selectivity estimation, Selinger et al., "Access Path
 * Selection in a Relational Database Management System", SIGMOD 1979, with column statistics from
 * {@link ColumnStatistics}).
 *
 * <ul>
 *   <li>{@code col = c}: the non-NULL fraction over the column's distinct values, or almost nothing
 *       when c lies outside the column's range; {@code col IN (c1, ..., ck)} k times that.
 *   <li>Ranges: the ranges of all conjuncts on one column are intersected first (so a BETWEEN is
 *       one range, not two independent halves), then taken as a fraction of [min, max], assuming
 *       values spread uniformly.
 *   <li>{@code IS [NOT] NULL}: the null fraction.
 *   <li>Conjunctions: exponential backoff (the most selective conjunct fully, the next by its square
 *       root, then fourth and eighth roots, as SQL Server 2014's estimator does), since conjuncts of
 *       real queries are correlated more often than not; disjunctions by inclusion-exclusion.
 * </ul>
 *
 * Statistics describe a column's base table, or for an aggregate's result the range {@link
 * CardinalityEstimator} derives from its argument's; above other filters and joins values are
 * assumed to keep the same distribution. The result is always in [0, 1].
 */
public final class FilterSelectivity {
    /** A conjunct about which nothing is known: neither rejects nor keeps most rows. */
    static final double UNKNOWN = 0.5;
    /** A range predicate on a column without a known range: System R's classic 1/3. */
    static final double UNKNOWN_RANGE = 1.0 / 3;
    /** {@code col = c} without a distinct count: System R's classic 1/10. */
    static final double UNKNOWN_EQUALITY = 0.1;
    /** {@code LIKE 'abc%'}: a prefix narrows a column about as much as a short range does. */
    static final double LIKE_PREFIX = 0.1;
    /** {@code LIKE '%abc%'}: a substring is rare in most values (PostgreSQL's guess for a three-letter pattern is of this order); each further one as rare again. */
    static final double LIKE_SUBSTRING = 0.05;
    /** Conjuncts the backoff counts: each further one would change the product by less than its eighth root. */
    static final int BACKOFF_TERMS = 4;

    private FilterSelectivity() {
    }

    /** The fraction of rows of {@code input} for which {@code predicate} is TRUE. */
    public static double of(Expr predicate, LogicalProperties input) {
        List<Double> factors = new ArrayList<>();
        Map<ColumnRef, Range> ranges = new LinkedHashMap<>();
        for (Expr conjunct : Exprs.conjuncts(predicate)) {
            if (!addRange(conjunct, input, ranges)) {
                factors.add(single(conjunct, input));
            }
        }
        ranges.forEach((column, range) -> factors.add(range.fraction(input, column)));
        return backoff(factors);
    }

    /** The exponential-backoff product of conjunct selectivities. */
    static double backoff(List<Double> factors) {
        List<Double> sorted = new ArrayList<>(factors);
        sorted.sort(Double::compare);
        double s = 1;
        double exponent = 1;
        for (int i = 0; i < Math.min(BACKOFF_TERMS, sorted.size()); i++) {
            s *= Math.pow(sorted.get(i), exponent);
            exponent /= 2;
        }
        return clamp(s);
    }

    private static double single(Expr e, LogicalProperties input) {
        return clamp(unclamped(e, input));
    }

    private static double unclamped(Expr e, LogicalProperties input) {
        if (e instanceof Literal l) {
            return !l.isNull() && Boolean.TRUE.equals(l.get()) ? 1 : 0;
        }
        if (!(e instanceof Call call)) {
            return UNKNOWN;
        }
        return switch (call.function()) {
            case AND -> of(call, input);
            case OR -> {
                double s = 0;
                for (Expr d : call.arguments()) {
                    double x = single(d, input);
                    s = s + x - s * x;
                }
                yield s;
            }
            case NOT -> notOf(call.argument(0), input);
            case IS_NULL -> column(call.argument(0), input).map(c -> nullFraction(c, input)).orElse(UNKNOWN);
            case IS_NOT_NULL -> column(call.argument(0), input).map(c -> 1 - nullFraction(c, input)).orElse(UNKNOWN);
            case EQUAL, IS_NOT_DISTINCT_FROM -> equality(call.argument(0), call.argument(1), input);
            case NOT_EQUAL, IS_DISTINCT_FROM -> {
                Optional<ColumnRef> c = column(call.argument(0), input).or(() -> column(call.argument(1), input));
                yield c.map(col -> (1 - nullFraction(col, input)) - equality(call.argument(0), call.argument(1), input)).orElse(1 - UNKNOWN_EQUALITY);
            }
            case IN -> in(call, input);
            case LIKE, ILIKE -> like(call, input);
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> UNKNOWN_RANGE;
            default -> UNKNOWN;
        };
    }

    private static double notOf(Expr e, LogicalProperties input) {
        // NOT keeps the rows where e is FALSE, not where it is NULL: a column's NULLs satisfy neither
        double s = single(e, input);
        double notNull = e instanceof Call c && c.arguments().size() > 0
                ? column(c.argument(0), input).map(col -> 1 - nullFraction(col, input)).orElse(1.0) : 1.0;
        return Math.max(0, notNull - s);
    }

    private static double equality(Expr a, Expr b, LogicalProperties input) {
        Optional<ColumnRef> left = column(a, input);
        Optional<ColumnRef> right = column(b, input);
        if (left.isPresent() && b instanceof Literal l) {
            return equalsConstant(left.get(), l, input);
        }
        if (right.isPresent() && a instanceof Literal l) {
            return equalsConstant(right.get(), l, input);
        }
        if (left.isPresent() && right.isPresent()) {
            // two columns of the same input: the containment assumption, as for a join
            return (1 - nullFraction(left.get(), input)) * (1 - nullFraction(right.get(), input))
                    / Math.max(input.distinctValues(left.get()), input.distinctValues(right.get()));
        }
        return UNKNOWN_EQUALITY;
    }

    private static double equalsConstant(ColumnRef column, Literal value, LogicalProperties input) {
        if (value.isNull()) {
            return 0;
        }
        ColumnStatistics stats = statistics(column, input);
        OptionalDouble p = ColumnStatistics.position(value);
        if (p.isPresent() && stats.min().isPresent()
                && (p.getAsDouble() < stats.min().getAsDouble() || p.getAsDouble() > stats.max().getAsDouble())) {
            return 0;
        }
        // column() only returns columns with an origin, whose distinct values are bounded at least by their table's rows
        return (1 - nullFraction(column, input)) / input.distinctValues(column);
    }

    private static double in(Call call, LogicalProperties input) {
        List<Expr> items = call.arguments().subList(1, call.arguments().size());
        double s = 0;
        for (Expr item : items) {
            s += equality(call.argument(0), item, input);
        }
        return Math.min(1, s);
    }

    private static double like(Call call, LogicalProperties input) {
        if (call.arguments().size() != 2 || !(call.argument(1) instanceof Literal pattern) || pattern.isNull()) {
            return UNKNOWN;
        }
        String p = (String) pattern.get();
        if (p.indexOf('%') < 0 && p.indexOf('_') < 0 && p.indexOf('\\') < 0 && call.function() == Function.LIKE) {
            return equality(call.argument(0), Literal.of(p, DataType.VARCHAR), input);
        }
        // each literal run after a % must also occur: '%Customer%Complaints%' is rarer than '%Customer%'
        String[] runs = p.split("%", -1);
        long later = java.util.Arrays.stream(runs).skip(1).filter(r -> !r.isEmpty()).count();
        double prefix = runs[0].isEmpty() ? 1 : LIKE_PREFIX;
        return prefix * Math.pow(LIKE_SUBSTRING, later);
    }

    /**
     * Records {@code col <op> constant} (either way round) as a bound of the column's range;
     * returns false for any other conjunct.
     */
    private static boolean addRange(Expr conjunct, LogicalProperties input, Map<ColumnRef, Range> ranges) {
        if (!(conjunct instanceof Call c) || c.arguments().size() != 2) {
            return false;
        }
        Function f = c.function();
        Optional<ColumnRef> column = column(c.argument(0), input);
        Expr constant = c.argument(1);
        if (column.isEmpty()) {
            column = column(c.argument(1), input);
            constant = c.argument(0);
            f = mirrored(f);
        }
        if (column.isEmpty() || !(constant instanceof Literal l) || f == null) {
            return false;
        }
        boolean lower = f == Function.GREATER_THAN || f == Function.GREATER_THAN_OR_EQUAL;
        boolean upper = f == Function.LESS_THAN || f == Function.LESS_THAN_OR_EQUAL;
        OptionalDouble p = ColumnStatistics.position(l);
        if (!(lower || upper) || p.isEmpty()) {
            return false;
        }
        Range r = ranges.getOrDefault(column.get(), Range.ALL);
        ranges.put(column.get(), lower ? r.withLow(p.getAsDouble(), f == Function.GREATER_THAN) : r.withHigh(p.getAsDouble(), f == Function.LESS_THAN));
        return true;
    }

    private static Function mirrored(Function f) {
        return switch (f) {
            case LESS_THAN -> Function.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> Function.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> Function.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> Function.LESS_THAN_OR_EQUAL;
            default -> null;
        };
    }

    /** A range on a column's value line, each end open or closed. */
    private record Range(double low, boolean lowOpen, double high, boolean highOpen) {
        static final Range ALL = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        Range withLow(double value, boolean open) {
            return value > low || (value == low && open) ? new Range(value, open, high, highOpen) : this;
        }

        Range withHigh(double value, boolean open) {
            return value < high || (value == high && open) ? new Range(low, lowOpen, value, open) : this;
        }

        double fraction(LogicalProperties input, ColumnRef column) {
            ColumnStatistics stats = statistics(column, input);
            double notNull = 1 - nullFraction(column, input);
            if (stats.min().isEmpty()) {
                boolean both = low != Double.NEGATIVE_INFINITY && high != Double.POSITIVE_INFINITY;
                return notNull * (both ? UNKNOWN_RANGE * UNKNOWN_RANGE : UNKNOWN_RANGE);
            }
            double min = stats.min().getAsDouble();
            double max = stats.max().getAsDouble();
            // Integers and dates are discrete: [lo, hi] covers hi - lo + 1 values of max - min + 1.
            double step = discrete(column.type()) ? 1 : 0;
            double lo = Math.max(min, low + (lowOpen ? step : 0));
            double hi = Math.min(max, high - (highOpen ? step : 0));
            if (hi < lo) {
                return 0;
            }
            double width = max - min + step;
            // a range that meets the column's values holds at least one of its distinct values
            double fraction = width <= 0 ? 1 : Math.max((hi - lo + step) / width, 1 / input.distinctValues(column));
            return notNull * Math.min(1, fraction);
        }
    }

    private static boolean discrete(DataType type) {
        return type.isIntegral() || type.id() == TypeId.DATE || type.id() == TypeId.TIMESTAMP || type.id() == TypeId.BOOLEAN;
    }

    /**
     * The column with statistics {@code e} reads, if it is one: a column of the input with a known
     * origin or a computed one with a known range, maybe under a cast that keeps its values' order and equality (a numeric widening, or
     * a VARCHAR to a longer one).
     */
    static Optional<ColumnRef> column(Expr e, LogicalProperties input) {
        Expr inner = e;
        while (inner instanceof Cast cast && keepsOrder(cast.input().type(), cast.type())) {
            inner = cast.input();
        }
        return inner instanceof ColumnRef c && (input.origins().containsKey(c) || hasRange(c, input)) ? Optional.of(c) : Optional.empty();
    }

    /** Whether a computed column's range is known (an aggregate's result, say). */
    private static boolean hasRange(ColumnRef column, LogicalProperties input) {
        return input.statistics(column).map(s -> s.min().isPresent()).orElse(false);
    }

    private static boolean keepsOrder(DataType from, DataType to) {
        return (from.isNumeric() && to.isNumeric()) || (from.isString() && to.isString()) || from.id() == to.id();
    }

    private static ColumnStatistics statistics(ColumnRef column, LogicalProperties input) {
        return input.statistics(column).orElse(ColumnStatistics.UNKNOWN);
    }

    private static double nullFraction(ColumnRef column, LogicalProperties input) {
        ColumnOrigin origin = input.origins().get(column);
        if (origin == null || origin.tableRows() == 0) {
            return 0;
        }
        return Math.min(1, origin.statistics().nullCount() / origin.tableRows());
    }

    private static double clamp(double s) {
        return Double.isNaN(s) ? UNKNOWN : Math.max(0, Math.min(1, s));
    }
}
