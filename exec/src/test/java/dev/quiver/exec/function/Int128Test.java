package dev.quiver.exec.function;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** 128-bit arithmetic checked against BigInteger on random values and on the edges of the range. */
class Int128Test {
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static long high(BigInteger v) {
        return v.shiftRight(64).longValue();
    }

    static long low(BigInteger v) {
        return v.and(MASK).longValue();
    }

    static BigInteger of(long[] out) {
        // Independent of Int128.toBig: assemble the words by arithmetic.
        BigInteger lo = BigInteger.valueOf(out[1]);
        if (out[1] < 0) {
            lo = lo.add(BigInteger.ONE.shiftLeft(64));
        }
        return BigInteger.valueOf(out[0]).shiftLeft(64).add(lo);
    }

    static boolean fits(BigInteger v) {
        return v.compareTo(MIN) >= 0 && v.compareTo(MAX) <= 0;
    }

    /** Random values of every magnitude plus the edges. */
    static List<BigInteger> samples(long seed, int count) {
        Random random = new Random(seed);
        List<BigInteger> values = new ArrayList<>(List.of(MIN, MAX, MIN.add(BigInteger.ONE), MAX.subtract(BigInteger.ONE),
                BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.valueOf(Long.MAX_VALUE),
                BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE),
                BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), MASK, MASK.negate(), BigInteger.ONE.shiftLeft(64),
                BigInteger.TEN.pow(38).subtract(BigInteger.ONE), BigInteger.TEN.pow(38).subtract(BigInteger.ONE).negate(),
                BigInteger.TEN.pow(19), BigInteger.TEN.pow(18).negate()));
        while (values.size() < count) {
            int bits = random.nextInt(128);
            BigInteger v = new BigInteger(bits, random);
            values.add(random.nextBoolean() ? v.negate() : v);
        }
        return values;
    }

    @Test
    void addAndSubtractMatchBigIntegerAndDetectOverflow() {
        List<BigInteger> values = samples(1, 400);
        long[] out = new long[2];
        int overflows = 0;
        for (BigInteger a : values) {
            for (int j = 0; j < 60; j++) {
                BigInteger b = values.get((a.hashCode() * 31 + j * 7919 & 0x7fffffff) % values.size());
                BigInteger sum = a.add(b);
                if (fits(sum)) {
                    Int128.add(high(a), low(a), high(b), low(b), out);
                    assertThat(of(out)).as("%s + %s", a, b).isEqualTo(sum);
                } else {
                    overflows++;
                    assertSqlState("22003", () -> Int128.add(high(a), low(a), high(b), low(b), new long[2]));
                }
                BigInteger difference = a.subtract(b);
                if (fits(difference)) {
                    Int128.subtract(high(a), low(a), high(b), low(b), out);
                    assertThat(of(out)).as("%s - %s", a, b).isEqualTo(difference);
                } else {
                    overflows++;
                    assertSqlState("22003", () -> Int128.subtract(high(a), low(a), high(b), low(b), new long[2]));
                }
            }
        }
        assertThat(overflows).as("the samples reach the overflow cases").isGreaterThan(10);
        assertSqlState("22003", () -> Int128.add(high(MAX), low(MAX), 0, 1, new long[2]));
        assertSqlState("22003", () -> Int128.subtract(high(MIN), low(MIN), 0, 1, new long[2]));
        assertSqlState("22003", () -> Int128.negate(high(MIN), low(MIN), new long[2]));
        Int128.negate(high(MAX), low(MAX), out);
        assertThat(of(out)).isEqualTo(MAX.negate());
        Int128.negate(0, 0, out);
        assertThat(of(out)).isEqualTo(BigInteger.ZERO);
        // A carry out of the low word.
        Int128.add(0, -1L, 0, 1, out);
        assertThat(of(out)).isEqualTo(BigInteger.ONE.shiftLeft(64));
        // A borrow into the high word.
        Int128.subtract(1, 0, 0, 1, out);
        assertThat(of(out)).isEqualTo(MASK);
    }

    @Test
    void multiplyMatchesBigIntegerAndDetectsOverflow() {
        List<BigInteger> values = samples(2, 300);
        Random random = new Random(3);
        long[] out = new long[2];
        int ok = 0;
        int overflows = 0;
        for (BigInteger a : values) {
            for (int j = 0; j < 40; j++) {
                BigInteger b = values.get(random.nextInt(values.size()));
                if (random.nextInt(3) == 0) {
                    b = BigInteger.valueOf(random.nextLong() >> random.nextInt(64));
                }
                BigInteger product = a.multiply(b);
                BigInteger bb = b;
                if (fits(product)) {
                    ok++;
                    Int128.multiply(high(a), low(a), high(b), low(b), out);
                    assertThat(of(out)).as("%s * %s", a, b).isEqualTo(product);
                } else {
                    overflows++;
                    assertSqlState("22003", () -> Int128.multiply(high(a), low(a), high(bb), low(bb), new long[2]));
                }
            }
        }
        assertThat(ok).isGreaterThan(1000);
        assertThat(overflows).isGreaterThan(1000);
        // 64 x 64 bits never overflows 128 bits, even at the extremes.
        Int128.multiply(-1, Long.MIN_VALUE, -1, Long.MIN_VALUE, out);
        assertThat(of(out)).isEqualTo(BigInteger.TWO.pow(126));
        assertSqlState("22003", () -> Int128.multiply(high(MIN), low(MIN), -1, -1, new long[2]));
    }

    @Test
    void scaleUpAndScaleDownRoundedMatchBigDecimal() {
        List<BigInteger> values = samples(4, 500);
        long[] out = new long[2];
        for (BigInteger a : values) {
            for (int n = 0; n <= 40; n++) {
                BigInteger up = a.multiply(BigInteger.TEN.pow(n));
                int digits = n;
                if (fits(up)) {
                    Int128.scaleUp(high(a), low(a), n, out);
                    assertThat(of(out)).as("%s * 10^%d", a, n).isEqualTo(up);
                } else {
                    assertSqlState("22003", () -> Int128.scaleUp(high(a), low(a), digits, new long[2]));
                }
                // Half away from zero is BigDecimal's HALF_UP.
                BigInteger down = new BigDecimal(a).movePointLeft(n).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
                Int128.scaleDownRounded(high(a), low(a), n, out);
                assertThat(of(out)).as("%s / 10^%d", a, n).isEqualTo(down);
            }
        }
        // Halves round away from zero, on both the 64-bit and the 128-bit path.
        Int128.scaleDownRounded(0, 25, 1, out);
        assertThat(of(out)).isEqualTo(BigInteger.valueOf(3));
        Int128.scaleDownRounded(-1, -25, 1, out);
        assertThat(of(out)).isEqualTo(BigInteger.valueOf(-3));
        Int128.scaleDownRounded(0, 24, 1, out);
        assertThat(of(out)).isEqualTo(BigInteger.valueOf(2));
        BigInteger big = BigInteger.TEN.pow(30).multiply(BigInteger.valueOf(25));
        Int128.scaleDownRounded(high(big.negate()), low(big.negate()), 31, out);
        assertThat(of(out)).isEqualTo(BigInteger.valueOf(-3));
        Int128.scaleUp(0, 0, 50, out);
        assertThat(of(out)).isEqualTo(BigInteger.ZERO);
    }

    @Test
    void compareAndFitsPrecisionMatchBigInteger() {
        List<BigInteger> values = samples(5, 400);
        for (BigInteger a : values) {
            for (BigInteger b : values.subList(0, 60)) {
                assertThat(Integer.signum(Int128.compare(high(a), low(a), high(b), low(b))))
                        .as("compare %s, %s", a, b).isEqualTo(a.compareTo(b));
            }
            for (int p = 0; p <= 39; p++) {
                boolean expected = a.abs().compareTo(BigInteger.TEN.pow(p)) < 0;
                assertThat(Int128.fitsPrecision(high(a), low(a), p)).as("%s fits %d digits", a, p).isEqualTo(expected);
            }
        }
        // Unsigned comparison of the low words: 2^63 (low word negative as a long) is above 1.
        assertThat(Int128.compare(0, Long.MIN_VALUE, 0, 1)).isPositive();
        assertThat(Int128.fitsPrecision(high(MIN), low(MIN), 38)).isFalse();
        BigInteger tenTo38 = BigInteger.TEN.pow(38);
        assertThat(Int128.fitsPrecision(high(tenTo38), low(tenTo38), 38)).isFalse();
        BigInteger justBelow = tenTo38.subtract(BigInteger.ONE).negate();
        assertThat(Int128.fitsPrecision(high(justBelow), low(justBelow), 38)).isTrue();
        assertSqlState("22003", () -> Int128.checkPrecision(high(tenTo38), low(tenTo38), 38));
    }

    @Test
    void conversionsRoundTrip() {
        long[] out = new long[2];
        for (BigInteger a : samples(6, 300)) {
            assertThat(Int128.toBig(high(a), low(a))).isEqualTo(a);
            Int128.fromBig(a, out);
            assertThat(of(out)).isEqualTo(a);
            assertThat(Int128.toDouble(high(a), low(a))).isEqualTo(a.doubleValue());
        }
        assertSqlState("22003", () -> Int128.fromBig(MAX.add(BigInteger.ONE), new long[2]));
        assertSqlState("22003", () -> Int128.fromBig(MIN.subtract(BigInteger.ONE), new long[2]));
    }
}
