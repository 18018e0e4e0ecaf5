package dev.quiver.codegen.runtime;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Comparisons of a UTF-8 value in Arrow memory with a constant, for generated code that tests a
 * string column against literals without first copying the value to the heap. Equality is byte
 * equality, as {@code Strings.equals} defines it for the interpreter.
 */
public final class MemoryStrings {
    private MemoryStrings() {
    }

    /** Whether the {@code length} bytes at {@code address} are exactly {@code constant}. */
    public static boolean equals(long address, int length, byte[] constant) {
        if (length != constant.length) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (MemoryUtil.getLong(address + i) != MemoryUtil.getLong(constant, i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (MemoryUtil.getByte(address + i) != constant[i]) {
                return false;
            }
        }
        return true;
    }
}
