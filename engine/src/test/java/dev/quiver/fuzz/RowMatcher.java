package dev.quiver.fuzz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Pairs the rows of two multisets whose inexact numbers may differ within the comparison's
 * tolerance. Sorting both sides and pairing them by position is not enough: float noise can
 * reorder rows whose other columns differ (7.36 in one engine, 7.359999999999999 in the other).
 * So rows are bucketed by a coarse key (every number to {@value #BUCKET_DIGITS} significant
 * digits, other values as they are), and within a bucket each actual row, smallest first, takes
 * the smallest expected row that {@link ResultComparator#valuesMatch matches} it column by column.
 */
final class RowMatcher {
    /**
     * Significant digits of a number in a bucket key: far coarser than the tolerance, so values
     * equal within it share a bucket unless they straddle a rounding boundary (a chance of about
     * 1e-9 / 1e-6 per value pair at the very worst).
     */
    static final int BUCKET_DIGITS = 6;
    private static final MathContext BUCKET = new MathContext(BUCKET_DIGITS);
    /** Stands for NULL in a bucket key. */
    private static final Object NULL = new Object();

    private RowMatcher() {
    }

    /** The rows each side has that the other lacks. */
    record Unmatched(List<List<Object>> missing, List<List<Object>> unexpected) {
        Unmatched {
            missing = List.copyOf(missing);
            unexpected = List.copyOf(unexpected);
        }

        boolean isEmpty() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }

    static Unmatched match(List<List<Object>> expected, List<List<Object>> actual) {
        // Both sides in exact order, so that within a bucket the n-th smallest pairs with the n-th smallest.
        Map<List<Object>, LinkedList<List<Object>>> buckets = new HashMap<>();
        for (List<Object> row : ResultComparator.sorted(expected)) {
            buckets.computeIfAbsent(key(row), k -> new LinkedList<>()).add(row);
        }
        List<List<Object>> unexpected = new ArrayList<>();
        for (List<Object> row : ResultComparator.sorted(actual)) {
            LinkedList<List<Object>> bucket = buckets.get(key(row));
            if (bucket == null || !removeMatch(bucket, row)) {
                unexpected.add(row);
            }
        }
        List<List<Object>> missing = new ArrayList<>();
        buckets.values().forEach(missing::addAll);
        return new Unmatched(ResultComparator.sorted(missing), ResultComparator.sorted(unexpected));
    }

    private static boolean removeMatch(LinkedList<List<Object>> bucket, List<Object> row) {
        for (Iterator<List<Object>> it = bucket.iterator(); it.hasNext();) {
            List<Object> candidate = it.next();
            if (rowsMatch(candidate, row)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    static boolean rowsMatch(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int c = 0; c < a.size(); c++) {
            if (!ResultComparator.valuesMatch(a.get(c), b.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> key(List<Object> row) {
        List<Object> key = new ArrayList<>(row.size());
        for (Object v : row) {
            key.add(v == null ? NULL : v instanceof Number n ? coarse(n) : v);
        }
        return key;
    }

    /** A number to {@value #BUCKET_DIGITS} significant digits, whatever its Java type; NaN and infinities as they are. */
    private static Object coarse(Number n) {
        BigDecimal exact;
        if (n instanceof BigDecimal d) {
            exact = d;
        } else if (n instanceof java.math.BigInteger i) {
            exact = new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return d;
            }
            exact = new BigDecimal(d);
        } else {
            exact = BigDecimal.valueOf(n.longValue());
        }
        return exact.round(BUCKET).stripTrailingZeros();
    }
}
