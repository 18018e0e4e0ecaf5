package dev.quiver.exec.function;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.type.DateTimes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Run-time conversions between numeric types and from values to text, with PostgreSQL's results:
 * numeric to integer rounds half away from zero, double to integer rounds half to even (rint),
 * every narrowing is range-checked, and text renders as PostgreSQL prints it.
 */
public final class Casts {
    private Casts() {
    }

    /** Short decimal to an integer width: rounds half away from zero, then checks the range. */
    public static long decimalToLong(long unscaled, int scale, int width) {
        long v = scale == 0 ? unscaled : scale > 18 ? 0 : Decimals.divideRounded(unscaled, Decimals.POW10[scale]);
        return Arithmetic.check(v, width);
    }

    /** Wide decimal to an integer width. */
    public static long decimal128ToLong(long high, long low, int scale, int width, long[] scratch) {
        Int128.scaleDownRounded(high, low, scale, scratch);
        if (scratch[0] != (scratch[1] >> 63)) {
            throw Arithmetic.outOfRange(width);
        }
        return Arithmetic.check(scratch[1], width);
    }

    /** Integer to a short decimal: scales up and checks the precision. */
    public static long longToDecimal(long v, int precision, int scale) {
        return Decimals.rescale(v, 0, scale, precision);
    }

    /** Double to an integer width: round half to even, as PostgreSQL's rint. */
    public static long doubleToLong(double d, int width) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw Arithmetic.outOfRange(width);
        }
        double r = Math.rint(d);
        if (r < -9.223372036854776E18 || r >= 9.223372036854776E18) {
            throw Arithmetic.outOfRange(width);
        }
        return Arithmetic.check((long) r, width);
    }

    public static long booleanToLong(boolean b) {
        return b ? 1 : 0;
    }

    // ---------------------------------------------------------------- text rendering

    /** A double as PostgreSQL prints it: shortest exact digits, exponent form when < 1e-4 or ≥ 1e15. */
    public static String formatDouble(double d) {
        return formatFloating(d, Double.isFinite(d) && d != 0 ? shortest(Math.abs(d), false) : "", 15);
    }

    /** A REAL as PostgreSQL prints it: shortest float digits, exponent form when < 1e-4 or ≥ 1e6. */
    public static String formatReal(double d) {
        float f = (float) d;
        return formatFloating(f, Float.isFinite(f) && f != 0 ? shortest(Math.abs(f), true) : "", 6);
    }

    /**
     * The shortest decimal that reads back as the (positive, finite) value, nearest to it when
     * several qualify, as BigDecimal text (e.g. "1E+23", "0.1"). JDK 17's Double.toString and
     * Float.toString are not always shortest (1e23 prints as 9.999999999999999E22).
     */
    private static String shortest(double v, boolean single) {
        BigDecimal exact = new BigDecimal(v);
        int maxDigits = single ? 9 : 17;
        for (int p = 1; p < maxDigits; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (single ? r.floatValue() == (float) v : r.doubleValue() == v) {
                return r.toString();
            }
        }
        return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN)).toString();
    }

    private static String formatFloating(double d, String javaText, int maxExponent) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        // Java prints either "123.45" or "1.2345E-5"; extract the digits and the decimal exponent.
        String mantissa = javaText;
        int exponent = 0;
        int e = javaText.indexOf('E');
        if (e >= 0) {
            mantissa = javaText.substring(0, e);
            exponent = Integer.parseInt(javaText.substring(e + 1));
        }
        int dot = mantissa.indexOf('.');
        String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fracPart = dot < 0 ? "" : mantissa.substring(dot + 1);
        String digits = (intPart + fracPart).replaceFirst("^0+", "");
        int leadingZeros = (intPart + fracPart).length() - (intPart + fracPart).replaceFirst("^0+", "").length();
        int pointPos = intPart.length() + exponent - leadingZeros; // digits before the point
        digits = digits.replaceFirst("0+$", "");
        if (digits.isEmpty()) {
            return "0";
        }
        int decimalExponent = pointPos - 1;
        String sign = d < 0 ? "-" : "";
        if (decimalExponent < -4 || decimalExponent >= maxExponent) {
            String m = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(decimalExponent));
            return sign + m + "e" + (decimalExponent < 0 ? "-" : "+") + exp;
        }
        StringBuilder s = new StringBuilder(sign);
        if (pointPos <= 0) {
            s.append("0.").append("0".repeat(-pointPos)).append(digits);
        } else if (pointPos >= digits.length()) {
            s.append(digits).append("0".repeat(pointPos - digits.length()));
        } else {
            s.append(digits, 0, pointPos).append('.').append(digits.substring(pointPos));
        }
        return s.toString();
    }

    public static String formatDecimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    public static String formatDate(int epochDay) {
        return DateTimes.formatDate(epochDay);
    }

    public static String formatTimestamp(long micros) {
        return DateTimes.formatTimestamp(micros);
    }

    public static String formatBoolean(boolean b) {
        return b ? "true" : "false";
    }

    public static QuiverException cannotCast(String from, String to) {
        return new QuiverException(SqlState.DATATYPE_MISMATCH, "cannot cast " + from + " to " + to);
    }
}
