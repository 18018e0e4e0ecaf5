package dev.quiver.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The exact total order of result values, and how values and rows are shown in a difference.
 * Policy-free: no tolerance applies here.
 */
final class Values {
    /**
     * All columns, left to right, by {@link #compare}; a shorter row first where one is a prefix of
     * the other. A total order, so that sorting both sides of a comparison lines up equal rows.
     */
    static final Comparator<List<Object>> ROWS = (a, b) -> {
        for (int c = 0; c < Math.min(a.size(), b.size()); c++) {
            int cmp = compare(a.get(c), b.get(c));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private Values() {
    }

    /**
     * A total order of values: NULL first, then numbers by exact value (never within a tolerance:
     * that would not be transitive, and rows of nearly equal numbers could be paired with the wrong
     * partners), text by UTF-16 code units (which is byte order for ASCII), dates, then booleans
     * (false first); values of different kinds by kind, other classes by their text.
     */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int kinds = Integer.compare(kind(a), kind(b));
        if (kinds != 0) {
            return kinds;
        }
        if (a instanceof Number x) {
            return compareExactly(x, (Number) b);
        }
        if (a instanceof String x) {
            return x.compareTo((String) b);
        }
        if (a instanceof LocalDate x) {
            return x.compareTo((LocalDate) b);
        }
        if (a instanceof Boolean x) {
            return x.compareTo((Boolean) b);
        }
        return a.toString().compareTo(b.toString());
    }

    /** A copy of {@code rows} in {@link #ROWS} order. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(ROWS);
        return copy;
    }

    /** Byte, Short, Integer, Long, BigInteger or BigDecimal. */
    static boolean isExact(Number n) {
        return n instanceof BigDecimal || n instanceof BigInteger || n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte;
    }

    /** The value of an {@link #isExact exact} number. */
    static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** A row for a message: its values separated by {@code " | "}. */
    static String render(List<Object> row) {
        return row.stream().map(Values::show).collect(Collectors.joining(" | "));
    }

    /** A value for a message: NULL, text in quotes, anything else with its Java class ({@code 2 (Integer)}). */
    static String show(Object v) {
        return v == null ? "NULL" : v instanceof String s ? "'" + s + "'" : v + " (" + v.getClass().getSimpleName() + ")";
    }

    /** By exact value; infinities and NaN as Double orders them. */
    private static int compareExactly(Number a, Number b) {
        if (isExact(a) && isExact(b)) {
            return exact(a).compareTo(exact(b));
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Double.compare(x, y);
        }
        BigDecimal p = isExact(a) ? exact(a) : new BigDecimal(x);
        BigDecimal q = isExact(b) ? exact(b) : new BigDecimal(y);
        return p.compareTo(q);
    }

    /** Numbers, text, dates, booleans, anything else. */
    private static int kind(Object v) {
        if (v instanceof Number) {
            return 0;
        }
        if (v instanceof String) {
            return 1;
        }
        if (v instanceof LocalDate) {
            return 2;
        }
        if (v instanceof Boolean) {
            return 3;
        }
        return 4;
    }
}
