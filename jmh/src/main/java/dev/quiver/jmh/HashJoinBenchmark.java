package dev.quiver.jmh;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.HashJoinProbeOperator;
import dev.quiver.exec.operator.HashJoinTable;
import dev.quiver.exec.operator.RowBuffer;
import dev.quiver.exec.vector.ValueComparisons;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The hash join's table, built and probed by the production operators on one thread, with
 * {@code keys} random BIGINT build keys (1M or 10M: in cache and far out of it), in nanoseconds per
 * key or probe row. A join of one key column per side, INNER, no residual.
 *
 * <ul>
 *   <li>{@code build}: the build sink as the build pipeline drives it: copies the key batches to the
 *       heap, hashes them, and chains them into a {@link HashJoinTable}.
 *   <li>{@code buildChains}: only the chaining ({@link HashJoinTable}'s constructor) over rows copied
 *       and hashed beforehand: build minus buildChains is the cost of copying and hashing.
 *   <li>{@code probe}: the probe operator over a table built once, with about half of the probe
 *       rows finding their key (one build row each); the matching pairs are gathered into the
 *       operator's output batches, as a downstream operator would receive them.
 * </ul>
 */
// A fixed heap: a 10M-key table is about 450 MB of arrays, and the default heap varies by machine.
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xms3g", "-Xmx3g"})
public class HashJoinBenchmark extends KernelBenchmark {
    /** Build keys per invocation: ten 1M-key tables or one 10M-key table, so both sizes report per key. */
    static final int BUILD_KEYS = 10_000_000;
    /** Probe rows per invocation: 256 batches, enough to reach the steady state of either table size. */
    static final int PROBE_ROWS = 1 << 20;
    /** Seed of the key generator: every run joins the same keys. */
    static final long SEED = 20_240_601L;

    @Param({"1000000", "10000000"})
    public int keys;

    private final ColumnRef buildKey = new ColumnRef(1, "bk", DataType.BIGINT);
    private final ColumnRef probeKey = new ColumnRef(2, "pk", DataType.BIGINT);
    private final Layout buildLayout = new Layout(List.of(buildKey));
    private final Layout probeLayout = new Layout(List.of(probeKey));
    private final HashJoin join = new HashJoin(JoinType.INNER, List.<Expr>of(probeKey), List.<Expr>of(buildKey), List.of(false),
            Optional.empty(), Optional.empty());

    private BatchFixture fixture;
    private List<Batch> buildBatches;
    private RowBuffer buildRows;
    private long[] buildHashes;
    private List<Batch> probeBatches;
    private HashJoinProbeOperator probe;
    private long expectedMatches;

    @Setup
    public void setUp(BenchmarkParams params) {
        fixture = new BatchFixture();
        SplittableRandom random = new SplittableRandom(SEED);
        // Build keys are even and probe misses odd, so a probe row hits exactly when it was drawn from the build keys.
        ValueVector build = BatchFixture.longs(DataType.BIGINT, keys, i -> random.nextLong() & ~1L);
        buildBatches = fixture.batches(keys, List.of(buildKey), build);
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith(".buildChains")) {
            buildRows = new RowBuffer(List.of(DataType.BIGINT));
            buildBatches.forEach(b -> buildRows.append(b, b.selectedCount()));
            ValueVector[] keyColumns = {buildRows.column(0)};
            buildHashes = new long[keys];
            for (int r = 0; r < keys; r++) {
                buildHashes[r] = ValueComparisons.hashRow(keyColumns, r);
            }
        } else if (benchmark.endsWith(".probe")) {
            long[] hits = new long[1];
            ValueVector probeKeys = BatchFixture.longs(DataType.BIGINT, PROBE_ROWS, i -> {
                if (random.nextBoolean()) {
                    hits[0]++;
                    return build.longs[random.nextInt(keys)];
                }
                return random.nextLong() | 1L;
            });
            expectedMatches = hits[0];
            probeBatches = fixture.batches(PROBE_ROWS, List.of(probeKey), probeKeys);
            probe = new HashJoinProbeOperator(join, buildTable(), probeLayout, buildLayout, fixture.context());
            long matched = probe();
            if (matched != expectedMatches) {
                throw new IllegalStateException("probe found " + matched + " matches, expected " + expectedMatches);
            }
        }
    }

    @TearDown
    public void tearDown() {
        if (probe != null) {
            probe.close();
        }
        fixture.close();
    }

    /** Runs the build sink over the build batches, as one worker of the build pipeline would. */
    private HashJoinTable buildTable() {
        return fixture.buildTable(join, buildLayout, buildBatches);
    }

    @Benchmark
    @OperationsPerInvocation(BUILD_KEYS)
    public int build() {
        int rows = 0;
        for (int t = 0; t < BUILD_KEYS / keys; t++) {
            rows += buildTable().rowCount();
        }
        return rows;
    }

    @Benchmark
    @OperationsPerInvocation(BUILD_KEYS)
    public int buildChains() {
        int rows = 0;
        for (int t = 0; t < BUILD_KEYS / keys; t++) {
            rows += new HashJoinTable(buildRows, new ValueVector[] {buildRows.column(0)}, buildHashes, new boolean[] {false}).rowCount();
        }
        return rows;
    }

    @Benchmark
    @OperationsPerInvocation(PROBE_ROWS)
    public long probe() {
        return BatchFixture.pushAll(probe, probeBatches);
    }
}
