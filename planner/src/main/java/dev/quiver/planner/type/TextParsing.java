package dev.quiver.planner.type;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Text to value conversions shared by literal binding and run-time casts from VARCHAR, so both agree
 * on what a string means: integers and decimals accept surrounding spaces, a sign, and (decimals)
 * a fraction and exponent; booleans accept PostgreSQL's spellings.
 */
public final class TextParsing {
    private TextParsing() {
    }

    /** Parses an integer of the given integral type; out-of-range values fail as PostgreSQL does. */
    public static long parseIntegral(String text, DataType type) {
        String s = text.trim();
        long value;
        try {
            value = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            if (s.matches("[+-]?\\d+")) {
                throw outOfRange(type);
            }
            throw invalid(type, text);
        }
        return checkIntegralRange(value, type);
    }

    /** Checks a value fits the integral type, failing with "<type> out of range". */
    public static long checkIntegralRange(long value, DataType type) {
        boolean ok = switch (type.id()) {
            case TINYINT -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case SMALLINT -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case INTEGER -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            case BIGINT -> true;
            default -> throw new IllegalArgumentException(type + " is not integral");
        };
        if (!ok) {
            throw outOfRange(type);
        }
        return value;
    }

    public static QuiverException outOfRange(DataType type) {
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type.id().name().toLowerCase() + " out of range");
    }

    /** Parses a decimal and rounds it (half away from zero) to the type's scale; fails if it needs more digits. */
    public static BigDecimal parseDecimal(String text, DataType type) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim().startsWith("+") ? text.trim().substring(1) : text.trim());
        } catch (NumberFormatException e) {
            throw invalid(type, text);
        }
        return fitDecimal(value, type);
    }

    /** Rounds to the type's scale (half away from zero) and checks the precision. */
    public static BigDecimal fitDecimal(BigDecimal value, DataType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale() && scaled.signum() != 0) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "numeric field overflow: a field with precision " + type.precision() + ", scale " + type.scale()
                            + " must round to an absolute value less than 10^" + (type.precision() - type.scale()));
        }
        return scaled;
    }

    public static double parseDouble(String text, DataType type) {
        String s = text.trim();
        switch (s.toLowerCase()) {
            case "nan":
                return Double.NaN;
            case "infinity":
            case "+infinity":
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity":
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw invalid(type, text);
        }
        double d = Double.parseDouble(s);
        if (type.id() == TypeId.REAL) {
            float f = (float) d;
            if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                throw outOfRange(type);
            }
            return f;
        }
        if (Double.isInfinite(d)) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"" + s + "\" is out of range for type double");
        }
        return d;
    }

    public static boolean parseBoolean(String text) {
        switch (text.trim().toLowerCase()) {
            case "t", "true", "y", "yes", "on", "1":
                return true;
            case "f", "false", "n", "no", "off", "0":
                return false;
            default:
                throw invalid(DataType.BOOLEAN, text);
        }
    }

    /** The unscaled value of a decimal as a 128-bit-safe BigInteger (helper for literal conversion). */
    public static BigInteger unscaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
    }

    public static QuiverException invalid(DataType type, String text) {
        return new QuiverException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + type.toString().toLowerCase() + ": \"" + text + "\"");
    }
}
