package dev.quiver.engine.storage;

import dev.quiver.exec.function.HyperLogLog;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The running statistics of one column: null count, least and greatest value (on the value line of
 * {@link ColumnStatistics}) and a {@link HyperLogLog} of the distinct values. A combinable state,
 * like an aggregate's: {@link #add} folds in rows, and an append extends a copy of the table's
 * sketch with the new rows only. Mutable while it is built; once a {@link TableData} publishes it,
 * nothing changes it again.
 */
final class ColumnSketch {
    private final DataType type;
    /** 10^scale for DECIMAL, whose values are held unscaled; 1 otherwise. */
    private final double unscale;
    /** Whether the type has a value line (see {@link ColumnStatistics}). */
    private final boolean ordered;
    private final HyperLogLog distinct;
    private long nulls;
    private long nonNull;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    ColumnSketch(DataType type) {
        this(type, new HyperLogLog());
    }

    private ColumnSketch(DataType type, HyperLogLog distinct) {
        this.type = type;
        this.unscale = type.id() == TypeId.DECIMAL ? Math.pow(10, type.scale()) : 1;
        Kind kind = Kind.of(type);
        this.ordered = kind == Kind.LONG || kind == Kind.DOUBLE || kind == Kind.INT128 || kind == Kind.BOOLEAN;
        this.distinct = distinct;
    }

    ColumnSketch copy() {
        ColumnSketch c = new ColumnSketch(type, distinct.copy());
        c.nulls = nulls;
        c.nonNull = nonNull;
        c.min = min;
        c.max = max;
        return c;
    }

    /** Folds in entries {@code from .. from+n-1} of {@code values}. */
    void add(ValueVector values, int from, int n) {
        for (int r = from; r < from + n; r++) {
            if (values.nulls[r]) {
                nulls++;
                continue;
            }
            nonNull++;
            distinct.add(ValueComparisons.hash(values, r));
            if (ordered) {
                double p = position(values, r);
                if (!Double.isNaN(p)) {
                    min = Math.min(min, p);
                    max = Math.max(max, p);
                }
            }
        }
    }

    private double position(ValueVector values, int r) {
        return switch (values.kind) {
            case BOOLEAN, LONG -> values.longs[r] / unscale;
            case DOUBLE -> values.doubles[r];
            case INT128 -> int128(values.highs[r], values.longs[r]) / unscale;
            case STRING, INTERVAL -> Double.NaN;
        };
    }

    /** A 128-bit two's-complement value as a double, exact for values that fit a long. */
    private static double int128(long high, long low) {
        if (high == low >> 63) {
            return low; // the high word only extends the low word's sign
        }
        // high * 2^64 + the low word read as unsigned
        return high * 0x1p64 + (low >>> 1) * 2.0 + (low & 1);
    }

    ColumnStatistics statistics() {
        boolean range = min <= max;
        // HyperLogLog may overshoot by its error; there are never more distinct values than values
        return new ColumnStatistics(nulls, OptionalLong.of(Math.min(nonNull, distinct.estimate())), range ? OptionalDouble.of(min) : OptionalDouble.empty(),
                range ? OptionalDouble.of(max) : OptionalDouble.empty());
    }
}
