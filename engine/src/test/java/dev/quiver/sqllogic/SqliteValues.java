package dev.quiver.sqllogic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a result value as the SQLite sqllogictest runner prints it for the column's type letter,
 * converting between types the way SQLite's {@code sqlite3_column_int64/double/text} do:
 *
 * <ul>
 *   <li>{@code I}: a 64-bit integer in decimal; reals truncate toward zero (saturating), booleans
 *       are 1/0, text converts its leading number (0 if none).
 *   <li>{@code R}: {@code %.3f} of the value as a double; text converts its leading number.
 *   <li>{@code T}: the text, {@code (empty)} for the empty string, every character outside
 *       printable ASCII as {@code @}; an integer in decimal, a real as SQLite's {@code %!.15g}.
 * </ul>
 *
 * NULL is {@code NULL} whatever the type letter.
 */
public final class SqliteValues {
    /** Digits after the point of a type R value: the corpus's {@code %.3f}. */
    private static final int REAL_DECIMALS = 3;
    /** Significant digits of a real shown as text: SQLite's {@code %!.15g}. */
    private static final int TEXT_REAL_DIGITS = 15;
    /** {@code %g} switches to an exponent below this decimal exponent (C's rule). */
    private static final int MIN_PLAIN_EXPONENT = -4;

    /** The leading number SQLite reads from text: optional blanks and sign, digits, point, exponent. */
    private static final Pattern LEADING_NUMBER =
            Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    private SqliteValues() {
    }

    /** The text of {@code value} in a column of type letter {@code type} (I, T or R). */
    public static String render(Object value, char type) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> integer(value);
            case 'R' -> fixed3(real(value));
            case 'T' -> text(value);
            default -> throw new IllegalArgumentException("type letter " + type + " is none of I, T, R");
        };
    }

    private static String integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return Long.toString(truncate(d));
        }
        if (value instanceof Double || value instanceof Float) {
            return Long.toString((long) ((Number) value).doubleValue()); // Java's cast truncates and saturates, as SQLite does
        }
        return leadingNumber(ValueRenderer.render(value)).map(SqliteValues::truncate).map(String::valueOf).orElse("0");
    }

    private static long truncate(BigDecimal d) {
        BigDecimal whole = d.setScale(0, RoundingMode.DOWN);
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return whole.longValueExact();
    }

    private static double real(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return leadingNumber(ValueRenderer.render(value)).map(BigDecimal::doubleValue).orElse(0.0);
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? "(empty)" : printable(s);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Double || value instanceof Float) {
            return realAsText(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            // SQLite has no decimals: a non-integral number is a REAL there.
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : realAsText(d.doubleValue());
        }
        String s = ValueRenderer.render(value);
        return s.isEmpty() ? "(empty)" : printable(s);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < ' ' || c > '~' ? '@' : c);
        }
        return b.toString();
    }

    /**
     * {@code %.3f} of the exact binary value, ties away from zero (SQLite's printf adds half a unit
     * of the last digit), keeping the sign of a negative value that rounds to zero.
     */
    static String fixed3(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        BigDecimal rounded = new BigDecimal(d).setScale(REAL_DECIMALS, RoundingMode.HALF_UP);
        String s = rounded.toPlainString();
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return negative && rounded.signum() == 0 ? "-" + s : s;
    }

    /** SQLite's {@code %!.15g}: 15 significant digits, trailing zeros dropped but a digit after the point kept. */
    static String realAsText(double d) {
        if (Double.isNaN(d)) {
            return "NULL";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal r = new BigDecimal(d).round(new MathContext(TEXT_REAL_DIGITS, RoundingMode.HALF_UP)).stripTrailingZeros();
        int exponent = r.precision() - r.scale() - 1;
        if (exponent < MIN_PLAIN_EXPONENT || exponent >= TEXT_REAL_DIGITS) {
            BigDecimal mantissa = r.movePointLeft(exponent);
            String m = mantissa.toPlainString();
            String e = String.format("%02d", Math.abs(exponent));
            return (m.contains(".") ? m : m + ".0") + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        String plain = r.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static Optional<BigDecimal> leadingNumber(String text) {
        Matcher m = LEADING_NUMBER.matcher(text);
        return m.find() ? Optional.of(new BigDecimal(m.group(1))) : Optional.empty();
    }
}
