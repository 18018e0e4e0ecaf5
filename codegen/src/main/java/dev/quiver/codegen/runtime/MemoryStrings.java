package dev.quiver.codegen.runtime;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A UTF-8 value in Arrow memory compared with heap bytes (a literal, a stored group key), for
 * generated code that tests or groups a string column without first copying the value to the heap.
 * Equality is byte equality, as {@code Strings.equals} defines it for the interpreter.
 */
public final class MemoryStrings {
    private MemoryStrings() {
    }

    /** Whether the {@code length} bytes at {@code address} are exactly {@code constant}. */
    public static boolean equals(long address, int length, byte[] constant) {
        return equals(address, length, constant, 0, constant.length);
    }

    /** Whether the {@code length} bytes at {@code address} are exactly bytes {@code off..off+len} of {@code b}. */
    public static boolean equals(long address, int length, byte[] b, int off, int len) {
        if (length != len) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (MemoryUtil.getLong(address + i) != MemoryUtil.getLong(b, off + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (MemoryUtil.getByte(address + i) != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** A heap copy of the {@code length} bytes at {@code address}. */
    public static byte[] copy(long address, int length) {
        byte[] bytes = new byte[length];
        MemoryUtil.copyFromMemory(address, bytes, 0, length);
        return bytes;
    }
}
