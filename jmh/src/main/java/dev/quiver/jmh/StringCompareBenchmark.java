package dev.quiver.jmh;

import dev.quiver.exec.function.Strings;
import io.trino.tpch.Part;
import io.trino.tpch.PartGenerator;
import java.util.Arrays;
import java.util.stream.StreamSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Ordering strings as sorts and MIN/MAX do ({@link Strings#compare}), in nanoseconds per pair, over
 * TPC-H's {@code p_type} (16 to 25 bytes; Q16 sorts by it), each value against the next. With
 * {@code sorted} the values are in sorted order, as in a merge sort's last passes: a pair shares a
 * long prefix. With {@code shuffled} they are in generation order and mostly differ in their first
 * word. The peer, {@code bytewise}, is {@link Strings#compareBytewise}, the byte-at-a-time loop
 * that compared strings of every length before the word-at-a-time mismatch took those of 8 bytes on.
 */
public class StringCompareBenchmark extends KernelBenchmark {
    /** Pairs per invocation: 64K, about 1.3 MB of strings, as a sort of a large group-by result touches. */
    static final int PAIRS = 1 << 16;

    @Param({"sorted", "shuffled"})
    public String pairs;

    private byte[] bytes;
    private int[] offsets;
    private int[] lengths;

    @Setup
    public void setUp() {
        String[] types = StreamSupport.stream(new PartGenerator(1, 1, 1).spliterator(), false).map(Part::getType)
                .limit(PAIRS + 1).toArray(String[]::new);
        if (pairs.equals("sorted")) {
            Arrays.sort(types);
        } else if (!pairs.equals("shuffled")) {
            throw new IllegalArgumentException("no pairs " + pairs);
        }
        PackedStrings packed = PackedStrings.of(Arrays.asList(types).iterator(), types.length);
        bytes = packed.bytes();
        offsets = packed.offsets();
        lengths = packed.lengths();
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int compare() {
        int sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += Integer.signum(Strings.compare(bytes, offsets[i], lengths[i], bytes, offsets[i + 1], lengths[i + 1]));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int bytewise() {
        int sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += Integer.signum(Strings.compareBytewise(bytes, offsets[i], lengths[i], bytes, offsets[i + 1], lengths[i + 1]));
        }
        return sum;
    }
}
