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
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
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
    /** A build side up to this many rows stays in a core's 512 KiB L2 cache while it is probed (some 24 bytes of heads, chain and key per row). */
    static final double CACHE_RESIDENT_BUILD_ROWS = 16_384;
    /** What a matching probe costs more, in probes, each time the build side doubles beyond that: a cache level's misses spread over a few doublings. */
    static final double PROBE_COST_PER_DOUBLING = 0.25;
    /** Copying one array of a build row's payload into the table (a fixed-width column has one array, a string three). */
    static final double BUILD_PER_PAYLOAD_ARRAY = 0.5;
    /**
     * What reading one array of a matching build row's payload costs more, per doubling beyond the
     * cache, than {@link #HASH_PROBE_PER_ROW}'s share: a probe's own misses wait on four arrays
     * (bucket head, chain, key, hash), and each payload array is one more.
     */
    static final double PAYLOAD_MISS_PER_ARRAY = HASH_PROBE_PER_ROW / 4;
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
            value = hashJoinCost(inputRows.get(1), input, outputRows, join.type(), !join.probeKeys().isEmpty());
        } else if (operator instanceof UnionAll) {
            value = outputRows * UNION_PER_ROW;
        } else {
            throw new IllegalArgumentException("no cost for " + operator.describe());
        }
        return new Cost(value);
    }

    /**
     * A hash join's own cost: building a table of the build rows, probing it with the probe rows
     * and writing the output; without equality keys every pair is compared as well. A probe that
     * finds its key reads the table's chain and rows, which wait on memory once the table outgrows
     * the caches ({@link #cacheMissFactor}); a probe that finds nothing is mostly turned away by the
     * join filter, whose bits stay cached. So of two joins that keep as many rows, the one with the
     * smaller build side is the cheaper to probe first (TPC-H Q7 probes the suppliers of two nations
     * before the orders of their customers). The probes that find their key are known from the
     * output only for inner and semi joins (at most one per output row); other joins are charged
     * no misses.
     */
    public static double hashJoinCost(double buildRows, double probeRows, double outputRows, JoinType type, boolean hasKeys) {
        return hashJoinCost(buildRows, probeRows, outputRows, type, hasKeys, 0);
    }

    /**
     * As above, with the arrays of payload each build row carries for the joins and operators
     * above ({@link #payloadArrays}): each is copied into the table, and each is one more wait on
     * memory for a matching probe once the table outgrows the caches. So a wide column (a name,
     * say) is better joined after the joins whose tables would carry it than before them: late
     * materialization (Abadi, Myers, DeWitt and Madden, "Materialization Strategies in a
     * Column-Oriented DBMS", ICDE 2007), here decided by cost. TPC-H Q9 at SF 10 joins nation last
     * for it, so that its 3.3 million joined lineitems carry a nation key, not a nation name.
     */
    public static double hashJoinCost(double buildRows, double probeRows, double outputRows, JoinType type, boolean hasKeys,
            int payloadArrays) {
        if (payloadArrays < 0) {
            throw new IllegalArgumentException("payloadArrays < 0: " + payloadArrays);
        }
        double value = buildRows * (HASH_BUILD_PER_ROW + payloadArrays * BUILD_PER_PAYLOAD_ARRAY) + probeRows * HASH_PROBE_PER_ROW
                + outputRows * JOIN_OUTPUT_PER_ROW;
        if (!hasKeys) {
            return value + probeRows * buildRows * NESTED_LOOP_PER_PAIR;
        }
        double matched = type == JoinType.INNER || type == JoinType.SEMI ? Math.min(probeRows, outputRows) : 0;
        return value + matched * (HASH_PROBE_PER_ROW + payloadArrays * PAYLOAD_MISS_PER_ARRAY) * (cacheMissFactor(buildRows) - 1);
    }

    /** The arrays a hash table keeps per row for a payload column of {@code type}: offsets, lengths and bytes for a string, else one. */
    public static int payloadArrays(DataType type) {
        return type.isString() ? 3 : 1;
    }

    /**
     * How many probes a matching probe costs into a table of {@code buildRows}: 1 while the table
     * stays in cache, and {@link #PROBE_COST_PER_DOUBLING} more per doubling beyond it (the
     * hierarchical memory cost of Manegold, Boncz and Kersten, "Generic Database Cost Models for
     * Hierarchical Memory Systems", VLDB 2002, reduced to one slope).
     */
    static double cacheMissFactor(double buildRows) {
        // Not log2(), which rounds ratios up to 2 to 1 and would make the factor jump at the threshold.
        return buildRows <= CACHE_RESIDENT_BUILD_ROWS ? 1
                : 1 + PROBE_COST_PER_DOUBLING * Math.log(buildRows / CACHE_RESIDENT_BUILD_ROWS) / Math.log(2);
    }

    private static double log2(double n) {
        return n <= 2 ? 1 : Math.log(n) / Math.log(2);
    }
}
