package dev.quiver.exec.vector;

import dev.quiver.exec.function.Arithmetic;
import dev.quiver.exec.function.DateTimeFunctions;
import dev.quiver.exec.function.Hashing;
import dev.quiver.exec.function.Int128;
import dev.quiver.exec.function.Strings;
import dev.quiver.planner.type.DataType;

/**
 * Order, equality and hashing of non-NULL entries of {@link ValueVector}s of one kind, with SQL's
 * rules (NaN equals NaN and sorts last, -0 equals 0, strings in code point order, intervals by
 * their length in PostgreSQL's 30-day months).
 */
public final class ValueComparisons {
    private ValueComparisons() {
    }

    public static int compare(ValueVector a, int i, ValueVector b, int j) {
        return switch (a.kind) {
            case BOOLEAN, LONG -> Long.compare(a.longs[i], b.longs[j]);
            case DOUBLE -> Arithmetic.compareDouble(a.doubles[i], b.doubles[j]);
            case INT128 -> Int128.compare(a.highs[i], a.longs[i], b.highs[j], b.longs[j]);
            case STRING -> Strings.compare(a.bytes, a.offsets[i], a.lengths[i], b.bytes, b.offsets[j], b.lengths[j]);
            case INTERVAL -> DateTimeFunctions.compareInterval(a.months[i], a.days[i], a.longs[i], b.months[j], b.days[j], b.longs[j]);
        };
    }

    public static boolean equal(ValueVector a, int i, ValueVector b, int j) {
        return switch (a.kind) {
            case BOOLEAN, LONG -> a.longs[i] == b.longs[j];
            case DOUBLE -> Arithmetic.compareDouble(a.doubles[i], b.doubles[j]) == 0;
            case INT128 -> a.longs[i] == b.longs[j] && a.highs[i] == b.highs[j];
            case STRING -> Strings.equals(a.bytes, a.offsets[i], a.lengths[i], b.bytes, b.offsets[j], b.lengths[j]);
            case INTERVAL -> compare(a, i, b, j) == 0;
        };
    }

    /** Hash of entry i (NULL-aware): equal values hash equally. */
    public static long hash(ValueVector v, int i) {
        if (v.nulls[i]) {
            return Hashing.NULL_HASH;
        }
        return switch (v.kind) {
            case BOOLEAN, LONG -> Hashing.hashLong(v.longs[i]);
            case DOUBLE -> Hashing.hashDouble(v.doubles[i]);
            case INT128 -> Hashing.hash128(v.highs[i], v.longs[i]);
            case STRING -> Hashing.hashBytes(v.bytes, v.offsets[i], v.lengths[i]);
            case INTERVAL -> {
                // Equal intervals (1 month = 30 days) must hash equally: hash the normalized span.
                long days = v.months[i] * 30L + v.days[i];
                yield Hashing.hash128(days + Math.floorDiv(v.longs[i], 86_400_000_000L), Math.floorMod(v.longs[i], 86_400_000_000L));
            }
        };
    }

    /**
     * Whether values of the two types are held alike, so that they compare, hash and convert as
     * they are: the same kind and, where that is not enough, the same type (integers of any width;
     * decimals of one scale). An UNKNOWN type goes with any other: its values are all NULL.
     */
    public static boolean sameRepresentation(DataType a, DataType b) {
        if (a.isUnknown() || b.isUnknown()) {
            return true;
        }
        Kind kind = Kind.of(a);
        if (kind != Kind.of(b)) {
            return false;
        }
        return switch (kind) {
            case BOOLEAN, DOUBLE, STRING -> true;
            case LONG -> a.isIntegral() && b.isIntegral() || a.id() == b.id() && a.scale() == b.scale();
            case INT128, INTERVAL -> a.id() == b.id() && a.scale() == b.scale();
        };
    }

    /** Hash of row {@code i} of aligned columns: the columns' hashes (NULL-aware) combined in order. */
    public static long hashRow(ValueVector[] columns, int i) {
        long h = 0;
        for (ValueVector v : columns) {
            h = Hashing.combine(h, hash(v, i));
        }
        return h;
    }

    /**
     * Whether row {@code i} of {@code a} and row {@code j} of {@code b} (same kinds, column by column)
     * are equal, NULL equal to NULL: the key equality of GROUP BY and of IS NOT DISTINCT FROM.
     */
    public static boolean rowsEqual(ValueVector[] a, int i, ValueVector[] b, int j) {
        for (int c = 0; c < a.length; c++) {
            ValueVector x = a[c];
            ValueVector y = b[c];
            boolean xn = x.nulls[i];
            boolean yn = y.nulls[j];
            if (xn || yn) {
                if (xn != yn) {
                    return false;
                }
            } else if (!equal(x, i, y, j)) {
                return false;
            }
        }
        return true;
    }
}
