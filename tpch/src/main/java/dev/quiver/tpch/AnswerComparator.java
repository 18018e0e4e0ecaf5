package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares a query result with a reference answer the way TPC-H answers are compared: text
 * exactly, numbers with a relative tolerance of {@value #RELATIVE_TOLERANCE} (so {@code 25.5}
 * matches {@code 25.500000} and a DOUBLE average matches a DECIMAL one), NULL only with NULL (an
 * empty field). Row order counts only when the query orders its result; otherwise both sides
 * are sorted before comparing. Where the ORDER BY keys are known ({@link #compare(ExpectedResult,
 * List, int[])}), rows whose keys tie may come in any order, as the query leaves them. Column names
 * are not compared (engines name unaliased expressions differently); the number of columns is.
 */
public final class AnswerComparator {
    /** The tolerance TPC-H answer checks use for numbers (decimal sums are exact; averages and ratios are not). */
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** Numbers this close are equal whatever their size: a sum that should cancel to zero may come out as 1e-15. */
    static final double ABSOLUTE_TOLERANCE = 1e-12;

    private AnswerComparator() {
    }

    /**
     * Compares {@code actualRows} (Java values as {@code dev.quiver.Row} holds them: numbers,
     * strings, dates, booleans, null) with {@code expected}.
     *
     * @param ordered whether row order is part of the answer (the query has ORDER BY)
     */
    public static Verification compare(ExpectedResult expected, List<List<Object>> actualRows, boolean ordered) {
        requireNonNull(expected, "expected");
        requireNonNull(actualRows, "actualRows");
        int columns = expected.columnNames().size();
        for (List<Object> row : actualRows) {
            if (row.size() != columns) {
                return Verification.mismatch("expected " + columns + " columns (" + String.join(", ", expected.columnNames())
                        + ") but the result has " + row.size(), Optional.empty(), Optional.of(render(row)));
            }
        }
        boolean[] numeric = numericColumns(actualRows, columns);
        List<List<Object>> actual = new ArrayList<>(actualRows);
        List<List<String>> wanted = new ArrayList<>(expected.rows());
        if (!ordered) {
            actual.sort(actualOrder(numeric));
            wanted.sort(expectedOrder(numeric));
        }
        int common = Math.min(actual.size(), wanted.size());
        for (int r = 0; r < common; r++) {
            for (int c = 0; c < columns; c++) {
                if (!cellMatches(wanted.get(r).get(c), actual.get(r).get(c))) {
                    return Verification.mismatch((ordered ? "row " + (r + 1) : "sorted row " + (r + 1)) + ", column "
                                    + expected.columnNames().get(c) + ": expected " + show(wanted.get(r).get(c))
                                    + " but got " + show(actual.get(r).get(c)) + rowCounts(wanted.size(), actual.size()),
                            Optional.of(String.join("|", nullsAsEmpty(wanted.get(r)))), Optional.of(render(actual.get(r))));
                }
            }
        }
        if (wanted.size() > common) {
            return Verification.mismatch("missing row " + (common + 1) + rowCounts(wanted.size(), actual.size()),
                    Optional.of(String.join("|", nullsAsEmpty(wanted.get(common)))), Optional.empty());
        }
        if (actual.size() > common) {
            return Verification.mismatch("unexpected row " + (common + 1) + rowCounts(wanted.size(), actual.size()),
                    Optional.empty(), Optional.of(render(actual.get(common))));
        }
        return Verification.match(actual.size());
    }

    /**
     * Compares {@code actualRows} with {@code expected} for a query ordered by the result columns
     * {@code orderKeys} (none: unordered): the same rows, and row by row the same values in those
     * columns, so that rows whose keys tie may come in any order. Q11 at SF 10 orders 8,685 parts by
     * value, some with equal values, which two engines return in different orders.
     */
    public static Verification compare(ExpectedResult expected, List<List<Object>> actualRows, int[] orderKeys) {
        Verification rows = compare(expected, actualRows, false);
        if (!rows.matches()) {
            return rows;
        }
        for (int r = 0; r < actualRows.size(); r++) {
            List<String> wanted = expected.rows().get(r);
            List<Object> actual = actualRows.get(r);
            for (int c : orderKeys) {
                if (!cellMatches(wanted.get(c), actual.get(c))) {
                    return Verification.mismatch("row " + (r + 1) + ", ORDER BY column " + expected.columnNames().get(c) + ": expected "
                                    + show(wanted.get(c)) + " but got " + show(actual.get(c)),
                            Optional.of(String.join("|", nullsAsEmpty(wanted))), Optional.of(render(actual)));
                }
            }
        }
        return rows;
    }

    /** Whether one expected field (null for NULL) matches one actual value. */
    static boolean cellMatches(String expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (actual instanceof Number number) {
            Optional<Double> wanted = parseNumber(expected);
            return wanted.isPresent() && numbersMatch(wanted.get(), toDouble(number));
        }
        return expected.equals(text(actual));
    }

    /** Equal within {@link #RELATIVE_TOLERANCE} of the larger magnitude, or within {@link #ABSOLUTE_TOLERANCE}. */
    static boolean numbersMatch(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        double difference = Math.abs(expected - actual);
        return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    /** A value as the answer files write it: decimals in plain notation with their scale, dates ISO, NULL empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /** A row as the answer files write it. */
    static String render(List<Object> row) {
        return row.stream().map(AnswerComparator::text).collect(Collectors.joining("|"));
    }

    private static List<String> nullsAsEmpty(List<String> row) {
        return row.stream().map(v -> v == null ? "" : v).toList();
    }

    private static String show(Object value) {
        return value == null ? "NULL" : "'" + text(value) + "'";
    }

    private static String rowCounts(int expected, int actual) {
        return expected == actual ? "" : " (expected " + expected + " rows, got " + actual + ")";
    }

    private static Optional<Double> parseNumber(String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double toDouble(Number n) {
        return n.doubleValue();
    }

    /** A column is numeric if the result holds a number in it; an all-NULL or empty column compares as text. */
    private static boolean[] numericColumns(List<List<Object>> rows, int columns) {
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            for (List<Object> row : rows) {
                if (row.get(c) != null) {
                    numeric[c] = row.get(c) instanceof Number;
                    break;
                }
            }
        }
        return numeric;
    }

    private static Comparator<List<Object>> actualOrder(boolean[] numeric) {
        return (a, b) -> {
            for (int c = 0; c < numeric.length; c++) {
                int cmp = compareCells(key(a.get(c), numeric[c]), key(b.get(c), numeric[c]));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        };
    }

    private static Comparator<List<String>> expectedOrder(boolean[] numeric) {
        return (a, b) -> {
            for (int c = 0; c < numeric.length; c++) {
                int cmp = compareCells(expectedKey(a.get(c), numeric[c]), expectedKey(b.get(c), numeric[c]));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        };
    }

    /** A sort key: null, a Double for numeric columns, a String otherwise. */
    private static Object key(Object value, boolean numeric) {
        if (value == null) {
            return null;
        }
        return numeric && value instanceof Number n ? (Object) toDouble(n) : text(value);
    }

    private static Object expectedKey(String value, boolean numeric) {
        if (value == null) {
            return null;
        }
        if (numeric) {
            Optional<Double> d = parseNumber(value);
            if (d.isPresent()) {
                return d.get();
            }
        }
        return value;
    }

    /** NULLs first, then numbers, then text. */
    private static int compareCells(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof Double) {
            return -1;
        }
        if (b instanceof Double) {
            return 1;
        }
        return ((String) a).compareTo((String) b);
    }
}
