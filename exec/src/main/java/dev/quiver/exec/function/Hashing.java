package dev.quiver.exec.function;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * 64-bit hashing for hash tables. Values that compare equal hash equally: -0.0 and 0.0 hash alike,
 * all NaNs hash alike, and a key's hash combines its columns' hashes in order.
 */
public final class Hashing {
    /** Hash of SQL NULL (a fixed odd constant so NULL keys group together). */
    public static final long NULL_HASH = 0x5bd1e9955bd1e995L;
    private static final long M = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** A strong mix of 64 bits (the finalizer of MurmurHash3 / SplitMix64). */
    public static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    public static long hashLong(long v) {
        return mix(v * M);
    }

    public static long hashDouble(double d) {
        if (d == 0) {
            return hashLong(0);
        }
        if (Double.isNaN(d)) {
            return hashLong(0x7ff8000000000000L);
        }
        return hashLong(Double.doubleToLongBits(d));
    }

    public static long hash128(long high, long low) {
        return mix(hashLong(low) ^ (high * M));
    }

    /** The hash of bytes {@code off..off+len} of {@code b}; {@link #hashMemory} hashes the same bytes in off-heap memory alike. */
    public static long hashBytes(byte[] b, int off, int len) {
        long h = len * M;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = (h ^ mix(MemoryUtil.getLong(b, off + i))) * M;
        }
        long tail;
        if (len >= 8) {
            tail = tail(MemoryUtil.getLong(b, off + len - 8), len - i);
        } else {
            tail = 0;
            for (int s = 0; i < len; i++, s += 8) {
                tail |= (b[off + i] & 0xFFL) << s;
            }
        }
        return mix(h ^ tail);
    }

    /**
     * The hash of the {@code len} bytes at off-heap {@code address}: exactly {@link #hashBytes} of the
     * same bytes, so a value hashed where it lies in Arrow memory finds the group or build row whose
     * copy was hashed on the heap.
     */
    public static long hashMemory(long address, int len) {
        long h = len * M;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = (h ^ mix(MemoryUtil.getLong(address + i))) * M;
        }
        long tail;
        if (len >= 8) {
            tail = tail(MemoryUtil.getLong(address + len - 8), len - i);
        } else {
            tail = 0;
            for (int s = 0; i < len; i++, s += 8) {
                tail |= (MemoryUtil.getByte(address + i) & 0xFFL) << s;
            }
        }
        return mix(h ^ tail);
    }

    /**
     * The last {@code rem} (0 to 7) bytes of a value of at least 8 bytes, as the low bytes of a word
     * (the first of them lowest), from its last 8 bytes read as one little-endian word: the bytes a
     * loop would gather one at a time, without the loop's branch on the length.
     */
    private static long tail(long lastWord, int rem) {
        return rem == 0 ? 0 : lastWord >>> (Long.SIZE - Byte.SIZE * rem);
    }

    public static long combine(long running, long next) {
        return (running ^ next) * M + (running >>> 29);
    }
}
