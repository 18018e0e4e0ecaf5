package dev.quiver.exec.function;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.QuiverException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimal rescaling and rounding, and integer and floating arithmetic with PostgreSQL's errors. */
class DecimalsAndArithmeticTest {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Test
    void divideRoundedIsHalfAwayFromZero() {
        assertThat(Decimals.divideRounded(5, 2)).isEqualTo(3);
        assertThat(Decimals.divideRounded(-5, 2)).isEqualTo(-3);
        assertThat(Decimals.divideRounded(5, -2)).isEqualTo(-3);
        assertThat(Decimals.divideRounded(-5, -2)).isEqualTo(3);
        assertThat(Decimals.divideRounded(7, 2)).isEqualTo(4);
        assertThat(Decimals.divideRounded(1, 3)).isEqualTo(0);
        assertThat(Decimals.divideRounded(2, 3)).isEqualTo(1);
        assertThat(Decimals.divideRounded(-2, 3)).isEqualTo(-1);
        assertThat(Decimals.divideRounded(-1, 3)).isEqualTo(0);
        assertThat(Decimals.divideRounded(149, 100)).isEqualTo(1);
        assertThat(Decimals.divideRounded(150, 100)).isEqualTo(2);
        assertThat(Decimals.divideRounded(-150, 100)).isEqualTo(-2);
        assertThat(Decimals.divideRounded(Long.MAX_VALUE, 2)).isEqualTo(Long.MAX_VALUE / 2 + 1);

        Random random = new Random(11);
        long[] edges = {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 62, (1L << 62) - 1, -(1L << 62), 1, -1, 2, -2, 3};
        for (int i = 0; i < 200_000; i++) {
            long a = i < 121 ? edges[i % 11] : random.nextLong() >> random.nextInt(64);
            long b = i < 121 ? edges[i / 11] : random.nextLong() >> random.nextInt(64);
            if (b == 0 || (a == Long.MIN_VALUE && b == -1)) {
                continue;
            }
            long expected = new BigDecimal(a).divide(new BigDecimal(b), 0, RoundingMode.HALF_UP).longValueExact();
            assertThat(Decimals.divideRounded(a, b)).as("%d / %d", a, b).isEqualTo(expected);
        }
    }

    @Test
    void rescaleRoundsAndChecksPrecision() {
        assertThat(Decimals.rescale(12345, 2, 1, 10)).isEqualTo(1235); // 123.45 -> 123.5
        assertThat(Decimals.rescale(-12345, 2, 1, 10)).isEqualTo(-1235);
        assertThat(Decimals.rescale(-12344, 2, 1, 10)).isEqualTo(-1234);
        assertThat(Decimals.rescale(5, 1, 0, 10)).isEqualTo(1); // 0.5 -> 1
        assertThat(Decimals.rescale(-5, 1, 0, 10)).isEqualTo(-1);
        assertThat(Decimals.rescale(123, 0, 3, 6)).isEqualTo(123000);
        assertSqlState("22003", () -> Decimals.rescale(1000, 0, 3, 6)); // 1000.000 needs 7 digits
        assertSqlState("22003", () -> Decimals.rescale(99995, 2, 1, 4)); // 999.95 -> 1000.0 needs 5 digits
        assertSqlState("22003", () -> Decimals.rescale(Long.MAX_VALUE / 10, 0, 2, 18));

        Random random = new Random(12);
        for (int i = 0; i < 100_000; i++) {
            int fromScale = random.nextInt(19);
            int toScale = random.nextInt(19);
            int toPrecision = Math.max(toScale, 1 + random.nextInt(18));
            long v = (random.nextLong() % Decimals.POW10[18]) >> random.nextInt(60);
            BigInteger expected = new BigDecimal(BigInteger.valueOf(v), fromScale).setScale(toScale, RoundingMode.HALF_UP)
                    .unscaledValue();
            if (expected.abs().compareTo(BigInteger.TEN.pow(toPrecision)) >= 0) {
                assertSqlState("22003", () -> Decimals.rescale(v, fromScale, toScale, toPrecision));
            } else {
                assertThat(Decimals.rescale(v, fromScale, toScale, toPrecision))
                        .as("%d scale %d -> scale %d", v, fromScale, toScale).isEqualTo(expected.longValueExact());
            }
        }
    }

