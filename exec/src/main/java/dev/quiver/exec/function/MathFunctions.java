package dev.quiver.exec.function;

import dev.quiver.error.QuiverException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Numeric functions with PostgreSQL's domain errors. */
public final class MathFunctions {
    public static final int HALF_UP = 0;
    public static final int FLOOR = 1;
    public static final int CEIL = 2;
    /** SQLSTATE for arguments outside a function's domain (square root of a negative number, ...). */
    private static final String INVALID_ARGUMENT = "2201F";

    private MathFunctions() {
    }

    public static long abs(long x, int width) {
        return Arithmetic.abs(x, width);
    }

    /** sign of an integer or short decimal of the given scale, in that scale. */
    public static long sign(long x, int scale) {
        long one = scale == 0 ? 1 : Decimals.POW10[Math.min(scale, 18)];
        return x > 0 ? one : x < 0 ? -one : 0;
    }

    public static void abs128(long high, long low, long[] out) {
        if (high < 0) {
            Int128.negate(high, low, out);
        } else {
            out[0] = high;
            out[1] = low;
        }
    }

    public static double sqrt(double x) {
        if (x < 0) {
            throw new QuiverException(INVALID_ARGUMENT, "cannot take square root of a negative number");
        }
        return Math.sqrt(x);
    }

    public static double ln(double x) {
        if (x == 0) {
            throw new QuiverException("2201E", "cannot take logarithm of zero");
        }
        if (x < 0) {
            throw new QuiverException("2201E", "cannot take logarithm of a negative number");
        }
        return Math.log(x);
    }

    public static double exp(double x) {
        double r = Math.exp(x);
        if (Double.isInfinite(r) && !Double.isInfinite(x)) {
            throw new QuiverException("22003", "value out of range: overflow");
        }
        return r;
    }

    public static double power(double x, double y) {
        if (x == 0 && y < 0) {
            throw new QuiverException(INVALID_ARGUMENT, "zero raised to a negative power is undefined");
        }
        if (x < 0 && y != Math.floor(y)) {
            throw new QuiverException(INVALID_ARGUMENT, "a negative number raised to a non-integer power yields a complex result");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new QuiverException("22003", "value out of range: overflow");
        }
        return r;
    }

    /** round(double, digits): half to even at the given decimal digit, as PostgreSQL's rint for 0 digits. */
    public static double roundDouble(double x, long digits) {
        if (digits == 0) {
            return Math.rint(x);
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale((int) Math.max(-300, Math.min(300, digits)), RoundingMode.HALF_EVEN).doubleValue();
    }

    /** round(integer, digits): negative digits round to tens, hundreds, ... half away from zero. */
    public static long roundLong(long x, long digits, int width) {
        if (digits >= 0) {
            return x;
        }
        if (digits < -18) {
            return 0;
        }
        long p = Decimals.POW10[(int) -digits];
        return Arithmetic.multiply(Decimals.divideRounded(x, p), p, width);
    }

    /**
     * Rounds an unscaled decimal of scale {@code fromScale} to {@code digits} fractional digits by
     * {@code mode} (digits may be negative: round to tens, hundreds, ...), then expresses it at
     * {@code toScale} (≥ digits; extra digits are zeros), checks {@code toPrecision}, and writes
     * (high, low) to out.
     */
    public static void roundDecimal(long high, long low, int fromScale, long digits, int toScale, int toPrecision, int mode,
            long[] out) {
        long d = fromScale - digits;
        if (d <= 0) {
            Int128.scaleUp(high, low, toScale - fromScale, out);
        } else {
            int n = (int) Math.min(d, 77);
            if (mode == HALF_UP) {
                Int128.scaleDownRounded(high, low, n, out);
            } else if (high == (low >> 63) && n <= 18) {
                long p = Decimals.POW10[n];
                // Ceiling without negating (-Long.MIN_VALUE overflows): floor, plus one if inexact.
                long q = Math.floorDiv(low, p) + (mode == CEIL && Math.floorMod(low, p) != 0 ? 1 : 0);
                out[0] = q >> 63;
                out[1] = q;
            } else {
                BigInteger v = Int128.toBig(high, low);
                BigInteger[] qr = v.divideAndRemainder(BigInteger.TEN.pow(n));
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && (mode == FLOOR) == (qr[1].signum() < 0)) {
                    q = q.add(BigInteger.valueOf(mode == FLOOR ? -1 : 1));
                }
                Int128.fromBig(q, out);
            }
            Int128.scaleUp(out[0], out[1], (int) (toScale - (fromScale - n)), out);
        }
        if (!Int128.fitsPrecision(out[0], out[1], toPrecision)) {
            throw Decimals.overflow(toPrecision, toScale);
        }
    }

    /** The sign (-1, 0, 1) of a 128-bit value. */
    public static long signum128(long high, long low) {
        return high != 0 ? Long.signum(high) : (low == 0 ? 0 : 1);
    }
}
