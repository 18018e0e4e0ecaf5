package dev.quiver.jmh;

import dev.quiver.exec.aggregate.GroupByHashTable;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Group-by hash table: nanoseconds per key to find-or-insert BIGINT keys, few and many distinct groups. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class HashTableBenchmark {
    /** Keys per invocation: one million, as the hash-table benchmarks ask. */
    static final int KEYS = 1_000_000;

    @Param({"4", "100000"})
    public int distinct;

    private ValueVector keys;
    private int[] selection;
    private int[] groups;

    @Setup
    public void setUp() {
        keys = new ValueVector(DataType.BIGINT, KEYS);
        SplittableRandom random = new SplittableRandom(42);
        selection = new int[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys.longs[i] = random.nextInt(distinct);
            selection[i] = i;
        }
        groups = new int[KEYS];
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public int findOrInsert() {
        GroupByHashTable table = new GroupByHashTable(List.of(DataType.BIGINT));
        table.findOrInsert(new ValueVector[] {keys}, selection, KEYS, groups);
        return table.groupCount();
    }
}