    @Test
    void decimalDivisionRoundsTheExactQuotient() {
        // 1.00 / 3 at scale 4 = 0.3333; 2.00 / 3 = 0.6667; -2.00 / 3 = -0.6667
        assertThat(Decimals.divide(BigInteger.valueOf(100), 2, BigInteger.valueOf(3), 0, 10, 4)).isEqualTo(3333);
        assertThat(Decimals.divide(BigInteger.valueOf(200), 2, BigInteger.valueOf(3), 0, 10, 4)).isEqualTo(6667);
        assertThat(Decimals.divide(BigInteger.valueOf(-200), 2, BigInteger.valueOf(3), 0, 10, 4)).isEqualTo(-6667);
        assertThat(Decimals.divide(BigInteger.valueOf(200), 2, BigInteger.valueOf(-3), 0, 10, 4)).isEqualTo(-6667);
        // 1 / 8 at scale 2 = 0.125 -> 0.13 (half away from zero); -0.125 -> -0.13
        assertThat(Decimals.divide(BigInteger.ONE, 0, BigInteger.valueOf(8), 0, 10, 2)).isEqualTo(13);
        assertThat(Decimals.divide(BigInteger.ONE.negate(), 0, BigInteger.valueOf(8), 0, 10, 2)).isEqualTo(-13);
        assertSqlState("22012", () -> Decimals.divide(BigInteger.ONE, 0, BigInteger.ZERO, 0, 10, 2));
        assertSqlState("22003", () -> Decimals.divide(BigInteger.valueOf(1000), 0, BigInteger.ONE, 0, 3, 0));
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = new BigInteger(1 + random.nextInt(100), random).subtract(BigInteger.TEN.pow(15));
            BigInteger b = new BigInteger(1 + random.nextInt(60), random).subtract(BigInteger.TEN.pow(9));
            if (b.signum() == 0) {
                continue;
            }
            int as = random.nextInt(10);
            int bs = random.nextInt(10);
            int rs = random.nextInt(12);
            BigInteger expected = new BigDecimal(a, as).divide(new BigDecimal(b, bs), rs, RoundingMode.HALF_UP).unscaledValue();
            if (expected.abs().compareTo(BigInteger.TEN.pow(38)) < 0) {
                assertThat(Decimals.divide(a, as, b, bs, 38, rs)).isEqualTo(expected);
            }
        }
    }

    @Test
    void decimalConversionsAndFormatting() {
        assertThat(Decimals.fromDouble(1.005, 10, 2)).isEqualTo(101); // Double.toString(1.005) = "1.005": half up
        assertThat(Decimals.fromDouble(-2.5, 10, 0)).isEqualTo(-3);
        assertThat(Decimals.fromDouble(0.0001, 10, 2)).isEqualTo(0);
        assertSqlState("22003", () -> Decimals.fromDouble(1000, 5, 2));
        assertSqlState("22003", () -> Decimals.fromDouble(Double.NaN, 5, 2));
        assertThat(Decimals.toDouble(12345, 2)).isEqualTo(123.45);
        assertThat(Decimals.format(-5, 2)).isEqualTo("-0.05");
        assertThat(Decimals.format(-1, -1, 3)).isEqualTo("-0.001");
        assertThat(Decimals.format(0, 0, 0)).isEqualTo("0");
        assertSqlState("22012", () -> Decimals.modulus(5, 0));
        assertThat(Decimals.modulus(-7, 2)).isEqualTo(-1);
    }

    // ---------------------------------------------------------------- integer arithmetic

    private static final int[] WIDTHS = {8, 16, 32, 64};

    private static BigInteger min(int width) {
        return BigInteger.ONE.shiftLeft(width - 1).negate();
    }

    private static BigInteger max(int width) {
        return BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE);
    }

    private static String typeName(int width) {
        return switch (width) {
            case 8 -> "tinyint";
            case 16 -> "smallint";
            case 32 -> "integer";
            default -> "bigint";
        };
    }

    private static long randomIn(Random random, int width) {
        long v = random.nextLong() >> random.nextInt(64);
        return width == 64 ? v : v >> (64 - width); // arithmetic shift keeps it in range
    }

    private interface LongOp {
        long apply(long a, long b, int width);
    }

    private static void checkAgainstBigInteger(String name, LongOp op, java.util.function.BinaryOperator<BigInteger> reference) {
        Random random = new Random(name.hashCode());
        for (int width : WIDTHS) {
            long lo = min(width).longValueExact();
            long hi = max(width).longValueExact();
            long[] edges = {lo, hi, lo + 1, hi - 1, 0, 1, -1, 2, -2};
            int overflows = 0;
            for (int i = 0; i < 50_000; i++) {
                long a = i < 81 ? edges[i % 9] : randomIn(random, width);
                long b = i < 81 ? edges[i / 9] : randomIn(random, width);
                BigInteger expected = reference.apply(BigInteger.valueOf(a), BigInteger.valueOf(b));
                if (expected.compareTo(min(width)) < 0 || expected.compareTo(max(width)) > 0) {
                    overflows++;
                    QuiverException e = assertSqlState("22003", () -> op.apply(a, b, width));
                    assertThat(e.getMessage()).isEqualTo(typeName(width) + " out of range");
                } else {
                    assertThat(op.apply(a, b, width)).as("%s(%d, %d) width %d", name, a, b, width)
                            .isEqualTo(expected.longValueExact());
                }
            }
            assertThat(overflows).as(name + " overflow cases at width " + width).isPositive();
        }
    }

    @Test
    void integerAddSubtractMultiplyCheckEachWidth() {
        checkAgainstBigInteger("add", Arithmetic::add, BigInteger::add);
        checkAgainstBigInteger("subtract", Arithmetic::subtract, BigInteger::subtract);
        checkAgainstBigInteger("multiply", Arithmetic::multiply, BigInteger::multiply);
    }

    @Test
    void integerDivisionTruncatesAndFailsOnZeroAndOverflow() {
        for (int width : WIDTHS) {
            long lo = min(width).longValueExact();
            assertSqlState("22012", () -> Arithmetic.divide(1, 0, width));
            assertSqlState("22012", () -> Arithmetic.divide(0, 0, width));
            assertSqlState("22012", () -> Arithmetic.modulus(1, 0));
            assertSqlState("22003", () -> Arithmetic.divide(lo, -1, width));
            assertSqlState("22003", () -> Arithmetic.negate(lo, width));
            assertSqlState("22003", () -> Arithmetic.abs(lo, width));
            assertThat(Arithmetic.modulus(lo, -1)).isZero();
            assertThat(Arithmetic.divide(lo + 1, -1, width)).isEqualTo(-(lo + 1));
        }
        assertThat(Arithmetic.divide(-7, 2, 32)).isEqualTo(-3);
        assertThat(Arithmetic.divide(7, -2, 32)).isEqualTo(-3);
        assertThat(Arithmetic.modulus(-7, 2)).isEqualTo(-1);
        assertThat(Arithmetic.modulus(7, -2)).isEqualTo(1);
        Random random = new Random(21);
        for (int i = 0; i < 50_000; i++) {
            long a = randomIn(random, 64);
            long b = randomIn(random, 64);
            if (b == 0 || (a == Long.MIN_VALUE && b == -1)) {
                continue;
            }
            BigInteger[] qr = BigInteger.valueOf(a).divideAndRemainder(BigInteger.valueOf(b));
            assertThat(Arithmetic.divide(a, b, 64)).isEqualTo(qr[0].longValueExact());
            assertThat(Arithmetic.modulus(a, b)).isEqualTo(qr[1].longValueExact());
        }
        assertThat(Arithmetic.check(127, 8)).isEqualTo(127);
        assertSqlState("22003", () -> Arithmetic.check(128, 8));
        assertSqlState("22003", () -> Arithmetic.check(-32769, 16));
        assertSqlState("22003", () -> Arithmetic.check(1L << 31, 32));
    }

    @Test
    void floatingArithmeticFailsOnOverflowUnderflowAndZeroDivisor() {
        assertSqlState("22003", () -> Arithmetic.addDouble(Double.MAX_VALUE, Double.MAX_VALUE));
        assertSqlState("22003", () -> Arithmetic.subtractDouble(-Double.MAX_VALUE, Double.MAX_VALUE));
        assertSqlState("22003", () -> Arithmetic.multiplyDouble(1e200, 1e200));
        assertSqlState("22003", () -> Arithmetic.multiplyDouble(1e-200, 1e-200)); // underflow
        assertSqlState("22003", () -> Arithmetic.divideDouble(1e300, 1e-300));
        assertSqlState("22012", () -> Arithmetic.divideDouble(1, 0));
        assertSqlState("22012", () -> Arithmetic.divideDouble(1, -0.0));
        assertSqlState("22012", () -> Arithmetic.divideDouble(Double.NaN, 0));
        assertSqlState("22012", () -> Arithmetic.modulusDouble(1, 0));
        assertSqlState("22003", () -> Arithmetic.toReal(1e39));
        // Infinite inputs give infinite results without error; NaN propagates.
        assertThat(Arithmetic.addDouble(Double.POSITIVE_INFINITY, 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Arithmetic.multiplyDouble(Double.POSITIVE_INFINITY, -2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Arithmetic.addDouble(Double.NaN, 1)).isNaN();
        assertThat(Arithmetic.multiplyDouble(0, 1e-300)).isZero();
        assertThat(Arithmetic.toReal(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Arithmetic.toReal(0.1)).isEqualTo((double) 0.1f);
        assertThat(Arithmetic.divideDouble(1, 4)).isEqualTo(0.25);
    }

    @Test
    void doubleComparisonPutsNanLastAndEqualsNegativeZero() {
        double nan2 = Double.longBitsToDouble(0x7ff8000000000123L);
        assertThat(Arithmetic.compareDouble(Double.NaN, nan2)).isZero();
        assertThat(Arithmetic.compareDouble(Double.NaN, Double.POSITIVE_INFINITY)).isPositive();
        assertThat(Arithmetic.compareDouble(Double.POSITIVE_INFINITY, Double.NaN)).isNegative();
        assertThat(Arithmetic.compareDouble(-0.0, 0.0)).isZero();
        assertThat(Arithmetic.compareDouble(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE)).isNegative();
        assertThat(Arithmetic.compareDouble(1.5, 2.5)).isNegative();
    }

    @Test
    void averageIsTheDoubleNearestTheExactQuotient() {
        // 3 × 385.900 = 1157.700: the sum as a double divided by 3 is 385.90000000000003.
        assertThat(Decimals.average(0, 1_157_700, 3, 3)).isEqualTo(385.9);
        assertThat(Decimals.average(0, 771_800, 3, 2)).isEqualTo(385.9);
        assertThat(Decimals.average(-1, -1, 0, 2)).isEqualTo(-0.5);
        Random random = new Random(11);
        long[] wide = new long[2];
        for (int i = 0; i < 20_000; i++) {
            int scale = random.nextInt(20);
            long count = 1 + (random.nextBoolean() ? random.nextInt(10) : random.nextLong() >>> (1 + random.nextInt(63)));
            BigInteger sum = i % 2 == 0 ? BigInteger.valueOf(random.nextLong() >> random.nextInt(64))
                    : new BigInteger(100, random).subtract(BigInteger.ONE.shiftLeft(99));
            Int128.fromBig(sum, wide);
            double expected = new BigDecimal(sum, scale)
                    .divide(BigDecimal.valueOf(count), new java.math.MathContext(60)).doubleValue();
            assertThat(Decimals.average(wide[0], wide[1], scale, count)).as("%s / 10^%d / %d", sum, scale, count)
                    .isEqualTo(expected);
        }
    }
}
