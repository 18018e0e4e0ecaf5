package dev.quiver.exec.function;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numeric conversions and PostgreSQL's text output of floating-point numbers. */
class CastsTest {
    @Test
    void doublesPrintLikePostgres() {
        assertThat(Casts.formatDouble(0.1)).isEqualTo("0.1");
        assertThat(Casts.formatDouble(1e15)).isEqualTo("1e+15");
        assertThat(Casts.formatDouble(1e14)).isEqualTo("100000000000000");
        assertThat(Casts.formatDouble(123456789012345.0)).isEqualTo("123456789012345");
        assertThat(Casts.formatDouble(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(Casts.formatDouble(1e-4)).isEqualTo("0.0001");
        assertThat(Casts.formatDouble(1.234e-5)).isEqualTo("1.234e-05");
        assertThat(Casts.formatDouble(100)).isEqualTo("100");
        assertThat(Casts.formatDouble(-2.5)).isEqualTo("-2.5");
        assertThat(Casts.formatDouble(0.0)).isEqualTo("0");
        assertThat(Casts.formatDouble(-0.0)).isEqualTo("-0");
        assertThat(Casts.formatDouble(Double.NaN)).isEqualTo("NaN");
        assertThat(Casts.formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Casts.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(Casts.formatDouble(1e100)).isEqualTo("1e+100");
        assertThat(Casts.formatDouble(-1.25e-300)).isEqualTo("-1.25e-300");
        assertThat(Casts.formatDouble(0.3)).isEqualTo("0.3");
        assertThat(Casts.formatDouble(1 / 3.0)).isEqualTo("0.3333333333333333");
        assertThat(Casts.formatDouble(123.456)).isEqualTo("123.456");
        assertThat(Casts.formatDouble(1234567.5)).isEqualTo("1234567.5");
        assertThat(Casts.formatDouble(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        // Values JDK 17's Double.toString prints with more digits than needed.
        assertThat(Casts.formatDouble(1e23)).isEqualTo("1e+23");
        assertThat(Casts.formatDouble(8.41e21)).isEqualTo("8.41e+21");
        assertThat(Casts.formatDouble(2.82879384806159e17)).isEqualTo("2.82879384806159e+17");
        assertThat(Casts.formatDouble(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(Casts.formatDouble(-Double.MIN_VALUE)).isEqualTo("-5e-324");
    }

    @Test
    void realsPrintLikePostgres() {
        assertThat(Casts.formatReal(0.1f)).isEqualTo("0.1");
        assertThat(Casts.formatReal(1e6f)).isEqualTo("1e+06");
        assertThat(Casts.formatReal(100000f)).isEqualTo("100000");
        assertThat(Casts.formatReal(123456f)).isEqualTo("123456");
        assertThat(Casts.formatReal(1.5e-5f)).isEqualTo("1.5e-05");
        assertThat(Casts.formatReal(-0.0f)).isEqualTo("-0");
        assertThat(Casts.formatReal(3.4028235e38f)).isEqualTo("3.4028235e+38");
        assertThat(Casts.formatReal(Float.MIN_VALUE)).isEqualTo("1e-45");
        assertThat(Casts.formatReal(Float.NaN)).isEqualTo("NaN");
        assertThat(Casts.formatReal(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(Casts.formatReal(1.1f)).isEqualTo("1.1");
    }

    /** The shortest decimal that reads back as d, nearest to d (as Ryu and PostgreSQL choose). */
    static BigDecimal shortest(double d, boolean single) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; ; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (single ? r.floatValue() == (float) d : r.doubleValue() == d) {
                return r.stripTrailingZeros();
            }
        }
    }

    static void checkLayout(double d, String text, boolean single) {
        BigDecimal expected = shortest(Math.abs(d), single);
        int exponent = expected.precision() - expected.scale() - 1;
        String sign = d < 0 ? "-" : "";
        String digits = expected.unscaledValue().toString();
        String want;
        if (exponent < -4 || exponent >= (single ? 6 : 15)) {
            String e = String.format("%02d", Math.abs(exponent));
            want = sign + (digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e"
                    + (exponent < 0 ? "-" : "+") + e;
        } else {
            want = sign + expected.toPlainString();
        }
        assertThat(text).as("%s (%s)", d, single ? "real" : "double").isEqualTo(want);
    }

    @Test
    void randomDoublesPrintTheirShortestRoundTrippingDigits() {
        Random random = new Random(51);
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> Math.round(random.nextDouble() * 1e6) / 100.0;
                default -> random.nextLong() / 1e3;
            };
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            String text = Casts.formatDouble(d);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(d);
            checkLayout(d, text, false);
        }
        for (int i = 0; i < 20_000; i++) {
            float f = i % 2 == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) (random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
            if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
                continue;
            }
            String text = Casts.formatReal(f);
            assertThat(Float.parseFloat(text)).as(text).isEqualTo(f);
            checkLayout(f, text, true);
        }
    }

    @Test
    void numericConversionsRoundAndCheckRange() {
        // numeric -> integer: half away from zero
        assertThat(Casts.decimalToLong(25, 1, 32)).isEqualTo(3);
        assertThat(Casts.decimalToLong(-25, 1, 32)).isEqualTo(-3);
        assertThat(Casts.decimalToLong(-24, 1, 32)).isEqualTo(-2);
        assertThat(Casts.decimalToLong(12749, 2, 8)).isEqualTo(127);
        assertSqlState("22003", () -> Casts.decimalToLong(12750, 2, 8));
        long[] scratch = new long[2];
        assertThat(Casts.decimal128ToLong(-1, -15, 1, 64, scratch)).isEqualTo(-2);
        assertSqlState("22003", () -> Casts.decimal128ToLong(1, 0, 0, 64, new long[2]));
        assertSqlState("22003", () -> Casts.decimal128ToLong(0, 1L << 31, 0, 32, new long[2]));
        // double -> integer: half to even (rint)
        assertThat(Casts.doubleToLong(2.5, 32)).isEqualTo(2);
        assertThat(Casts.doubleToLong(3.5, 32)).isEqualTo(4);
        assertThat(Casts.doubleToLong(-2.5, 32)).isEqualTo(-2);
        assertThat(Casts.doubleToLong(-2.6, 32)).isEqualTo(-3);
        assertThat(Casts.doubleToLong(32767.4, 16)).isEqualTo(32767);
        assertSqlState("22003", () -> Casts.doubleToLong(32767.5, 16));
        assertSqlState("22003", () -> Casts.doubleToLong(9.3e18, 64));
        assertSqlState("22003", () -> Casts.doubleToLong(Double.NaN, 64));
        assertSqlState("22003", () -> Casts.doubleToLong(Double.NEGATIVE_INFINITY, 64));
        assertThat(Casts.doubleToLong(-9.223372036854775808e18, 64)).isEqualTo(Long.MIN_VALUE);
        // integer -> decimal
        assertThat(Casts.longToDecimal(123, 5, 2)).isEqualTo(12300);
        assertSqlState("22003", () -> Casts.longToDecimal(1000, 5, 2));
        assertThat(Casts.formatDecimal(-12345, 3)).isEqualTo("-12.345");
        assertThat(Casts.formatBoolean(true)).isEqualTo("true");
        assertThat(Casts.formatDate(0)).isEqualTo("1970-01-01");
    }
}
