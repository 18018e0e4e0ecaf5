package dev.quiver.exec.function;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.math.BigInteger;

/**
 * Signed 128-bit integer arithmetic on (high, low) word pairs, for decimals wider than 18 digits.
 * Results are written to a caller-supplied {@code long[2]} ({@code [0]} high, {@code [1]} low) so
 * nothing is allocated per value. Overflow of 128 bits, and of a decimal precision where a method
 * takes one, raises a {@link QuiverException} like PostgreSQL's "numeric field overflow".
 */
public final class Int128 {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LOW_MASK = TWO_64.subtract(BigInteger.ONE);
    /** POW10[i] = 10^i as (high, low), i = 0..38. */
    static final long[] POW10_HIGH = new long[39];
    static final long[] POW10_LOW = new long[39];

    static {
        BigInteger p = BigInteger.ONE;
        for (int i = 0; i <= 38; i++) {
            POW10_HIGH[i] = p.shiftRight(64).longValue();
            POW10_LOW[i] = p.and(LOW_MASK).longValue();
            p = p.multiply(BigInteger.TEN);
        }
    }

    private Int128() {
    }

    /** out = a + b. */
    public static void add(long aHigh, long aLow, long bHigh, long bLow, long[] out) {
        long low = aLow + bLow;
        long high = aHigh + bHigh + carry(aLow, bLow, low);
        if (addOverflowed(aHigh, bHigh, high)) {
            throw overflow();
        }
        out[0] = high;
        out[1] = low;
    }

    /**
     * The carry (0 or 1) out of the unsigned 64-bit sum {@code low = a + b}: the top bit of the
     * carries, computed without a branch or comparison (an add whose carry is data-dependent stays
     * free of mispredictions).
     */
    public static long carry(long a, long b, long low) {
        return ((a & b) | ((a | b) & ~low)) >>> 63;
    }

    /** Whether the high words' signed sum {@code high = aHigh + bHigh (+ carry)} overflowed 64 bits. */
    public static boolean addOverflowed(long aHigh, long bHigh, long high) {
        return ((aHigh ^ high) & (bHigh ^ high)) < 0;
    }

    /** out = a - b. */
    public static void subtract(long aHigh, long aLow, long bHigh, long bLow, long[] out) {
        long low = aLow - bLow;
        long borrow = Long.compareUnsigned(aLow, bLow) < 0 ? 1 : 0;
        long high = aHigh - bHigh - borrow;
        if (((aHigh ^ bHigh) & (aHigh ^ high)) < 0) {
            throw overflow();
        }
        out[0] = high;
        out[1] = low;
    }

    /** out = -a. */
    public static void negate(long high, long low, long[] out) {
        long nLow = -low;
        long nHigh = ~high + (low == 0 ? 1 : 0);
        if (high == Long.MIN_VALUE && low == 0) {
            throw overflow();
        }
        out[0] = nHigh;
        out[1] = nLow;
    }

    /** out = a * b. */
    public static void multiply(long aHigh, long aLow, long bHigh, long bLow, long[] out) {
        if (aHigh == (aLow >> 63) && bHigh == (bLow >> 63)) {
            // Both fit in 64 bits: the exact product is multiplyHigh:product.
            out[0] = Math.multiplyHigh(aLow, bLow);
            out[1] = aLow * bLow;
            return;
        }
        fromBig(toBig(aHigh, aLow).multiply(toBig(bHigh, bLow)), out);
    }

    /** out = a * 10^n (n ≥ 0). */
    public static void scaleUp(long high, long low, int n, long[] out) {
        if (n == 0) {
            out[0] = high;
            out[1] = low;
            return;
        }
        if (n > 38) {
            if (high == 0 && low == 0) {
                out[0] = 0;
                out[1] = 0;
                return;
            }
            throw overflow();
        }
        multiply(high, low, POW10_HIGH[n], POW10_LOW[n], out);
    }

    /** out = a / 10^n rounded half away from zero (n ≥ 0). */
    public static void scaleDownRounded(long high, long low, int n, long[] out) {
        if (n == 0) {
            out[0] = high;
            out[1] = low;
            return;
        }
        if (high == (low >> 63) && n <= 18) {
            long v = Decimals.divideRounded(low, Decimals.POW10[n]);
            out[0] = v >> 63;
            out[1] = v;
            return;
        }
        BigInteger[] qr = toBig(high, low).divideAndRemainder(n > 38 ? BigInteger.TEN.pow(n) : toBig(POW10_HIGH[n], POW10_LOW[n]));
        BigInteger q = qr[0];
        if (qr[1].abs().shiftLeft(1).compareTo(BigInteger.TEN.pow(n)) >= 0) {
            q = q.add(BigInteger.valueOf(qr[1].signum()));
        }
        fromBig(q, out);
    }

    /** Compares two signed 128-bit values. */
    public static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int c = Long.compare(aHigh, bHigh);
        return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
    }

    /** Whether |a| < 10^precision, i.e. a fits a decimal of that precision. */
    public static boolean fitsPrecision(long high, long low, int precision) {
        if (precision >= 39) {
            return true;
        }
        long absHigh = high;
        long absLow = low;
        if (high < 0) {
            absLow = -low;
            absHigh = ~high + (low == 0 ? 1 : 0);
            if (absHigh < 0) {
                return false; // MIN_VALUE
            }
        }
        return compare(absHigh, absLow, POW10_HIGH[precision], POW10_LOW[precision]) < 0;
    }

    /** Checks the precision, raising numeric overflow otherwise. */
    public static void checkPrecision(long high, long low, int precision) {
        if (!fitsPrecision(high, low, precision)) {
            throw overflow();
        }
    }

    public static double toDouble(long high, long low) {
        if (high == (low >> 63)) {
            return low;
        }
        return toBig(high, low).doubleValue();
    }

    public static BigInteger toBig(long high, long low) {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    public static void fromBig(BigInteger v, long[] out) {
        if (v.bitLength() > 127) {
            throw overflow();
        }
        out[0] = v.shiftRight(64).longValue();
        out[1] = v.and(LOW_MASK).longValue();
    }

    public static QuiverException overflow() {
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow: value does not fit DECIMAL(38)");
    }
}
