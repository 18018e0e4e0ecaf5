package dev.quiver.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Compares a result with a reference result: the same number of columns and rows, each row as wide
 * as the result, and the same rows: as multisets when the query fixes no order; as sequences when
 * it does, up to the order of rows tied on the ORDER BY keys (which SQL may return in any order).
 * Where a LIMIT or OFFSET cut the result ({@link RowOrder#cutAtStart}, {@link RowOrder#cutAtEnd}),
 * the run of tied rows at that edge may have been cut through, so there only their keys are
 * compared.
 *
 * <p>Values match when both are NULL; both are numbers (of any Java type) that match under the
 * comparator's {@link NumberMatch}; or both are of one other class and equal. A number never
 * matches text, nor a boolean. Column names and types are not compared (engines type some
 * expressions differently, e.g. a sum of integers is BIGINT in Quiver and HUGEINT in DuckDB).
 *
 * <p>Each engine's rows must be in the order of its own values exactly; rows are tied when their
 * keys match under the {@link NumberMatch} (two engines may compute such values in either order).
 * Immutable and thread-safe.
 */
public final class ResultComparator {
    /** Rows shown of each side's surplus when results differ: enough to see a pattern, few enough to read. */
    static final int ROWS_SHOWN = 3;

    private final NumberMatch numbers;
    private final RowMatcher matcher;

    /** A comparator whose numbers match under {@code numbers}. */
    public ResultComparator(NumberMatch numbers) {
        this.numbers = requireNonNull(numbers, "numbers");
        this.matcher = new RowMatcher(this);
    }

    /** The rule for numbers. */
    public NumberMatch numbers() {
        return numbers;
    }

    /**
     * Empty when {@code actual} matches {@code expected} under {@code order}; otherwise what differs.
     *
     * @throws IndexOutOfBoundsException when a key of {@code order} is not a column of the results
     */
    public Optional<String> compare(QueryRows expected, QueryRows actual, RowOrder order) {
        requireNonNull(expected, "expected");
        requireNonNull(actual, "actual");
        requireNonNull(order, "order");
        if (expected.columnCount() != actual.columnCount()) {
            return Optional.of("expected " + expected.columnCount() + " columns " + expected.columnNames() + " but got "
                    + actual.columnCount() + " " + actual.columnNames());
        }
        order.keys().forEach(k -> Objects.checkIndex(k.column(), expected.columnCount()));
        Optional<String> shape = checkRowWidths(expected, "expected").or(() -> checkRowWidths(actual, "actual"));
        if (shape.isPresent()) {
            return shape;
        }
        List<List<Object>> e = expected.rows();
        List<List<Object>> a = actual.rows();
        if (e.size() != a.size()) {
            return Optional.of("expected " + e.size() + " rows but got " + a.size() + describe(matcher.match(e, a)));
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
            while (end < e.size() && compareKeys(e.get(end - 1), e.get(end), order, true).equals(OptionalInt.of(0))) {
                end++;
            }
            String where = end - start == 1 ? "row " + (start + 1) : "rows " + (start + 1) + "-" + end + " (tied on the ORDER BY keys)";
            Optional<String> diff;
            if (order.cutAtEnd() && end == e.size()) {
                diff = compareKeysOnly(e, a, start, end, order, where + ", the last before the LIMIT");
            } else if (order.cutAtStart() && start == 0) {
                diff = compareKeysOnly(e, a, start, end, order, where + ", the first after the OFFSET");
            } else {
                diff = compareRun(e, a, start, end, where);
            }
            if (diff.isPresent()) {
                return diff;
            }
            start = end;
        }
        return Optional.empty();
    }

    /** Whether two values match (see the class comment). */
    public boolean valuesMatch(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return numbers.matches(e, a);
        }
        if (expected instanceof Number || actual instanceof Number) {
            return false;
        }
        return expected.getClass() == actual.getClass() && expected.equals(actual);
    }

    /**
     * A copy of {@code rows} sorted on all columns, left to right, by exact value (no tolerance):
     * NULL first, then numbers, text, dates, booleans. Equal rows of two results sort alike.
     */
    public static List<List<Object>> sorted(List<List<Object>> rows) {
        return Values.sorted(rows);
    }

    /**
     * Orders two rows by the keys: directions apply to values; NULLs go where each key says,
     * whatever the direction. Values compare exactly, or, when {@code tied}, equal when they match
     * (for finding runs of ties). Empty when the first key that tells the rows apart is NULL in one
     * row only and its NULL placement is unspecified: then the rows are in order either way.
     */
    private OptionalInt compareKeys(List<Object> a, List<Object> b, RowOrder order, boolean tied) {
        for (RowOrder.Key key : order.keys()) {
            Object x = a.get(key.column());
            Object y = b.get(key.column());
            if (x == null || y == null) {
                if (x == null && y == null) {
                    continue;
                }
                return switch (key.nulls()) {
                    case FIRST -> OptionalInt.of(x == null ? -1 : 1);
                    case LAST -> OptionalInt.of(x == null ? 1 : -1);
                    case UNSPECIFIED -> OptionalInt.empty();
                };
            }
            int cmp = tied && x instanceof Number p && y instanceof Number q ? numbers.compare(p, q) : Values.compare(x, y);
            if (cmp != 0) {
                return OptionalInt.of(key.descending() ? -cmp : cmp);
            }
        }
        return OptionalInt.of(0);
    }

    private Optional<String> firstOutOfOrder(List<List<Object>> rows, RowOrder order) {
        for (int r = 1; r < rows.size(); r++) {
            if (compareKeys(rows.get(r - 1), rows.get(r), order, false).orElse(0) > 0) {
                return Optional.of("row " + r + " sorts after row " + (r + 1) + "\n    row " + r + ": " + Values.render(rows.get(r - 1))
                        + "\n    row " + (r + 1) + ": " + Values.render(rows.get(r)));
            }
        }
        return Optional.empty();
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

    /**
     * Compares rows {@code [start, end)} of both sides as multisets. When one row differs, says
     * which column first; in any case shows the rows each side lacks.
     */
    private Optional<String> compareRun(List<List<Object>> expected, List<List<Object>> actual, int start, int end, String where) {
        RowMatcher.Unmatched unmatched = matcher.match(expected.subList(start, end), actual.subList(start, end));
        if (unmatched.isEmpty()) {
            return Optional.empty();
        }
        if (unmatched.missing().size() == 1 && unmatched.unexpected().size() == 1) {
            List<Object> e = unmatched.missing().get(0);
            List<Object> a = unmatched.unexpected().get(0);
            for (int c = 0; c < e.size(); c++) {
                if (!valuesMatch(e.get(c), a.get(c))) {
                    return Optional.of(where + ": column " + (c + 1) + " differs: expected " + Values.show(e.get(c)) + " but got "
                            + Values.show(a.get(c)) + describe(unmatched));
                }
            }
        }
        return Optional.of(where + " differ" + describe(unmatched));
    }

    private Optional<String> compareKeysOnly(List<List<Object>> expected, List<List<Object>> actual, int start, int end, RowOrder order,
            String where) {
        for (int r = start; r < end; r++) {
            for (RowOrder.Key k : order.keys()) {
                Object e = expected.get(r).get(k.column());
                Object a = actual.get(r).get(k.column());
                if (!valuesMatch(e, a)) {
                    return Optional.of(where + ": key column " + (k.column() + 1) + " differs: expected " + Values.show(e) + " but got "
                            + Values.show(a));
                }
            }
        }
        return Optional.empty();
    }

    /** The first rows (sorted) that one side has and the other lacks. */
    private static String describe(RowMatcher.Unmatched unmatched) {
        StringBuilder out = new StringBuilder();
        unmatched.missing().stream().limit(ROWS_SHOWN).forEach(r -> out.append("\n    missing row:    ").append(Values.render(r)));
        unmatched.unexpected().stream().limit(ROWS_SHOWN).forEach(r -> out.append("\n    unexpected row: ").append(Values.render(r)));
        if (unmatched.missing().size() + unmatched.unexpected().size() > 2 * ROWS_SHOWN) {
            out.append("\n    (").append(unmatched.missing().size()).append(" missing and ").append(unmatched.unexpected().size())
                    .append(" unexpected rows in all)");
        }
        return out.toString();
    }
}
