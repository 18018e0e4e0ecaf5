package dev.quiver.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares a result with a reference result: the same number of columns and rows, and the same
 * rows: as multisets when the query fixes no order; as sequences when it does, up to the order of
 * rows tied on the ORDER BY keys (which SQL may return in any order). Where a LIMIT or OFFSET cut
 * the result, the runs of tied rows at either edge may have been cut through, so there only
 * their keys are compared.
 *
 * <p>Values match when both are NULL; both are exact numbers (Integer, Long, BigInteger,
 * BigDecimal, ...) that are equal whatever their scale; both are numbers, at least one inexact,
 * equal within a relative {@value #RELATIVE_TOLERANCE}; or both are of one other class and equal.
 * A number never matches text, nor a boolean. Column names and types are not compared (engines
 * type some expressions differently, e.g. a sum of integers is BIGINT in Quiver and HUGEINT in DuckDB).
 *
 * <p>Nothing here is specific to the fuzzer: it is the comparison any differential test of Quiver
 * against another engine needs (TPC-H's differential test could use it).
 */
final class ResultComparator {
    /** Relative difference allowed between inexact numbers: far above rounding noise, far below a real error. */
    static final double RELATIVE_TOLERANCE = 1e-9;
    /** Rows shown when a result has rows the other lacks. */
    static final int ROWS_SHOWN = 3;

    private ResultComparator() {
    }

    /** Empty when {@code actual} matches {@code expected} under {@code order}; otherwise what differs. */
    static Optional<String> compare(QueryRows expected, QueryRows actual, RowOrder order) {
        if (expected.columnCount() != actual.columnCount()) {
            return Optional.of("expected " + expected.columnCount() + " columns " + expected.columnNames() + " but got "
                    + actual.columnCount() + " " + actual.columnNames());
        }
        order.requireWithin(expected.columnCount());
        List<List<Object>> e = expected.rows();
        List<List<Object>> a = actual.rows();
        if (e.size() != a.size()) {
            return Optional.of("expected " + e.size() + " rows but got " + a.size() + difference(e, a));
        }
        if (!order.ordered()) {
            return compareRun(e, a, 0, e.size(), "rows (as multisets)");
        }
        Optional<String> unsorted = firstOutOfOrder(a, order);
        if (unsorted.isPresent()) {
            return Optional.of("rows are not in ORDER BY order (" + order + "): " + unsorted.get());
        }
        Optional<String> referenceUnsorted = firstOutOfOrder(e, order);
        if (referenceUnsorted.isPresent()) {
            return Optional.of("the reference's rows are not in ORDER BY order (" + order + "): " + referenceUnsorted.get());
        }
        for (int start = 0; start < e.size();) {
            int end = start + 1;
            while (end < e.size() && order.compareLoosely(e.get(end - 1), e.get(end)) == 0) {
                end++;
            }
            String where = end - start == 1 ? "row " + (start + 1) : "rows " + (start + 1) + "-" + end + " (tied on the ORDER BY keys)";
            boolean edge = order.cut() && (start == 0 || end == e.size());
            Optional<String> diff = edge ? compareKeys(e, a, start, end, order, where) : compareRun(e, a, start, end, where);
            if (diff.isPresent()) {
                return diff;
            }
            start = end;
        }
        return Optional.empty();
    }

    /** Whether two values match (see the class comment). */
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
     * A total order of values for sorting rows: NULL first, then numbers by exact value (never
     * within a tolerance: that would not be transitive, and rows of nearly equal numbers could be
     * paired with the wrong partners), text by UTF-16 code units (which is byte order for ASCII),
     * dates, then booleans (false first); values of different kinds by kind.
     */
    static int compareValues(Object a, Object b) {
        return compare(a, b, false);
    }

    /** As {@link #compareValues}, but numbers equal within the tolerance compare as equal (for checking an engine's ORDER BY). */
    static int compareLoosely(Object a, Object b) {
        return compare(a, b, true);
    }

    private static int compare(Object a, Object b, boolean loose) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int kinds = Integer.compare(kind(a), kind(b));
        if (kinds != 0) {
            return kinds;
        }
        if (a instanceof Number x) {
            return loose ? compareNumbers(x, (Number) b) : compareExactly(x, (Number) b);
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

    /** Equal within the tolerance when either is inexact; exactly otherwise. */
    static int compareNumbers(Number a, Number b) {
        if (isExact(a) && isExact(b)) {
            return exact(a).compareTo(exact(b));
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.compare(x, y);
        }
        if (x == y || Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y))) {
            return 0;
        }
        return Double.compare(x, y);
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

    private static boolean isExact(Number n) {
        return n instanceof BigDecimal || n instanceof BigInteger || n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte;
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

    /** All columns, left to right, NULL first. */
    static final Comparator<List<Object>> ROWS = (a, b) -> {
        for (int c = 0; c < Math.min(a.size(), b.size()); c++) {
            int cmp = compareValues(a.get(c), b.get(c));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(ROWS);
        return copy;
    }

    static String render(List<Object> row) {
        return row.stream().map(ResultComparator::show).collect(Collectors.joining(" | "));
    }

    static String show(Object v) {
        return v == null ? "NULL" : v instanceof String s ? "'" + s + "'" : v + " (" + v.getClass().getSimpleName() + ")";
    }

    /** Compares rows {@code [start, end)} of both sides as multisets. */
    private static Optional<String> compareRun(List<List<Object>> expected, List<List<Object>> actual, int start, int end, String where) {
        RowMatcher.Unmatched unmatched = RowMatcher.match(expected.subList(start, end), actual.subList(start, end));
        return unmatched.isEmpty() ? Optional.empty() : Optional.of(where + " differ" + describe(unmatched));
    }

    private static Optional<String> compareKeys(List<List<Object>> expected, List<List<Object>> actual, int start, int end,
            RowOrder order, String where) {
        for (int r = start; r < end; r++) {
            for (RowOrder.Key k : order.keys()) {
                if (!valuesMatch(expected.get(r).get(k.column()), actual.get(r).get(k.column()))) {
                    return Optional.of(where + ", at the edge of a LIMIT/OFFSET: key column " + (k.column() + 1) + " differs: expected "
                            + show(expected.get(r).get(k.column())) + " but got " + show(actual.get(r).get(k.column())));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstOutOfOrder(List<List<Object>> rows, RowOrder order) {
        for (int r = 1; r < rows.size(); r++) {
            if (order.compare(rows.get(r - 1), rows.get(r)) > 0) {
                return Optional.of("row " + r + " sorts after row " + (r + 1) + "\n    row " + r + ": " + render(rows.get(r - 1))
                        + "\n    row " + (r + 1) + ": " + render(rows.get(r)));
            }
        }
        return Optional.empty();
    }

    /** The first rows (sorted) that one side has and the other lacks, as multisets. */
    private static String difference(List<List<Object>> expected, List<List<Object>> actual) {
        return describe(RowMatcher.match(expected, actual));
    }

    private static String describe(RowMatcher.Unmatched unmatched) {
        StringBuilder out = new StringBuilder();
        unmatched.missing().stream().limit(ROWS_SHOWN).forEach(r -> out.append("\n    missing row:    ").append(render(r)));
        unmatched.unexpected().stream().limit(ROWS_SHOWN).forEach(r -> out.append("\n    unexpected row: ").append(render(r)));
        if (unmatched.missing().size() + unmatched.unexpected().size() > 2 * ROWS_SHOWN) {
            out.append("\n    (").append(unmatched.missing().size()).append(" missing and ").append(unmatched.unexpected().size())
                    .append(" unexpected rows in all)");
        }
        return out.toString();
    }
}
