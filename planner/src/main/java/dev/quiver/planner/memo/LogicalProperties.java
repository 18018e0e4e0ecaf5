package dev.quiver.planner.memo;

import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.expr.ColumnRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What every expression of a group shares: the output columns, the estimated row count, for
 * columns read straight from a table where they come from (which join estimates use), and for
 * columns computed from others what is known of their values: a bound on their distinct values (a
 * function of x has at most as many values as x) and their range (an aggregate's result lies in a
 * range derived from its argument's).
 *
 * @param computed statistics of computed columns; their null count is always zero (unknown)
 */
public record LogicalProperties(List<ColumnRef> outputColumns, double rowCount, Map<ColumnRef, ColumnOrigin> origins,
        Map<ColumnRef, ColumnStatistics> computed) {
    /**
     * A column's base table and ordinal there. The table's row count, or the column's distinct
     * values if the storage knows them (asked only when a join estimate needs them: it may take a
     * pass over the column), bound the column's distinct values anywhere above the scan.
     *
     * @param restricted whether a predicate on the column itself (a filter reading it, a join on
     *     it) chose which of its values remain: they are then no random draw from the base column's
     */
    public record ColumnOrigin(TableHandle table, int ordinal, boolean restricted) {
        public ColumnOrigin {
            java.util.Objects.requireNonNull(table, "table");
        }

        /** A column as its scan reads it: all its values. */
        public ColumnOrigin(TableHandle table, int ordinal) {
            this(table, ordinal, false);
        }

        /** The same column, its values chosen by a predicate on it. */
        public ColumnOrigin restrict() {
            return new ColumnOrigin(table, ordinal, true);
        }

        public double tableRows() {
            return table.statistics().rowCount();
        }

        /** The column's statistics in its table. */
        public ColumnStatistics statistics() {
            return table.statistics().column(ordinal);
        }

        public OptionalDouble distinct() {
            OptionalLong d = table.distinctValues(ordinal);
            return d.isPresent() ? OptionalDouble.of(d.getAsLong()) : OptionalDouble.empty();
        }

        /** The best known bound on the column's distinct values in its table. */
        public double distinctBound() {
            return distinct().orElse(tableRows());
        }
    }

    public LogicalProperties {
        outputColumns = List.copyOf(outputColumns);
        origins = Map.copyOf(origins);
        computed = Map.copyOf(computed);
        if (Double.isNaN(rowCount) || rowCount < 0) {
            throw new IllegalArgumentException("bad row count " + rowCount);
        }
    }

    public LogicalProperties(List<ColumnRef> outputColumns, double rowCount, Map<ColumnRef, ColumnOrigin> origins) {
        this(outputColumns, rowCount, origins, Map.of());
    }

    public LogicalProperties(List<ColumnRef> outputColumns, double rowCount) {
        this(outputColumns, rowCount, Map.of());
    }

    /** Statistics of a computed column that bound only its distinct values. */
    public static ColumnStatistics distinctBound(double distinct) {
        return new ColumnStatistics(0, OptionalLong.of(Math.round(Math.min(distinct, Long.MAX_VALUE))), OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /** Whether a bound on the column's distinct values is known (beyond the row count). */
    public boolean knowsDistinct(ColumnRef column) {
        return origins.containsKey(column) || (computed.containsKey(column) && computed.get(column).distinct().isPresent());
    }

    /** Estimated distinct values of an output column: at most the rows here and the bound at its origin or computation. */
    public double distinctValues(ColumnRef column) {
        ColumnOrigin origin = origins.get(column);
        double bound = origin != null ? origin.distinctBound() : computedDistinct(column).orElse(rowCount);
        return Math.max(1, Math.min(rowCount, bound));
    }

    /** The known bound on a computed column's distinct values. */
    public OptionalDouble computedDistinct(ColumnRef column) {
        ColumnStatistics c = computed.get(column);
        return c == null || c.distinct().isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(c.distinct().getAsLong());
    }

    /**
     * What is known of a column's values: its base table's statistics, or a computed column's, or
     * empty when it is neither.
     */
    public Optional<ColumnStatistics> statistics(ColumnRef column) {
        ColumnOrigin origin = origins.get(column);
        return origin != null ? Optional.of(origin.statistics()) : Optional.ofNullable(computed.get(column));
    }
}
