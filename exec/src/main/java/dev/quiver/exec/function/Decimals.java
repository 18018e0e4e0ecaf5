package dev.quiver.exec.function;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic on unscaled values. A short decimal (precision ≤ 18) is one {@code long};
 * wide ones use {@link Int128}. Rounding is half away from zero, as in PostgreSQL's numeric.
 */
public final class Decimals {
    /** POW10[i] = 10^i for i = 0..18. */
    public static final long[] POW10 = new long[19];
    /** 2^53: every integer of at most this magnitude is exactly a double. */
    private static final long MAX_EXACT_DOUBLE_INTEGER = 1L << 53;

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Decimals() {
    }

    /** a / b rounded half away from zero (b ≠ 0, no overflow possible except MIN/-1). */
    public static long divideRounded(long a, long b) {
        long q = a / b;
        long r = a % b;
        if (r != 0 && Math.abs(r) >= Math.abs(b) - Math.abs(r)) {
            q += ((a ^ b) < 0) ? -1 : 1;
        }
        return q;
    }

    /** Changes the scale of a short unscaled value, rounding when it shrinks; checks the target precision. */
    public static long rescale(long v, int fromScale, int toScale, int toPrecision) {
        long r;
        if (toScale >= fromScale) {
            int d = toScale - fromScale;
            if (d > 18) {
                if (v != 0) {
                    throw overflow(toPrecision, toScale);
                }
                return 0;
            }
            long hi = Math.multiplyHigh(v, POW10[d]);
            r = v * POW10[d];
            if ((hi != 0 || r < 0) && (hi != -1 || r >= 0)) {
                throw overflow(toPrecision, toScale);
            }
        } else {
            int d = fromScale - toScale;
            r = d > 18 ? 0 : divideRounded(v, POW10[d]);
        }
        return checkPrecision(r, toPrecision, toScale);
    }

    /** Checks |v| < 10^precision for a short decimal. */
    public static long checkPrecision(long v, int precision, int scale) {
        if (precision < 19 && (v >= POW10[precision] || v <= -POW10[precision])) {
            throw overflow(precision, scale);
        }
        return v;
    }

    /** A short unscaled value as double. */
    public static double toDouble(long unscaled, int scale) {
        return scale == 0 ? unscaled : unscaled / (double) POW10Double(scale);
    }

    public static double toDouble(long high, long low, int scale) {
        if (high == (low >> 63)) {
            return toDouble(low, scale);
        }
        return new BigDecimal(Int128.toBig(high, low), scale).doubleValue();
    }

    /**
     * The double nearest to the exact average {@code (high:low / 10^scale) / count} of an exact sum,
     * {@code count > 0}: the quotient is rounded once, so that the averages of equal values are
     * equal whatever their number (converting the sum to a double first and then dividing rounds
     * twice: three times 385.900 would average 385.90000000000003).
     */
    public static double average(long high, long low, int scale, long count) {
        // One IEEE division of two exactly representable operands is correctly rounded.
        if (high == (low >> 63) && low >= -MAX_EXACT_DOUBLE_INTEGER && low <= MAX_EXACT_DOUBLE_INTEGER
                && scale < POW10.length && count <= MAX_EXACT_DOUBLE_INTEGER / POW10[scale]) {
            return low / (double) (count * POW10[scale]);
        }
        return new BigDecimal(Int128.toBig(high, low), scale).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128)
                .doubleValue();
    }

    private static double POW10Double(int scale) {
        return scale < POW10.length ? (double) POW10[scale] : Math.pow(10, scale);
    }

    /** A double rounded to a short decimal of the given type. */
    public static long fromDouble(double d, int precision, int scale) {
        BigInteger u = fromDoubleBig(d, precision, scale);
        return u.longValueExact();
    }

    public static void fromDouble(double d, int precision, int scale, long[] out) {
        Int128.fromBig(fromDoubleBig(d, precision, scale), out);
    }

    private static BigInteger fromDoubleBig(double d, int precision, int scale) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "cannot convert " + d + " to DECIMAL");
        }
        BigDecimal v = BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP);
        if (v.precision() - v.scale() > precision - scale && v.signum() != 0) {
            throw overflow(precision, scale);
        }
        return v.unscaledValue();
    }

    /**
     * Exact quotient of two decimals, rounded half away from zero to the result scale: a is scaled
     * by {@code aScale}, b by {@code bScale}. Overflow and division by zero raise errors.
     */
    public static BigInteger divide(BigInteger a, int aScale, BigInteger b, int bScale, int resultPrecision, int resultScale) {
        if (b.signum() == 0) {
            throw Arithmetic.divisionByZero();
        }
        // a/10^as / (b/10^bs) * 10^rs = a * 10^(rs - as + bs) / b
        int shift = resultScale - aScale + bScale;
        BigInteger numerator = shift >= 0 ? a.multiply(BigInteger.TEN.pow(shift)) : a;
        BigInteger denominator = shift >= 0 ? b : b.multiply(BigInteger.TEN.pow(-shift));
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].abs().shiftLeft(1).compareTo(denominator.abs()) >= 0) {
            q = q.add(BigInteger.valueOf(numerator.signum() * denominator.signum()));
        }
        if (q.abs().compareTo(BigInteger.TEN.pow(resultPrecision)) >= 0) {
            throw overflow(resultPrecision, resultScale);
        }
        return q;
    }

    /** Remainder of decimals of one scale (sign of the dividend). */
    public static long modulus(long a, long b) {
        if (b == 0) {
            throw Arithmetic.divisionByZero();
        }
        return a % b;
    }

    public static QuiverException overflow(int precision, int scale) {
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "numeric field overflow: a field with precision " + precision + ", scale " + scale
                        + " must round to an absolute value less than 10^" + (precision - scale));
    }

    /** The unscaled value of a decimal text rendering, e.g. (12345, 2) → "123.45". */
    public static String format(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    public static String format(long high, long low, int scale) {
        return new BigDecimal(Int128.toBig(high, low), scale).toPlainString();
    }
}
