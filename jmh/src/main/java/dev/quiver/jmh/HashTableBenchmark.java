package dev.quiver.jmh;

import dev.quiver.exec.aggregate.GroupByHashTable;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Group-by hash table: nanoseconds per key to find-or-insert BIGINT keys, few and many distinct groups. */
public class HashTableBenchmark extends KernelBenchmark {
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
