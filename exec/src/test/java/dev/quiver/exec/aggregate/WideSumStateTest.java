package dev.quiver.exec.aggregate;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** 128-bit per-group sums checked against BigInteger, carries and overflow included. */
class WideSumStateTest {
    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    private static BigInteger sum(WideSumState s, int g) {
        BigInteger low = BigInteger.valueOf(s.low(g)).and(MASK);
        return BigInteger.valueOf(s.high(g)).shiftLeft(64).add(low);
    }

    @Test
    void sumsOfMixedSignsCarryAcrossTheLowWord() {
        Random random = new Random(7);
        WideSumState state = new WideSumState(2);
        state.ensureCapacity(3);
        BigInteger[] expected = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int k = 0; k < 20_000; k++) {
            int g = k % 3;
            if (random.nextBoolean()) {
                long v = random.nextLong();
                state.add(g, v);
                expected[g] = expected[g].add(BigInteger.valueOf(v));
            } else {
                BigInteger v = new BigInteger(100, random);
                v = random.nextBoolean() ? v.negate() : v;
                state.add(g, v.shiftRight(64).longValue(), v.and(MASK).longValue());
                expected[g] = expected[g].add(v);
            }
        }
        for (int g = 0; g < 3; g++) {
            assertThat(sum(state, g)).isEqualTo(expected[g]);
            assertThat(state.count(g)).isEqualTo(g < 2 ? 6667 : 6666);
        }
        WideSumState merged = new WideSumState(2);
        merged.ensureCapacity(1);
        merged.mergeAll(state, new int[] {0, 1, 2}, new int[] {0, 0, 0}, 3);
        assertThat(sum(merged, 0)).isEqualTo(expected[0].add(expected[1]).add(expected[2]));
        assertThat(merged.count(0)).isEqualTo(20_000);
    }

    @Test
    void goingPast128BitsIsANumericOverflow() {
        WideSumState state = new WideSumState(0);
        state.ensureCapacity(1);
        state.add(0, MAX.shiftRight(64).longValue(), MAX.and(MASK).longValue());
        assertSqlState("22003", () -> state.add(0, 1));
        WideSumState negative = new WideSumState(0);
        negative.ensureCapacity(1);
        negative.add(0, Long.MIN_VALUE, 0);
        assertSqlState("22003", () -> negative.add(0, -1));
        negative.add(0, 5);
        assertThat(sum(negative, 0)).isEqualTo(BigInteger.ONE.shiftLeft(127).negate().add(BigInteger.valueOf(5)));
    }

    @Test
    void sumsOfOneSignCrossingZeroMoveTheHighWord() {
        WideSumState state = new WideSumState(0);
        state.ensureCapacity(1);
        long[] values = {-3, 2, 2, -1, -5, 7, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, -1, 1};
        BigInteger expected = BigInteger.ZERO;
        for (long v : values) {
            state.add(0, v);
            expected = expected.add(BigInteger.valueOf(v));
            assertThat(sum(state, 0)).isEqualTo(expected);
        }
    }
}
