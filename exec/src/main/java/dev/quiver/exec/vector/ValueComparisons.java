package dev.quiver.exec.vector;

import dev.quiver.exec.function.Arithmetic;
import dev.quiver.exec.function.DateTimeFunctions;
import dev.quiver.exec.function.Hashing;
import dev.quiver.exec.function.Int128;
import dev.quiver.exec.function.Strings;

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
}
