package dev.quiver.sqllogic;

import dev.quiver.sqllogic.SqlLogicRecord.SortMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** Result handling shared by both dialects: sorting, hashing, comparing and describing rendered values. */
final class SqlLogicResults {
    /** Relative tolerance for values of type letter R in Quiver's own files: doubles summed in another order still match. */
    static final double REAL_TOLERANCE = 1e-9;
    /** Rows shown in a failure message before the rest is summarized: enough to see a pattern, short enough to read. */
    private static final int SHOWN_ROWS = 200;

    private static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private SqlLogicResults() {
    }

    /** Flattens rows into values in sqllogictest order: as returned, rows sorted, or all values sorted (as text). */
    static List<String> sorted(List<List<String>> rows, SortMode mode) {
        List<List<String>> copy = new ArrayList<>(rows);
        if (mode == SortMode.ROWSORT) {
            copy.sort(ROW_ORDER);
        }
        List<String> values = new ArrayList<>();
        copy.forEach(values::addAll);
        if (mode == SortMode.VALUESORT) {
            values.sort(Comparator.naturalOrder());
        }
        return values;
    }

    /** Splits flattened values into rows of {@code columns} values (a short last row if they do not fill it). */
    static List<List<String>> rows(List<String> values, int columns) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i += columns) {
            rows.add(values.subList(i, Math.min(values.size(), i + columns)));
        }
        return rows;
    }

    /** MD5 of the values, each followed by a newline, as sqllogictest computes it. */
    static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two numbers written as text are equal within {@link #REAL_TOLERANCE} (relative). */
    static boolean withinTolerance(String expected, String actual) {
        try {
            double e = Double.parseDouble(expected);
            double a = Double.parseDouble(actual);
            if (Double.compare(e, a) == 0) {
                return true;
            }
            return Math.abs(e - a) <= REAL_TOLERANCE * Math.max(Math.abs(e), Math.abs(a));
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    static boolean same(List<String> expected, List<String> actual, String types, SqlLogicDialect dialect) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!dialect.sameValue(expected.get(i), actual.get(i), types.charAt(i % types.length()))) {
                return false;
            }
        }
        return true;
    }

    /** The values as rows, or as a count and hash when there are more than {@code hashThreshold} (if positive). */
    static String describe(String what, List<String> values, int columns, int hashThreshold) {
        StringBuilder s = new StringBuilder(what).append(" (").append(values.size() / Math.max(1, columns)).append(" rows)");
        if (hashThreshold > 0 && values.size() > hashThreshold) {
            return s.append(": ").append(values.size()).append(" values hashing to ").append(md5(values)).append('\n').toString();
        }
        s.append(":\n");
        int shown = Math.min(values.size(), SHOWN_ROWS * columns);
        for (int i = 0; i < shown; i += columns) {
            s.append("  ").append(String.join("\t", values.subList(i, Math.min(values.size(), i + columns)))).append('\n');
        }
        if (shown < values.size()) {
            s.append("  ... ").append((values.size() - shown) / columns).append(" more rows\n");
        }
        return s.toString();
    }

    static String firstDifference(List<String> expected, List<String> actual, String types, SqlLogicDialect dialect) {
        int columns = types.length();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!dialect.sameValue(expected.get(i), actual.get(i), types.charAt(i % columns))) {
                return "first difference: row " + (i / columns + 1) + ", column " + (i % columns + 1) + ": expected "
                        + expected.get(i) + ", actual " + actual.get(i);
            }
        }
        return "row counts differ: expected " + expected.size() / columns + ", actual " + actual.size() / columns;
    }
}
