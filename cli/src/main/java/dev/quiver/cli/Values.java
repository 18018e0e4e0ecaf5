package dev.quiver.cli;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Renders result values as text the same way in every output format. */
final class Values {
    /** Smallest magnitude a double is printed for in plain notation: below it the zeros would hide the digits. */
    private static final double PLAIN_MIN = 1e-6;
    /** Magnitude from which a double is printed with an exponent: beyond 16 digits a double has no more precision to show. */
    private static final double PLAIN_MAX = 1e16;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private Values() {
    }

    /**
     * A non-null value as text: decimals with their scale in plain notation, doubles without an
     * exponent (unless huge or tiny), dates in ISO form, timestamps with a space.
     */
    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return floating(((Number) value).doubleValue());
        }
        if (value instanceof LocalDateTime t) {
            return trimFraction(TIMESTAMP.format(t));
        }
        return String.valueOf(value);
    }

    /** Whether a value is written as a JSON number. */
    static boolean isJsonNumber(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return !Double.isNaN(d) && !Double.isInfinite(d);
        }
        return value instanceof Number;
    }

    private static String floating(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        double magnitude = Math.abs(d);
        // Plain notation in the range people read comfortably; Java's shortest repr keeps every digit.
        if (d == 0 || (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX)) {
            String plain = new BigDecimal(Double.toString(d)).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return Double.toString(d);
    }

    private static String trimFraction(String timestamp) {
        if (timestamp.endsWith(".000000")) {
            return timestamp.substring(0, timestamp.length() - ".000000".length());
        }
        return timestamp;
    }
}
