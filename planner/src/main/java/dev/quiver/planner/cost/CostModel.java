package dev.quiver.planner.cost;

import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.Limit;
import dev.quiver.planner.physical.PhysicalOperator;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.physical.Sort;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.physical.UnionAll;
import dev.quiver.planner.physical.Values;
import java.util.List;

/**
 * The local cost of a physical operator (its inputs' costs are added by the optimizer). Units are
 * "rows touched by a simple vectorized operator"; the factors below say how much more an operator
 * does per row than a filter.
 */
public final class CostModel {
    /** Reading a row from in-memory columnar storage: cheap, and already counted per column below. */
    static final double SCAN_PER_COLUMN = 0.1;
    /** Evaluating a predicate on one row. */
    static final double FILTER_PER_ROW = 1.0;
    /** Computing one non-trivial projected value. */
    static final double PROJECT_PER_EXPRESSION = 0.5;
    /** Hashing a row and probing a group table: several times a filter (random memory access). */
    static final double HASH_AGGREGATE_PER_ROW = 4.0;
    /** Emitting one group at finalize. */
    static final double HASH_AGGREGATE_PER_GROUP = 2.0;
    /** One comparison of a sort: n log2 n of these. */
    static final double SORT_PER_COMPARISON = 1.0;
    /** Passing a row through a limit. */
    static final double LIMIT_PER_ROW = 0.1;
    /** Copying a build row into the hash table and inserting it: more than a probe (it writes and may resize). */
    static final double HASH_BUILD_PER_ROW = 6.0;
    /** Hashing a probe row and following its bucket chain: a random memory access like aggregation's. */
    static final double HASH_PROBE_PER_ROW = 3.0;
    /** Writing one joined output row (gathering both sides' columns). */
    static final double JOIN_OUTPUT_PER_ROW = 1.0;
    /** Evaluating the condition on one pair of a nested-loop join. */
    static final double NESTED_LOOP_PER_PAIR = 1.0;
    /** Collecting a row of a UNION ALL input and reading it back. */
    static final double UNION_PER_ROW = 1.0;

    public Cost localCost(PhysicalOperator operator, double outputRows, List<Double> inputRows) {
        double input = inputRows.isEmpty() ? 0 : inputRows.get(0);
        double value;
        if (operator instanceof TableScan scan) {
            value = outputRows * Math.max(1, scan.columns().size()) * SCAN_PER_COLUMN;
        } else if (operator instanceof Values) {
            value = outputRows;
        } else if (operator instanceof Filter) {
            value = input * FILTER_PER_ROW;
        } else if (operator instanceof Project project) {
            long computed = project.assignments().stream().filter(a -> !a.isIdentity()).count();
            value = input * computed * PROJECT_PER_EXPRESSION;
        } else if (operator instanceof HashAggregate) {
            value = input * HASH_AGGREGATE_PER_ROW + outputRows * HASH_AGGREGATE_PER_GROUP;
        } else if (operator instanceof Sort) {
            value = input * log2(input) * SORT_PER_COMPARISON;
        } else if (operator instanceof TopN topN) {
            value = input * log2(topN.limit() + topN.offset() + 1) * SORT_PER_COMPARISON;
        } else if (operator instanceof Limit) {
            value = outputRows * LIMIT_PER_ROW;
        } else if (operator instanceof HashJoin join) {
            value = hashJoinCost(inputRows.get(1), input, outputRows, !join.probeKeys().isEmpty());
        } else if (operator instanceof UnionAll) {
            value = outputRows * UNION_PER_ROW;
        } else {
            throw new IllegalArgumentException("no cost for " + operator.describe());
        }
        return new Cost(value);
    }

    /**
     * A hash join's own cost: building a table of the build rows, probing it with the probe rows
     * and writing the output; without equality keys every pair is compared as well.
     */
    public static double hashJoinCost(double buildRows, double probeRows, double outputRows, boolean hasKeys) {
        double value = buildRows * HASH_BUILD_PER_ROW + probeRows * HASH_PROBE_PER_ROW + outputRows * JOIN_OUTPUT_PER_ROW;
        return hasKeys ? value : value + probeRows * buildRows * NESTED_LOOP_PER_PAIR;
    }

    private static double log2(double n) {
        return n <= 2 ? 1 : Math.log(n) / Math.log(2);
    }
}
