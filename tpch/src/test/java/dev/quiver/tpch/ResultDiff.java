package dev.quiver.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares a result with an oracle's result strictly: the same number of columns and rows, and the
 * same rows. Values match when both are NULL, both are text and equal, both are dates and equal,
 * or both are numbers within a relative {@value AnswerComparator#RELATIVE_TOLERANCE} of each other
 * (whatever their Java types: Integer, Long, BigInteger, BigDecimal, Double); a number never
 * matches text, nor a date.
 *
 * <p>Without ORDER BY the rows are compared as multisets. With ORDER BY the actual rows must be
 * sorted by the keys, and the two sequences must agree up to the order of rows within a run of
 * rows whose keys are equal (ties, which SQL may return in any order): the oracle's rows are cut
 * into runs of equal keys, and the actual rows in the same positions must be the same multiset.
 * When the query has a LIMIT that cut the result, the last run may have been cut through its
 * middle, so which of its tied rows are returned is arbitrary: there only the keys are compared.
 */
final class ResultDiff {
    private ResultDiff() {
    }

    /** Empty when {@code actual} matches {@code expected}; otherwise what differs. */
    static Optional<String> compare(QueryRows expected, QueryRows actual, OrderSpec order) {
        if (expected.columnCount() != actual.columnCount()) {
            return Optional.of("expected " + expected.columnCount() + " columns " + expected.columnNames() + " but got "
                    + actual.columnCount() + " " + actual.columnNames());
        }
        Optional<String> shape = checkRowWidths(expected, "expected").or(() -> checkRowWidths(actual, "actual"));
        if (shape.isPresent()) {
            return shape;
        }
        if (expected.rows().size() != actual.rows().size()) {
            return Optional.of("expected " + expected.rows().size() + " rows but got " + actual.rows().size()
                    + firstUnmatched(expected.rows(), actual.rows()));
        }
        if (!order.ordered()) {
            return compareRuns(expected.rows(), actual.rows(), 0, expected.rows().size(), "rows (unordered)");
        }
        int[] keys = order.columnIndexes(expected.columnNames());
        RowOrder rowOrder = new RowOrder(order, keys);
        Optional<String> unsorted = rowOrder.firstViolation(actual.rows());
        if (unsorted.isPresent()) {
            return Optional.of("rows are not in ORDER BY order: " + unsorted.get());
        }
        Optional<String> oracleUnsorted = rowOrder.firstViolation(expected.rows());
        if (oracleUnsorted.isPresent()) {
            return Optional.of("the oracle's rows are not in ORDER BY order (oracle bug?): " + oracleUnsorted.get());
        }
        int n = expected.rows().size();
        boolean cut = order.limit().isPresent() && n == order.limit().getAsInt();
        for (int start = 0; start < n;) {
            int end = start + 1;
            while (end < n && rowOrder.compareKeys(expected.rows().get(end - 1), expected.rows().get(end)) == 0) {
                end++;
            }
            String where = end - start == 1 ? "row " + (start + 1) : "rows " + (start + 1) + "-" + end + " (tied on the ORDER BY keys)";
            Optional<String> diff = cut && end == n
                    ? compareKeysOnly(expected.rows(), actual.rows(), start, end, keys, where)
                    : compareRuns(expected.rows(), actual.rows(), start, end, where);
            if (diff.isPresent()) {
                return diff;
            }
            start = end;
        }
        return Optional.empty();
    }

    /** Whether two values match: NULL with NULL, numbers within the tolerance, anything else by equality of the same kind. */
    static boolean valuesMatch(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return compareNumbers(e, a) == 0;
        }
        if (expected instanceof Number || actual instanceof Number) {
            return false;
        }
        return expected.getClass() == actual.getClass() && expected.equals(actual);
    }

    /**
     * Orders two non-NULL values of one kind; numbers equal within the tolerance compare as 0.
     * Values of different kinds are ordered by kind, so that sorting is total.
     */
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int kinds = Integer.compare(kind(a), kind(b));
        if (kinds != 0) {
            return kinds;
        }
        if (a instanceof Number x) {
            return compareNumbers(x, (Number) b);
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

    static String render(List<Object> row) {
        return row.stream().map(v -> v == null ? "NULL" : v instanceof String s ? "'" + s + "'" : v + " (" + v.getClass().getSimpleName() + ")")
                .collect(Collectors.joining(" | "));
    }

    private static int compareNumbers(Number a, Number b) {
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (AnswerComparator.numbersMatch(x, y)) {
            return 0;
        }
        if (isExact(a) && isExact(b)) {
            return exact(a).compareTo(exact(b));
        }
        return Double.compare(x, y);
    }

    private static boolean isExact(Number n) {
        return n instanceof BigDecimal || n instanceof BigInteger || n instanceof Long || n instanceof Integer
                || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** NULL, numbers, text, dates, booleans, anything else. */
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

    private static Optional<String> checkRowWidths(QueryRows rows, String side) {
        for (int r = 0; r < rows.rows().size(); r++) {
            if (rows.rows().get(r).size() != rows.columnCount()) {
                return Optional.of(side + " row " + (r + 1) + " has " + rows.rows().get(r).size() + " values but the result has "
                        + rows.columnCount() + " columns");
            }
        }
        return Optional.empty();
    }

    /** Compares rows {@code [start, end)} of both sides as multisets. */
    private static Optional<String> compareRuns(List<List<Object>> expected, List<List<Object>> actual, int start, int end, String where) {
        List<List<Object>> e = sorted(expected.subList(start, end));
        List<List<Object>> a = sorted(actual.subList(start, end));
        for (int r = 0; r < e.size(); r++) {
            for (int c = 0; c < e.get(r).size(); c++) {
                if (!valuesMatch(e.get(r).get(c), a.get(r).get(c))) {
                    return Optional.of(where + ": column " + (c + 1) + " differs: expected " + show(e.get(r).get(c)) + " but got "
                            + show(a.get(r).get(c)) + "\n    expected row: " + render(e.get(r)) + "\n    actual row:   " + render(a.get(r)));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compareKeysOnly(List<List<Object>> expected, List<List<Object>> actual, int start, int end,
            int[] keys, String where) {
        for (int r = start; r < end; r++) {
            for (int k : keys) {
                if (!valuesMatch(expected.get(r).get(k), actual.get(r).get(k))) {
                    return Optional.of(where + ", the last before the LIMIT: key column " + (k + 1) + " differs: expected "
                            + show(expected.get(r).get(k)) + " but got " + show(actual.get(r).get(k)));
                }
            }
        }
        return Optional.empty();
    }

    /** A copy of {@code rows} sorted on all columns, left to right. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(ROWS);
        return copy;
    }

    /** All columns, left to right. */
    private static final Comparator<List<Object>> ROWS = (a, b) -> {
        for (int c = 0; c < a.size(); c++) {
            int cmp = compareValues(a.get(c), b.get(c));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    };

    /** For a row-count mismatch: the first row (sorted) that one side has and the other lacks. */
    private static String firstUnmatched(List<List<Object>> expected, List<List<Object>> actual) {
        List<List<Object>> e = sorted(expected);
        List<List<Object>> a = sorted(actual);
        int i = 0;
        int j = 0;
        while (i < e.size() && j < a.size()) {
            int cmp = ROWS.compare(e.get(i), a.get(j));
            if (cmp == 0) {
                i++;
                j++;
            } else {
                return cmp < 0 ? "\n    missing row:    " + render(e.get(i)) : "\n    unexpected row: " + render(a.get(j));
            }
        }
        return i < e.size() ? "\n    missing row:    " + render(e.get(i)) : j < a.size() ? "\n    unexpected row: " + render(a.get(j)) : "";
    }

    private static String show(Object v) {
        return v == null ? "NULL" : v instanceof String s ? "'" + s + "'" : v + " (" + v.getClass().getSimpleName() + ")";
    }

    /** The ORDER BY of a query applied to result rows. */
    private record RowOrder(OrderSpec order, int[] keys) {
        /** Compares two rows on the keys, respecting each key's direction; NULL keys compare equal to anything (TPC-H keys are never NULL, and engines place NULLs differently). */
        int compareKeys(List<Object> a, List<Object> b) {
            for (int k = 0; k < keys.length; k++) {
                Object x = a.get(keys[k]);
                Object y = b.get(keys[k]);
                if (x == null || y == null) {
                    if (x == null && y == null) {
                        continue;
                    }
                    return x == null ? -1 : 1;
                }
                int cmp = compareValues(x, y);
                if (cmp != 0) {
                    return order.keys().get(k).descending() ? -cmp : cmp;
                }
            }
            return 0;
        }

        Optional<String> firstViolation(List<List<Object>> rows) {
            for (int r = 1; r < rows.size(); r++) {
                if (hasNullKey(rows.get(r - 1)) || hasNullKey(rows.get(r))) {
                    continue;
                }
                if (compareKeys(rows.get(r - 1), rows.get(r)) > 0) {
                    return Optional.of("row " + r + " sorts after row " + (r + 1) + " on " + order.keys()
                            + "\n    row " + r + ": " + render(rows.get(r - 1)) + "\n    row " + (r + 1) + ": " + render(rows.get(r)));
                }
            }
            return Optional.empty();
        }

        private boolean hasNullKey(List<Object> row) {
            for (int k : keys) {
                if (row.get(k) == null) {
                    return true;
                }
            }
            return false;
        }
    }
}
