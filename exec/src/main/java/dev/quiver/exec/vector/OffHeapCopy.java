package dev.quiver.exec.vector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Copies between heap byte arrays and off-heap memory, short ones (most strings of a table's
 * columns: names, flags, codes) word by word rather than through a call into the copy routine.
 */
public final class OffHeapCopy {
    /**
     * Longest copy done word by word: Unsafe's copy checks its arguments (a reflective test that
     * the array is primitive) and calls a stub per copy, which costs more than two word moves.
     */
    static final int SHORT_COPY_BYTES = 16;
    private static final VarHandle NATIVE_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private OffHeapCopy() {
    }

    /** Copies {@code src[from, from+length)} to {@code address}. */
    public static void toMemory(byte[] src, int from, long address, int length) {
        if (length > SHORT_COPY_BYTES) {
            MemoryUtil.copyToMemory(src, from, address, length);
            return;
        }
        int j = 0;
        for (; j + Long.BYTES <= length; j += Long.BYTES) {
            MemoryUtil.putLong(address + j, (long) NATIVE_LONGS.get(src, from + j));
        }
        for (; j < length; j++) {
            MemoryUtil.putByte(address + j, src[from + j]);
        }
    }

    /** Copies the {@code length} bytes at {@code address} to {@code dst[at, at+length)}. */
    public static void fromMemory(long address, byte[] dst, int at, int length) {
        if (length > SHORT_COPY_BYTES) {
            MemoryUtil.copyFromMemory(address, dst, at, length);
            return;
        }
        int j = 0;
        for (; j + Long.BYTES <= length; j += Long.BYTES) {
            NATIVE_LONGS.set(dst, at + j, MemoryUtil.getLong(address + j));
        }
        for (; j < length; j++) {
            dst[at + j] = MemoryUtil.getByte(address + j);
        }
    }
}
