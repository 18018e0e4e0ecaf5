package dev.quiver.exec.vector;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of values on the Java heap, typed by {@link Kind}: the interpreter's working vector and
 * the storage of materializing operators (hash-table keys, sort buffers, aggregate results).
 *
 * <p>Two ways of use. As an evaluation result it is position-aligned with a batch: entry {@code i}
 * holds row {@code i}'s value, and only the rows of the batch's selection are defined. As a buffer
 * it is dense and grows by {@link #ensureCapacity}. Null flags are in {@link #nulls} in both cases;
 * a value slot under a null flag is undefined.
 *
 * <p>Strings live in one byte arena ({@link #bytes}) addressed by {@link #offsets} and
 * {@link #lengths}; {@link #resetArena()} reuses it for the next batch.
 */
public final class ValueVector {
    public final DataType type;
    public final Kind kind;
    public boolean[] nulls;
    /** LONG values, INT128 low words, INTERVAL micros, BOOLEAN as 0/1. */
    public long[] longs;
    /** INT128 high words. */
    public long[] highs;
    public double[] doubles;
    /** INTERVAL months and days. */
    public int[] months;
    public int[] days;
    /** STRING arena and per-entry location. */
    public byte[] bytes;
    public int[] offsets;
    public int[] lengths;
    public int arenaSize;
    private int capacity;

    public ValueVector(DataType type, int capacity) {
        this.type = requireNonNull(type, "type");
        this.kind = Kind.of(type);
        this.capacity = 0;
        ensureCapacity(Math.max(1, capacity));
    }

    public int capacity() {
        return capacity;
    }

    /** The Java heap this vector's arrays take (their lengths, not the entries in use), for memory limits. */
    public long heapBytes() {
        long bytes8 = (longs == null ? 0 : longs.length) + (highs == null ? 0 : highs.length) + (doubles == null ? 0 : doubles.length);
        long bytes4 = (months == null ? 0 : months.length) + (days == null ? 0 : days.length)
                + (offsets == null ? 0 : offsets.length) + (lengths == null ? 0 : lengths.length);
        return 8 * bytes8 + 4 * bytes4 + (nulls == null ? 0 : nulls.length) + (bytes == null ? 0 : bytes.length);
    }

    /** The {@link #heapBytes} of all of {@code vectors}; null entries (columns not made yet) take nothing. */
    public static long heapBytes(ValueVector[] vectors) {
        long bytes = 0;
        for (ValueVector v : vectors) {
            bytes += v == null ? 0 : v.heapBytes();
        }
        return bytes;
    }

    /** Grows every array to hold at least {@code n} entries, keeping the contents. */
    public void ensureCapacity(int n) {
        if (n <= capacity) {
            return;
        }
        int c = Math.max(n, capacity + (capacity >> 1));
        nulls = nulls == null ? new boolean[c] : Arrays.copyOf(nulls, c);
        switch (kind) {
            case BOOLEAN, LONG -> longs = grow(longs, c);
            case DOUBLE -> doubles = doubles == null ? new double[c] : Arrays.copyOf(doubles, c);
            case INT128 -> {
                longs = grow(longs, c);
                highs = grow(highs, c);
            }
            case STRING -> {
                offsets = offsets == null ? new int[c] : Arrays.copyOf(offsets, c);
                lengths = lengths == null ? new int[c] : Arrays.copyOf(lengths, c);
                if (bytes == null) {
                    bytes = new byte[Math.max(64, c * 8)];
                }
            }
            case INTERVAL -> {
                longs = grow(longs, c);
                months = months == null ? new int[c] : Arrays.copyOf(months, c);
                days = days == null ? new int[c] : Arrays.copyOf(days, c);
            }
        }
        capacity = c;
    }

    private static long[] grow(long[] a, int c) {
        return a == null ? new long[c] : Arrays.copyOf(a, c);
    }

    /** Forgets all strings (the arena is reused from the start). */
    public void resetArena() {
        arenaSize = 0;
    }

    /** Reserves {@code n} bytes in the arena and returns their start. */
    public int reserve(int n) {
        int start = arenaSize;
        int needed = start + n;
        if (needed > bytes.length) {
            if (needed < 0) {
                throw new IllegalStateException("string arena over 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8L, bytes.length * 2L)));
        }
        arenaSize = needed;
        return start;
    }

    /** Sets entry {@code i} to a copy of {@code src[from, from+len)}. */
    public void setString(int i, byte[] src, int from, int len) {
        int start = reserve(len);
        System.arraycopy(src, from, bytes, start, len);
        offsets[i] = start;
        lengths[i] = len;
        nulls[i] = false;
    }

    public void setString(int i, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        setString(i, b, 0, b.length);
    }

    public String getString(int i) {
        return new String(bytes, offsets[i], lengths[i], StandardCharsets.UTF_8);
    }

    /**
     * Copies entries {@code from..from+n} of {@code src} (same kind) into entries {@code to..to+n},
     * which must exist: whole array ranges at once, strings one by one into this arena.
     */
    public void copyRange(ValueVector src, int from, int to, int n) {
        System.arraycopy(src.nulls, from, nulls, to, n);
        switch (kind) {
            case BOOLEAN, LONG -> System.arraycopy(src.longs, from, longs, to, n);
            case DOUBLE -> System.arraycopy(src.doubles, from, doubles, to, n);
            case INT128 -> {
                System.arraycopy(src.longs, from, longs, to, n);
                System.arraycopy(src.highs, from, highs, to, n);
            }
            case STRING -> {
                for (int k = 0; k < n; k++) {
                    if (!src.nulls[from + k]) {
                        setString(to + k, src.bytes, src.offsets[from + k], src.lengths[from + k]);
                    }
                }
            }
            case INTERVAL -> {
                System.arraycopy(src.longs, from, longs, to, n);
                System.arraycopy(src.months, from, months, to, n);
                System.arraycopy(src.days, from, days, to, n);
            }
        }
    }

    /** Copies entry {@code from} of {@code src} (same kind) into entry {@code to}. */
    public void copyFrom(ValueVector src, int from, int to) {
        if (src.nulls[from]) {
            nulls[to] = true;
            return;
        }
        nulls[to] = false;
        switch (kind) {
            case BOOLEAN, LONG -> longs[to] = src.longs[from];
            case DOUBLE -> doubles[to] = src.doubles[from];
            case INT128 -> {
                longs[to] = src.longs[from];
                highs[to] = src.highs[from];
            }
            case STRING -> setString(to, src.bytes, src.offsets[from], src.lengths[from]);
            case INTERVAL -> {
                longs[to] = src.longs[from];
                months[to] = src.months[from];
                days[to] = src.days[from];
            }
        }
    }
}
