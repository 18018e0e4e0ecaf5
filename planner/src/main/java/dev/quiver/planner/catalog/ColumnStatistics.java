package dev.quiver.planner.catalog;

import dev.quiver.planner.expr.Literal;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the storage knows about one column's values, for cardinality estimation. All of it is
 * approximate by contract: the planner uses it to rank plans, never to compute a result.
 *
 * <p>{@code min} and {@code max} are positions on the column's <em>value line</em>: a number that
 * orders the column's values as SQL does, given by {@link #position(Literal)} for constants. Only
 * types with a numeric order have one (integers, DECIMAL, REAL/DOUBLE, DATE as days, TIMESTAMP as
 * microseconds, BOOLEAN as 0/1); VARCHAR and INTERVAL columns have none.
 *
 * @param nullCount the number of NULLs
 * @param distinct an estimate of the number of distinct non-NULL values, when known
 * @param min the least non-NULL value's position on the value line, when known
 * @param max the greatest non-NULL value's position, when known
 */
public record ColumnStatistics(long nullCount, OptionalLong distinct, OptionalDouble min, OptionalDouble max) {
    /** Nothing known beyond the null count. */
    public static final ColumnStatistics UNKNOWN = new ColumnStatistics(0, OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public ColumnStatistics {
        java.util.Objects.requireNonNull(distinct, "distinct");
        java.util.Objects.requireNonNull(min, "min");
        java.util.Objects.requireNonNull(max, "max");
        if (nullCount < 0) {
            throw new IllegalArgumentException("negative null count");
        }
        if (min.isPresent() != max.isPresent() || (min.isPresent() && min.getAsDouble() > max.getAsDouble())) {
            throw new IllegalArgumentException("bad range " + min + ".." + max);
        }
    }

    /**
     * A constant's position on the value line of its type (see the class comment), or empty for a
     * NULL or a type without a numeric order.
     */
    public static OptionalDouble position(Literal literal) {
        if (literal.isNull()) {
            return OptionalDouble.empty();
        }
        Object v = literal.get();
        if (v instanceof Long l) {
            return OptionalDouble.of(l);
        }
        if (v instanceof Integer days) {
            return OptionalDouble.of(days);
        }
        if (v instanceof Double d) {
            return d.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(d);
        }
        if (v instanceof BigDecimal d) {
            return OptionalDouble.of(d.doubleValue());
        }
        if (v instanceof Boolean b) {
            return OptionalDouble.of(b ? 1 : 0);
        }
        return OptionalDouble.empty();
    }
}
