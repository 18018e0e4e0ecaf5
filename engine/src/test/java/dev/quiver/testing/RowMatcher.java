package dev.quiver.testing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Pairs the rows of two multisets whose numbers may differ within a comparison's tolerance.
 * Sorting both sides and pairing them by position is not enough: float noise can reorder rows
 * whose other columns differ (7.36 in one engine, 7.359999999999999 in the other). So rows are
 * bucketed by a coarse key (every number to {@value #BUCKET_MARGIN_DIGITS} significant digits fewer
 * than the tolerance resolves, other values as they are), and within a bucket each actual row,
 * smallest first, takes the smallest expected row that {@link ResultComparator#valuesMatch
 * matches} it column by column. Rows left over (numbers equal within the tolerance that straddle a
 * rounding boundary of the bucket key, or lie within an absolute tolerance of zero on either side)
 * are then paired the same way across buckets.
 */
final class RowMatcher {
    /**
     * How much coarser than the tolerance a bucket key is, in significant digits: values equal
     * within the tolerance then share a bucket but for about one pair in 10^3 at the very worst,
     * which the pass over leftover rows pairs.
     */
    static final int BUCKET_MARGIN_DIGITS = 3;
    /**
     * Most pairs of leftover rows tried one by one: each try usually stops at its first column, so
     * this is milliseconds; results that differ in so many rows are reported without the pass.
     */
    static final long MAX_LEFTOVER_PAIRS = 1_000_000;
    /** Stands for NULL in a bucket key. */
    private static final Object NULL = new Object();

    private final ResultComparator comparator;
    private final MathContext bucket;

    RowMatcher(ResultComparator comparator) {
        this.comparator = requireNonNull(comparator, "comparator");
        this.bucket = new MathContext(Math.max(1, comparator.numbers().resolvedDigits() - BUCKET_MARGIN_DIGITS));
    }

    /** The rows each side has that the other lacks, each sorted. */
    record Unmatched(List<List<Object>> missing, List<List<Object>> unexpected) {
        Unmatched {
            missing = List.copyOf(missing);
            unexpected = List.copyOf(unexpected);
        }

        boolean isEmpty() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }

    Unmatched match(List<List<Object>> expected, List<List<Object>> actual) {
        // Both sides in exact order, so that within a bucket the n-th smallest pairs with the n-th smallest.
        Map<List<Object>, LinkedList<List<Object>>> buckets = new HashMap<>();
        for (List<Object> row : Values.sorted(expected)) {
            buckets.computeIfAbsent(key(row), k -> new LinkedList<>()).add(row);
        }
        List<List<Object>> unexpected = new ArrayList<>();
        for (List<Object> row : Values.sorted(actual)) {
            LinkedList<List<Object>> bucket = buckets.get(key(row));
            if (bucket == null || !removeMatch(bucket, row)) {
                unexpected.add(row);
            }
        }
        List<List<Object>> missing = new ArrayList<>();
        buckets.values().forEach(missing::addAll);
        LinkedList<List<Object>> leftover = new LinkedList<>(Values.sorted(missing));
        List<List<Object>> unpaired = new ArrayList<>();
        if ((long) leftover.size() * unexpected.size() > MAX_LEFTOVER_PAIRS) {
            unpaired = unexpected;
        } else {
            for (List<Object> row : unexpected) {
                if (!removeMatch(leftover, row)) {
                    unpaired.add(row);
                }
            }
        }
        return new Unmatched(leftover, unpaired);
    }

    private boolean removeMatch(LinkedList<List<Object>> candidates, List<Object> row) {
        for (Iterator<List<Object>> it = candidates.iterator(); it.hasNext();) {
            if (rowsMatch(it.next(), row)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private boolean rowsMatch(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int c = 0; c < a.size(); c++) {
            if (!comparator.valuesMatch(a.get(c), b.get(c))) {
                return false;
            }
        }
        return true;
    }

    private List<Object> key(List<Object> row) {
        List<Object> key = new ArrayList<>(row.size());
        for (Object v : row) {
            key.add(v == null ? NULL : v instanceof Number n ? coarse(n) : v);
        }
        return key;
    }

    /** A number to the bucket's significant digits, whatever its Java type; NaN and infinities as they are. */
    private Object coarse(Number n) {
        BigDecimal exact;
        if (n instanceof BigDecimal d) {
            exact = d;
        } else if (n instanceof BigInteger i) {
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
        return exact.round(bucket).stripTrailingZeros();
    }
}
