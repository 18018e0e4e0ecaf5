package dev.quiver.exec.function;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** round/floor/ceil of decimals against BigDecimal, integer rounding, and the domain errors. */
class MathFunctionsTest {
    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static BigInteger roundDecimal(BigInteger v, int fromScale, long digits, int toScale, int mode) {
        long[] out = new long[2];
        MathFunctions.roundDecimal(v.shiftRight(64).longValue(), v.and(MASK).longValue(), fromScale, digits, toScale, 38, mode, out);
        return Int128.toBig(out[0], out[1]);
    }

    static RoundingMode mode(int m) {
        return m == MathFunctions.FLOOR ? RoundingMode.FLOOR : m == MathFunctions.CEIL ? RoundingMode.CEILING : RoundingMode.HALF_UP;
    }

    @Test
    void roundFloorAndCeilOfDecimalsMatchBigDecimal() {
        Random random = new Random(101);
        BigInteger[] edges = {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
                BigInteger.valueOf(Long.MIN_VALUE + 1), BigInteger.valueOf(-5), BigInteger.valueOf(5), BigInteger.valueOf(-15),
                BigInteger.valueOf(25), BigInteger.ZERO, BigInteger.TEN.pow(30).negate().add(BigInteger.valueOf(5))};
        for (int i = 0; i < 100_000; i++) {
            BigInteger v = i < 3000 ? edges[i % edges.length]
                    : new BigInteger(1 + random.nextInt(110), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
            int fromScale = random.nextInt(12);
            long digits = random.nextInt(18) - 5;
            int effective = (int) Math.min(digits, fromScale);
            int toScale = Math.max(0, effective) + random.nextInt(3);
            int m = random.nextInt(3);
            BigDecimal expected = new BigDecimal(v, fromScale).setScale(effective, mode(m)).setScale(toScale);
            if (expected.unscaledValue().abs().compareTo(BigInteger.TEN.pow(38)) >= 0) {
                continue;
            }
            assertThat(roundDecimal(v, fromScale, digits, toScale, m))
                    .as("%s scale %d to %d digits (%s) at scale %d", v, fromScale, digits, mode(m), toScale)
                    .isEqualTo(expected.unscaledValue());
        }
    }

    @Test
    void ceilOfTheSmallest64BitValueStaysNegative() {
        // -922337203685477.5808 as DECIMAL(19,4): its unscaled value is Long.MIN_VALUE.
        BigInteger v = BigInteger.valueOf(Long.MIN_VALUE);
        assertThat(roundDecimal(v, 4, 0, 0, MathFunctions.CEIL)).isEqualTo(BigInteger.valueOf(-922337203685477L));
        assertThat(roundDecimal(v, 4, 0, 0, MathFunctions.FLOOR)).isEqualTo(BigInteger.valueOf(-922337203685478L));
        assertThat(roundDecimal(v, 4, 0, 0, MathFunctions.HALF_UP)).isEqualTo(BigInteger.valueOf(-922337203685478L));
    }

    @Test
    void roundingOverflowIsAnError() {
        BigInteger nines = BigInteger.TEN.pow(5).subtract(BigInteger.ONE); // 999.99 as DECIMAL(5,2)
        long[] out = new long[2];
        assertSqlState("22003", () -> MathFunctions.roundDecimal(0, nines.longValue(), 2, 0, 0, 3, MathFunctions.HALF_UP, out));
        MathFunctions.roundDecimal(0, nines.longValue(), 2, 0, 0, 4, MathFunctions.HALF_UP, out);
        assertThat(out[1]).isEqualTo(1000);
    }

    @Test
    void integerRoundingAndSign() {
        assertThat(MathFunctions.roundLong(15, -1, 32)).isEqualTo(20);
        assertThat(MathFunctions.roundLong(-15, -1, 32)).isEqualTo(-20);
        assertThat(MathFunctions.roundLong(14, -1, 32)).isEqualTo(10);
        assertThat(MathFunctions.roundLong(1234, 2, 32)).isEqualTo(1234);
        assertThat(MathFunctions.roundLong(1250, -2, 16)).isEqualTo(1300);
        assertThat(MathFunctions.roundLong(32764, -1, 16)).isEqualTo(32760);
        assertSqlState("22003", () -> MathFunctions.roundLong(32765, -1, 16));
        assertSqlState("22003", () -> MathFunctions.roundLong(Long.MAX_VALUE, -1, 64));
        assertThat(MathFunctions.sign(-42, 0)).isEqualTo(-1);
        assertThat(MathFunctions.sign(42, 2)).isEqualTo(100); // 1.00
        assertThat(MathFunctions.sign(0, 2)).isZero();
        assertThat(MathFunctions.signum128(-1, 0)).isEqualTo(-1);
        assertThat(MathFunctions.signum128(0, Long.MIN_VALUE)).isEqualTo(1); // 2^63 is positive
        assertThat(MathFunctions.signum128(0, 0)).isZero();
        long[] out = new long[2];
        MathFunctions.abs128(-1, -7, out);
        assertThat(out).containsExactly(0, 7);
        assertSqlState("22003", () -> MathFunctions.abs128(Long.MIN_VALUE, 0, new long[2]));
        assertSqlState("22003", () -> MathFunctions.abs(Integer.MIN_VALUE, 32));
        assertThat(MathFunctions.roundDouble(2.5, 0)).isEqualTo(2.0); // rint: half to even
        assertThat(MathFunctions.roundDouble(3.5, 0)).isEqualTo(4.0);
        assertThat(MathFunctions.roundDouble(-2.5, 0)).isEqualTo(-2.0);
    }

    @Test
    void domainErrors() {
        assertSqlState("2201F", () -> MathFunctions.sqrt(-1));
        assertThat(MathFunctions.sqrt(-0.0)).isEqualTo(-0.0);
        assertSqlState("2201E", () -> MathFunctions.ln(0));
        assertSqlState("2201E", () -> MathFunctions.ln(-1));
        assertSqlState("22003", () -> MathFunctions.exp(1000));
        assertThat(MathFunctions.exp(-1000)).isZero();
        assertSqlState("2201F", () -> MathFunctions.power(0, -1));
        assertSqlState("2201F", () -> MathFunctions.power(-8, 1.0 / 3));
        assertSqlState("22003", () -> MathFunctions.power(10, 400));
        assertThat(MathFunctions.power(-2, 3)).isEqualTo(-8.0);
        assertThat(MathFunctions.power(0, 0)).isEqualTo(1.0);
        assertThat(MathFunctions.ln(Math.E)).isEqualTo(1.0);
    }
}
