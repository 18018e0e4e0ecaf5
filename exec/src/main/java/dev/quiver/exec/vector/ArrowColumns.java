package dev.quiver.exec.vector;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.batch.Selections;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The mapping between SQL types and Arrow vectors, and the copying of values between Arrow memory
 * and {@link ValueVector}s.
 *
 * <p>Inside the engine a short DECIMAL (precision ≤ 18) is stored as a {@code BigIntVector} of
 * unscaled values, so scans read 8 bytes per value instead of 16; at the API boundary
 * ({@code api = true}) every type has its natural Arrow type and short decimals become
 * {@code DecimalVector}s. All reads and writes go through buffer addresses after one bounds check
 * per call, never through per-element checked accessors.
 */
public final class ArrowColumns {
    private ArrowColumns() {
    }

    public static ArrowType arrowType(DataType type, boolean api) {
        return switch (type.id()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case TINYINT -> new ArrowType.Int(8, true);
            case SMALLINT -> new ArrowType.Int(16, true);
            case INTEGER, UNKNOWN -> new ArrowType.Int(32, true);
            case BIGINT -> new ArrowType.Int(64, true);
            case REAL -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> type.isShortDecimal() && !api ? new ArrowType.Int(64, true)
                    : new ArrowType.Decimal(type.precision(), type.scale(), 128);
            case VARCHAR -> ArrowType.Utf8.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case INTERVAL -> new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO);
        };
    }

    public static Field field(String name, DataType type, boolean api) {
        return new Field(name, FieldType.nullable(arrowType(type, api)), null);
    }

    /** A new, empty vector for the type. */
    public static FieldVector create(String name, DataType type, BufferAllocator allocator, boolean api) {
        return field(name, type, api).createVector(allocator);
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads rows of {@code src} into {@code dst}. Row {@code sel[k]} (or {@code k} without a
     * selection) goes to entry {@code sel[k]} when {@code dstStart < 0} (position-aligned) or to
     * {@code dstStart + k} (dense append). {@code dst} must already have the capacity.
     */
    public static void read(FieldVector src, DataType type, int[] sel, int n, ValueVector dst, int dstStart) {
        int count = src.getValueCount();
        if (n > 0) {
            int max = sel == null ? n - 1 : maxOf(sel, n);
            if (max >= count) {
                throw new IllegalStateException("row " + max + " beyond vector of " + count);
            }
        }
        int[] rows = sel != null ? sel : Selections.identity(n);
        int aligned = dstStart >> 31;
        int base = dstStart & ~aligned;
        long validity = src.getValidityBufferAddress();
        boolean[] nulls = dst.nulls;
        if (hasNulls(src, count)) {
            for (int k = 0; k < n; k++) {
                int row = rows[k];
                nulls[to(row, k, aligned, base)] = !isValid(validity, row);
            }
        } else {
            for (int k = 0; k < n; k++) {
                nulls[to(rows[k], k, aligned, base)] = false;
            }
        }
        switch (dst.kind) {
            case BOOLEAN -> {
                long data = src.getDataBufferAddress();
                long[] out = dst.longs;
                for (int k = 0; k < n; k++) {
                    int row = rows[k];
                    out[to(row, k, aligned, base)] = (MemoryUtil.getByte(data + (row >>> 3)) >> (row & 7)) & 1;
                }
            }
            case LONG -> readLongs(src, type, rows, n, dst.longs, aligned, base);
            case DOUBLE -> {
                long data = src.getDataBufferAddress();
                double[] out = dst.doubles;
                if (src instanceof Float4Vector) {
                    for (int k = 0; k < n; k++) {
                        int row = rows[k];
                        out[to(row, k, aligned, base)] = Float.intBitsToFloat(MemoryUtil.getInt(data + 4L * row));
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        int row = rows[k];
                        out[to(row, k, aligned, base)] = Double.longBitsToDouble(MemoryUtil.getLong(data + 8L * row));
                    }
                }
            }
            case INT128 -> {
                long data = src.getDataBufferAddress();
                long[] lows = dst.longs;
                long[] highs = dst.highs;
                if (src instanceof BigIntVector) {
                    for (int k = 0; k < n; k++) {
                        int row = rows[k];
                        int to = to(row, k, aligned, base);
                        long v = MemoryUtil.getLong(data + 8L * row);
                        lows[to] = v;
                        highs[to] = v >> 63;
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        int row = rows[k];
                        int to = to(row, k, aligned, base);
                        lows[to] = MemoryUtil.getLong(data + 16L * row);
                        highs[to] = MemoryUtil.getLong(data + 16L * row + 8);
                    }
                }
            }
            case STRING -> {
                VarCharVector v = (VarCharVector) src;
                long offsets = v.getOffsetBufferAddress();
                long data = v.getDataBufferAddress();
                if (n > 1 && isRun(rows, n)) {
                    readStringRun(offsets, data, rows[0], n, aligned, base, dst);
                    return;
                }
                for (int k = 0; k < n; k++) {
                    int row = rows[k];
                    int to = to(row, k, aligned, base);
                    if (nulls[to]) {
                        dst.lengths[to] = 0;
                        dst.offsets[to] = 0;
                        continue;
                    }
                    int start = MemoryUtil.getInt(offsets + 4L * row);
                    int len = MemoryUtil.getInt(offsets + 4L * row + 4) - start;
                    int at = dst.reserve(len);
                    OffHeapCopy.fromMemory(data + start, dst.bytes, at, len);
                    dst.offsets[to] = at;
                    dst.lengths[to] = len;
                }
            }
            case INTERVAL -> {
                long data = src.getDataBufferAddress();
                for (int k = 0; k < n; k++) {
                    int row = rows[k];
                    int to = to(row, k, aligned, base);
                    long at = data + 16L * row;
                    dst.months[to] = MemoryUtil.getInt(at);
                    dst.days[to] = MemoryUtil.getInt(at + 4);
                    dst.longs[to] = MemoryUtil.getLong(at + 8) / 1000;
                }
            }
        }
    }

    /** Whether {@code rows[0..n)} are consecutive ascending rows. */
    private static boolean isRun(int[] rows, int n) {
        int first = rows[0];
        if (rows[n - 1] - first != n - 1) {
            return false;
        }
        for (int k = 1; k < n; k++) {
            if (rows[k] != first + k) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the strings of source rows {@code first..first+n} with one copy of their bytes (Arrow
     * keeps a run of rows' bytes contiguous), where a copy per row would call into the copy routine
     * once per value. A NULL entry keeps the bytes it spans (Arrow gives it none, or ignorable
     * ones) but has length 0, as the per-row read gives it.
     */
    private static void readStringRun(long offsets, long data, int first, int n, int aligned, int base, ValueVector dst) {
        int start = MemoryUtil.getInt(offsets + 4L * first);
        int total = MemoryUtil.getInt(offsets + 4L * (first + n)) - start;
        int at = dst.reserve(total);
        MemoryUtil.copyFromMemory(data + start, dst.bytes, at, total);
        boolean[] nulls = dst.nulls;
        int[] dstOffsets = dst.offsets;
        int[] lengths = dst.lengths;
        int from = start;
        for (int k = 0; k < n; k++) {
            int row = first + k;
            int to = to(row, k, aligned, base);
            int end = MemoryUtil.getInt(offsets + 4L * row + 4);
            boolean isNull = nulls[to];
            dstOffsets[to] = isNull ? 0 : at + (from - start);
            lengths[to] = isNull ? 0 : end - from;
            from = end;
        }
    }

    /*
     * Every caller's shape (a selection or none; values position-aligned or appended densely) runs
     * the same loops: the source rows come from an array (the identity without a selection), the
     * destination from masks. A test of the shape inside the loops made the JIT hoist it as a
     * guard from the first callers' profile, and each caller of another shape then threw the
     * compiled method away (it was recompiled some five times in a TPC-H run).
     */

    /**
     * The destination of the k-th value read from source row {@code row}: {@code row} itself when
     * {@code aligned} is -1, {@code base + k} when it is 0.
     */
    private static int to(int row, int k, int aligned, int base) {
        return (row & aligned) + ((base + k) & ~aligned);
    }

    private static void readLongs(FieldVector src, DataType type, int[] rows, int n, long[] out, int aligned, int base) {
        long data = src.getDataBufferAddress();
        if (src instanceof DecimalVector) {
            // A short decimal handed in with its API type: the low word holds the whole value.
            for (int k = 0; k < n; k++) {
                int row = rows[k];
                out[to(row, k, aligned, base)] = MemoryUtil.getLong(data + 16L * row);
            }
            return;
        }
        int width = ((BaseFixedWidthVector) src).getTypeWidth();
        switch (width) {
            case 1 -> {
                for (int k = 0; k < n; k++) {
                    int row = rows[k];
                    out[to(row, k, aligned, base)] = MemoryUtil.getByte(data + row);
                }
            }
            case 2 -> {
                for (int k = 0; k < n; k++) {
                    int row = rows[k];
                    out[to(row, k, aligned, base)] = MemoryUtil.getShort(data + 2L * row);
                }
            }
            case 4 -> {
                for (int k = 0; k < n; k++) {
                    int row = rows[k];
                    out[to(row, k, aligned, base)] = MemoryUtil.getInt(data + 4L * row);
                }
            }
            case 8 -> {
                for (int k = 0; k < n; k++) {
                    int row = rows[k];
                    out[to(row, k, aligned, base)] = MemoryUtil.getLong(data + 8L * row);
                }
            }
            default -> throw new IllegalStateException("unexpected width " + width + " for " + type);
        }
    }

    /**
     * Whether any of the first {@code rows} values is NULL: the validity bitmap read 64 bits at a
     * time (Arrow's own count reads it a checked byte at a time, which shows in profiles).
     */
    public static boolean hasNulls(FieldVector v, int rows) {
        if (rows == 0) {
            return false;
        }
        long address = v.getValidityBufferAddress();
        int words = rows >>> 6;
        for (int w = 0; w < words; w++) {
            if (MemoryUtil.getLong(address + 8L * w) != -1L) {
                return true;
            }
        }
        for (int row = words << 6; row < rows; row++) {
            if (!isValid(address, row)) {
                return true;
            }
        }
        return false;
    }

    static boolean isValid(long validityAddress, int row) {
        return ((MemoryUtil.getByte(validityAddress + (row >>> 3)) >> (row & 7)) & 1) != 0;
    }

    private static int maxOf(int[] sel, int n) {
        int max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, sel[k]);
        }
        return max;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes entries {@code positions[k]} (or {@code k}) of {@code src}, k < n, into rows 0..n-1 of
     * {@code dst}, growing its buffers as needed, and sets its value count to n.
     */
    public static void write(ValueVector src, int[] positions, int n, FieldVector dst) {
        write(src, positions, n, n, false, dst);
    }

    /**
     * Writes entries {@code sel[k]} of {@code src} into the same rows of {@code dst} (a batch's
     * positions stay where they are); the vector gets {@code rowCount} rows, the unselected ones
     * NULL.
     */
    public static void writeAligned(ValueVector src, int[] sel, int n, int rowCount, FieldVector dst) {
        write(src, sel, n, rowCount, true, dst);
    }

    private static void write(ValueVector src, int[] positions, int n, int rows, boolean aligned, FieldVector dst) {
        int[] from = positions != null ? positions : Selections.identity(n);
        // The row of the k-th value: its position (aligned) or k (dense), chosen by mask as in read.
        int keep = aligned ? -1 : 0;
        if (dst instanceof BaseVariableWidthVector v) {
            writeStrings(src, from, n, rows, keep, v);
            return;
        }
        BaseFixedWidthVector v = (BaseFixedWidthVector) dst;
        if (v.getValueCapacity() < rows) {
            v.allocateNew(Math.max(rows, 1));
        }
        long validity = v.getValidityBufferAddress();
        MemoryUtil.setMemory(validity, (rows + 7) / 8, (byte) 0);
        long data = v.getDataBufferAddress();
        boolean[] nulls = src.nulls;
        for (int k = 0; k < n; k++) {
            int p = from[k];
            if (!nulls[p]) {
                setValid(validity, to(p, k, keep, 0));
            }
        }
        long[] longs = src.longs;
        if (dst instanceof BitVector) {
            MemoryUtil.setMemory(data, (rows + 7) / 8, (byte) 0);
            for (int k = 0; k < n; k++) {
                int p = from[k];
                if (!nulls[p] && longs[p] != 0) {
                    setValid(data, to(p, k, keep, 0));
                }
            }
        } else if (dst instanceof DecimalVector && src.kind == Kind.INT128) {
            // Two loops, not one testing the kind per value: the JIT hoisted the high words' bounds
            // check out of the loop for wide sources, and a narrow one (no high words) then threw
            // the compiled method away.
            long[] highs = src.highs;
            for (int k = 0; k < n; k++) {
                int p = from[k];
                long at = data + 16L * to(p, k, keep, 0);
                MemoryUtil.putLong(at, longs[p]);
                MemoryUtil.putLong(at + 8, highs[p]);
            }
        } else if (dst instanceof DecimalVector) {
            for (int k = 0; k < n; k++) {
                int p = from[k];
                long at = data + 16L * to(p, k, keep, 0);
                long lo = longs[p];
                MemoryUtil.putLong(at, lo);
                MemoryUtil.putLong(at + 8, lo >> 63);
            }
        } else if (dst instanceof IntervalMonthDayNanoVector) {
            for (int k = 0; k < n; k++) {
                int p = from[k];
                long at = data + 16L * to(p, k, keep, 0);
                MemoryUtil.putInt(at, src.months[p]);
                MemoryUtil.putInt(at + 4, src.days[p]);
                MemoryUtil.putLong(at + 8, longs[p] * 1000);
            }
        } else if (dst instanceof Float8Vector) {
            for (int k = 0; k < n; k++) {
                int p = from[k];
                MemoryUtil.putLong(data + 8L * to(p, k, keep, 0), Double.doubleToRawLongBits(src.doubles[p]));
            }
        } else if (dst instanceof Float4Vector) {
            for (int k = 0; k < n; k++) {
                int p = from[k];
                MemoryUtil.putInt(data + 4L * to(p, k, keep, 0), Float.floatToRawIntBits((float) src.doubles[p]));
            }
        } else {
            switch (v.getTypeWidth()) {
                case 1 -> {
                    for (int k = 0; k < n; k++) {
                        int p = from[k];
                        MemoryUtil.putByte(data + to(p, k, keep, 0), (byte) longs[p]);
                    }
                }
                case 2 -> {
                    for (int k = 0; k < n; k++) {
                        int p = from[k];
                        MemoryUtil.putShort(data + 2L * to(p, k, keep, 0), (short) longs[p]);
                    }
                }
                case 4 -> {
                    for (int k = 0; k < n; k++) {
                        int p = from[k];
                        MemoryUtil.putInt(data + 4L * to(p, k, keep, 0), (int) longs[p]);
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        int p = from[k];
                        MemoryUtil.putLong(data + 8L * to(p, k, keep, 0), longs[p]);
                    }
                }
            }
        }
        v.setValueCount(rows);
    }

    private static void writeStrings(ValueVector src, int[] from, int n, int rows, int keep, BaseVariableWidthVector v) {
        long total = 0;
        for (int k = 0; k < n; k++) {
            int p = from[k];
            if (!src.nulls[p]) {
                total += src.lengths[p];
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw new QuiverException(SqlState.OUT_OF_MEMORY, "a batch of strings exceeds 2 GiB");
        }
        // At least one row of capacity: the offset of row 0 is written even when there are no rows.
        if (v.getValueCapacity() < Math.max(rows, 1) || v.getDataBuffer().capacity() < total) {
            v.allocateNew(Math.max(total, 1), Math.max(rows, 1));
        }
        long validity = v.getValidityBufferAddress();
        MemoryUtil.setMemory(validity, (rows + 7) / 8, (byte) 0);
        long offsets = v.getOffsetBufferAddress();
        long data = v.getDataBufferAddress();
        int at = 0;
        int row = 0;
        MemoryUtil.putInt(offsets, 0);
        for (int k = 0; k < n; k++) {
            int p = from[k];
            int target = to(p, k, keep, 0);
            while (row < target) {
                // Rows between selected ones are empty (and NULL).
                MemoryUtil.putInt(offsets + 4L * (++row), at);
            }
            if (!src.nulls[p]) {
                setValid(validity, target);
                int len = src.lengths[p];
                OffHeapCopy.toMemory(src.bytes, src.offsets[p], data + at, len);
                at += len;
            }
            MemoryUtil.putInt(offsets + 4L * (++row), at);
        }
        while (row < rows) {
            MemoryUtil.putInt(offsets + 4L * (++row), at);
        }
        v.setLastSet(rows - 1);
        v.setValueCount(rows);
    }

    static void setValid(long bitmap, int row) {
        long at = bitmap + (row >>> 3);
        MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (row & 7))));
    }

    // ------------------------------------------------------------------ single values (tests, results, literals)

    /** The value at {@code row} as the canonical Java object of the type (see {@code Literal}), or null. */
    public static Object getObject(FieldVector v, DataType type, int row) {
        if (v.isNull(row)) {
            return null;
        }
        ValueVector one = new ValueVector(type, 1);
        read(v, type, new int[] {row}, 1, one, 0);
        return Values.toObject(one, 0);
    }

    /** A 128-bit value as BigInteger (for conversions that are not on a hot path). */
    public static BigInteger toBigInteger(long high, long low) {
        return BigInteger.valueOf(high).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
    }

    public static BigDecimal toBigDecimal(long high, long low, int scale) {
        return new BigDecimal(toBigInteger(high, low), scale);
    }

    /** Whether the class is the one {@link #create} makes for the type (internal or API form). */
    public static boolean accepts(FieldVector v, DataType type) {
        return switch (type.id()) {
            case BOOLEAN -> v instanceof BitVector;
            case TINYINT -> v instanceof TinyIntVector;
            case SMALLINT -> v instanceof SmallIntVector;
            case INTEGER, UNKNOWN -> v instanceof IntVector;
            case BIGINT -> v instanceof BigIntVector;
            case REAL -> v instanceof Float4Vector;
            case DOUBLE -> v instanceof Float8Vector;
            case DECIMAL -> v instanceof DecimalVector || (type.isShortDecimal() && v instanceof BigIntVector);
            case VARCHAR -> v instanceof VarCharVector;
            case DATE -> v instanceof DateDayVector;
            case TIMESTAMP -> v instanceof TimeStampMicroVector;
            case INTERVAL -> v instanceof IntervalMonthDayNanoVector;
        };
    }
}
