package dev.quiver.jmh;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.HashJoinProbeOperator;
import dev.quiver.exec.operator.HashJoinTable;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A join probed in key order, as TPC-H's orders probe a build of lineitem rows in Q9 and Q21 (both
 * tables are stored by order key), through the production probe operator on one thread, in
 * nanoseconds per probe row. The keys are laid out as TPC-H's order keys (the first 8 of every 32
 * values) times {@code spacing}; a fifth of them are built, and every one is probed, ascending.
 * With {@code spacing} 1 the build's keys span few enough values for the table to bucket by key
 * ({@link HashJoinTable#keyBuckets()}); with 64 they span 64 times as many and it buckets by hash:
 * the peer, with the same rows, the same matches and the same probe order.
 */
// A fixed heap: the 3-million-row table is about 100 MB of arrays.
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class KeyOrderedProbeBenchmark extends KernelBenchmark {
    /** Orders (probe rows): SF 10's, so that the table outgrows the last-level cache as Q9's does. */
    static final int ORDERS = 15_000_000;
    /** Of every this many orders, one is built, on average: about Q9's share (3.3 of 15 million). */
    static final int BUILT_ONE_IN = 5;
    /** Seed of the generator choosing the built orders: every run joins the same keys. */
    static final long SEED = 20_261_124L;

    @Param({"1", "64"})
    public int spacing;

    private final ColumnRef buildKey = new ColumnRef(1, "bk", DataType.BIGINT);
    private final ColumnRef probeKey = new ColumnRef(2, "pk", DataType.BIGINT);
    private final HashJoin join = new HashJoin(JoinType.INNER, List.<Expr>of(probeKey), List.<Expr>of(buildKey), List.of(false),
            Optional.empty(), Optional.empty());

    private BatchFixture fixture;
    private List<Batch> probeBatches;
    private HashJoinProbeOperator probe;

    /** The key of the order numbered {@code i}: TPC-H's layout, the first 8 of every 32 values, from 1. */
    private long orderKey(int i) {
        return ((long) (i / 8) * 32 + i % 8 + 1) * spacing;
    }

    @Setup
    public void setUp() {
        fixture = new BatchFixture();
        SplittableRandom random = new SplittableRandom(SEED);
        long[] built = new long[ORDERS];
        int builtRows = 0;
        for (int i = 0; i < ORDERS; i++) {
            if (random.nextInt(BUILT_ONE_IN) == 0) {
                built[builtRows++] = orderKey(i);
            }
        }
        ValueVector build = BatchFixture.longs(DataType.BIGINT, builtRows, r -> built[r]);
        Layout buildLayout = new Layout(List.of(buildKey));
        HashJoinTable table = fixture.buildTable(join, buildLayout, fixture.batches(builtRows, List.of(buildKey), build));
        if (table.keyBuckets() != (spacing == 1)) {
            throw new IllegalStateException("spacing " + spacing + " should " + (spacing == 1 ? "" : "not ") + "bucket by key");
        }
        ValueVector probeKeys = BatchFixture.longs(DataType.BIGINT, ORDERS, this::orderKey);
        probeBatches = fixture.batches(ORDERS, List.of(probeKey), probeKeys);
        probe = new HashJoinProbeOperator(join, table, new Layout(List.of(probeKey)), buildLayout, fixture.context());
        long matched = probe();
        if (matched != builtRows) {
            throw new IllegalStateException("probe found " + matched + " matches, expected " + builtRows);
        }
    }

    @TearDown
    public void tearDown() {
        if (probe != null) {
            probe.close();
        }
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public long probe() {
        return BatchFixture.pushAll(probe, probeBatches);
    }
}
