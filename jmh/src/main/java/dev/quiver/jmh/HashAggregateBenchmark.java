package dev.quiver.jmh;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.HashAggregateSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hash aggregation as an aggregate pipeline with one worker runs it, in nanoseconds per input row:
 * {@code SELECT k, count(*), sum(v) ... GROUP BY k} with a BIGINT key and a DECIMAL(15,2) value,
 * through {@link HashAggregateSink} (reading each batch, finding or inserting each row's group,
 * updating COUNT(*)'s and SUM's states, spilling a full table between batches), then combining the
 * worker's state and finishing (merging spilled runs, writing the result's Arrow batches). Each
 * invocation starts from an empty sink, as each query does: with many groups that includes the
 * table's growth. {@code groups} is the number of distinct keys: 4 (every lookup hits a cached
 * group) or about a million (each key twice, in random order: far more than a table keeps in cache).
 */
public class HashAggregateBenchmark extends KernelBenchmark {
    /** Input rows per invocation: 512 batches, twice the many-groups case's number of groups. */
    static final int ROWS = 1 << 21;
    /** Seed of the data generator: every run aggregates the same rows. */
    static final long SEED = 20_240_602L;

    @Param({"4", "1048576"})
    public int groups;

    private BatchFixture fixture;
    private List<Batch> batches;
    private HashAggregate aggregate;
    private Layout layout;

    @Setup
    public void setUp() {
        fixture = new BatchFixture();
        ColumnRef key = new ColumnRef(1, "k", DataType.BIGINT);
        ColumnRef value = new ColumnRef(2, "v", DataType.decimal(15, 2));
        SplittableRandom random = new SplittableRandom(SEED);
        // Every group ROWS / groups times, in random order.
        long[] keys = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            keys[i] = i % groups;
        }
        for (int i = ROWS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        ValueVector keyValues = BatchFixture.longs(DataType.BIGINT, ROWS, i -> keys[i]);
        // 1.00 to 100,000.00, unscaled.
        ValueVector values = BatchFixture.longs(value.type(), ROWS, i -> random.nextLong(100, 10_000_001));
        batches = fixture.batches(ROWS, List.of(key, value), keyValues, values);
        // The binder's result types: COUNT is BIGINT, SUM of DECIMAL(p, s) is DECIMAL(38, s).
        aggregate = new HashAggregate(List.of(key), List.of(
                new AggregateAssignment(new ColumnRef(3, "count", DataType.BIGINT),
                        new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false, DataType.BIGINT)),
                new AggregateAssignment(new ColumnRef(4, "sum", DataType.decimal(38, 2)),
                        new AggregateCall(AggregateKind.SUM, List.of(value), false, DataType.decimal(38, 2)))));
        layout = new Layout(List.of(key, value));
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int aggregate() {
        try (QueryContext query = fixture.newContext()) {
            HashAggregateSink sink = new HashAggregateSink(aggregate, layout);
            HashAggregateSink.Local local = sink.createLocal(query);
            for (Batch b : batches) {
                local.consume(b, 0);
                local.afterBatch();
            }
            sink.combine(local, query);
            sink.finish(query);
            int groups = 0;
            for (Batch b : sink.output()) {
                groups += b.rowCount();
            }
            return groups;
        }
    }
}
