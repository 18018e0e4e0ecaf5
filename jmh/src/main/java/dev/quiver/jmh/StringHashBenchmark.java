package dev.quiver.jmh;

import dev.quiver.exec.function.Hashing;
import io.trino.tpch.Customer;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import java.util.Iterator;
import java.util.stream.StreamSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Hashing strings as the group-by and join tables hash their keys ({@link Hashing#hashBytes}),
 * over TPC-H's own values, in nanoseconds per string: {@code o_comment} (19 to 78 bytes, Q13's
 * and a long key's case) and {@code c_phone} (15 bytes: one word and a 7-byte tail, Q10's key).
 */
public class StringHashBenchmark extends KernelBenchmark {
    /** Strings per invocation: 64K, a few MB of bytes, as a batch run of keys would touch. */
    static final int STRINGS = 1 << 16;

    @Param({"o_comment", "c_phone"})
    public String column;

    private byte[] bytes;
    private int[] offsets;
    private int[] lengths;

    @Setup
    public void setUp() {
        Iterator<String> values = switch (column) {
            case "o_comment" -> StreamSupport.stream(new OrderGenerator(0.1, 1, 1).spliterator(), false).map(Order::getComment).iterator();
            case "c_phone" -> StreamSupport.stream(new CustomerGenerator(1, 1, 1).spliterator(), false).map(Customer::getPhone).iterator();
            default -> throw new IllegalArgumentException("no column " + column);
        };
        PackedStrings packed = PackedStrings.of(values, STRINGS);
        bytes = packed.bytes();
        offsets = packed.offsets();
        lengths = packed.lengths();
    }

    @Benchmark
    @OperationsPerInvocation(STRINGS)
    public long hashBytes() {
        long sum = 0;
        for (int i = 0; i < STRINGS; i++) {
            sum += Hashing.hashBytes(bytes, offsets[i], lengths[i]);
        }
        return sum;
    }
}
