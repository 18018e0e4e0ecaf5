package dev.quiver.exec.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HyperLogLogTest {
    private static HyperLogLog of(long from, long to) {
        HyperLogLog h = new HyperLogLog();
        for (long v = from; v < to; v++) {
            h.add(Hashing.hashLong(v));
        }
        return h;
    }

    @Test
    void estimatesWithinAFewPercentAcrossMagnitudes() {
        assertThat(new HyperLogLog().estimate()).isZero();
        assertThat(of(0, 1).estimate()).isEqualTo(1);
        for (long n : new long[] {10, 1_000, 25_000, 1_000_000}) {
            // Four standard errors (1.6% each) is far outside what a fixed hash ever produces here.
            assertThat((double) of(0, n).estimate()).as("n = %d", n).isCloseTo(n, within(n * 0.065 + 1));
        }
    }

    @Test
    void duplicatesDoNotCountAndSketchesMerge() {
        HyperLogLog twice = of(0, 5_000);
        for (long v = 0; v < 5_000; v++) {
            twice.add(Hashing.hashLong(v));
        }
        assertThat(twice.estimate()).isEqualTo(of(0, 5_000).estimate());
        HyperLogLog left = of(0, 60_000);
        left.merge(of(40_000, 100_000));
        assertThat(left.estimate()).isEqualTo(of(0, 100_000).estimate());
    }
}
