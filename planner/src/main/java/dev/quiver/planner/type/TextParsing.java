package dev.quiver.planner.type;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Text to value conversions shared by literal binding and run-time casts from VARCHAR, so both agree
 * on what a string means: integers and decimals accept surrounding spaces, a sign, and (decimals)
 * a fraction and exponent; booleans accept PostgreSQL's spellings.
 */
public final class TextParsing {
    /** An optionally signed run of ASCII digits. */
    private static final String INTEGER_SYNTAX = "[+-]?[0-9]+";
    /** An optionally signed decimal number in ASCII digits, with optional fraction and exponent. */
    private static final String NUMBER_SYNTAX = "[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?";

    private TextParsing() {
    }

    /** Parses an integer of the given integral type; out-of-range values fail as PostgreSQL does. */
    public static long parseIntegral(String text, DataType type) {
        String s = text.trim();
        // Checked first: Long.parseLong alone would take "+-1" (after the '+' is cut) and non-ASCII digits.
        if (!s.matches(INTEGER_SYNTAX)) {
            throw invalid(type, text);
        }
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw outOfRange(type);
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
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type.id().name().toLowerCase(Locale.ROOT) + " out of range");
    }

    /** Parses a decimal and rounds it (half away from zero) to the type's scale; fails if it needs more digits. */
    public static BigDecimal parseDecimal(String text, DataType type) {
        String s = text.trim();
        if (!s.matches(NUMBER_SYNTAX)) {
            throw invalid(type, text);
        }
        try {
            return fitDecimal(new BigDecimal(s), type);
        } catch (NumberFormatException e) {
            throw invalid(type, text); // an exponent beyond int range
        }
    }

    /** Rounds to the type's scale (half away from zero) and checks the precision. */
    public static BigDecimal fitDecimal(BigDecimal value, DataType type) {
        int integerDigits = type.precision() - type.scale();
        // Checked before rounding as well: a value such as 1e999999999 fails here instead of being expanded.
        if (value.signum() != 0 && value.precision() - value.scale() > integerDigits) {
            throw overflow(type);
        }
        if (value.precision() - value.scale() < -type.scale()) {
            // Below 10^-(scale+1): rounds to zero (and 1e-999999999 must not be rescaled digit by digit).
            return BigDecimal.ZERO.setScale(type.scale());
        }
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > integerDigits && scaled.signum() != 0) {
            throw overflow(type);
        }
        return scaled;
    }

    private static QuiverException overflow(DataType type) {
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "numeric field overflow: a field with precision " + type.precision() + ", scale " + type.scale()
                        + " must round to an absolute value less than 10^" + (type.precision() - type.scale()));
    }

    public static double parseDouble(String text, DataType type) {
        String s = text.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
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
        if (!s.matches(NUMBER_SYNTAX)) {
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
        switch (text.trim().toLowerCase(Locale.ROOT)) {
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
                "invalid input syntax for type " + type.toString().toLowerCase(Locale.ROOT) + ": \"" + text + "\"");
    }
}
