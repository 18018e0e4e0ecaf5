package dev.quiver.codegen.runtime;

import dev.quiver.exec.function.Strings;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A UTF-8 value in Arrow memory compared with heap bytes (a literal, a stored group key), for
 * generated code that tests or groups a string column without first copying the value to the heap.
 * Equality is byte equality, as {@code Strings.equals} defines it for the interpreter.
 */
public final class MemoryStrings {
    private MemoryStrings() {
    }

    /** Longest constant compared as one word: 64 bits. */
    public static final int WORD_BYTES = 8;

    /**
     * Whether the {@code length} bytes at {@code address} are exactly {@code constant}, given {@code
     * word}, the constant's {@link #word(byte[])} when it has at most {@link #WORD_BYTES} bytes (any
     * value otherwise). A short constant is compared as one load of its length and one compare, with
     * no branch on the bytes, where comparing byte by byte branches per byte; a column of short
     * strings of one length (flags, modes) makes the length test predictable. The generated code's
     * shape does not depend on the constant, so queries differing in it share a class.
     */
    public static boolean equals(long address, int length, byte[] constant, long word) {
        int k = constant.length;
        if (length != k) {
            return false;
        }
        if (k > WORD_BYTES) {
            return equals(address, length, constant, 0, k);
        }
        return k == 0 || word(address, k) == word;
    }

    /** The {@code k} (0 to 8) bytes at {@code address} as an unsigned little-endian number (0 for none). */
    public static long shortWord(long address, int k) {
        return k == 0 ? 0L : word(address, k);
    }

    /** The {@code k} (1 to 8) bytes at {@code address} as an unsigned little-endian number. */
    public static long word(long address, int k) {
        return switch (k) {
            case 1 -> MemoryUtil.getByte(address) & 0xFFL;
            case 2 -> MemoryUtil.getShort(address) & 0xFFFFL;
            case 3 -> (MemoryUtil.getShort(address) & 0xFFFFL) | (MemoryUtil.getByte(address + 2) & 0xFFL) << 16;
            case 4 -> MemoryUtil.getInt(address) & 0xFFFF_FFFFL;
            case 5 -> (MemoryUtil.getInt(address) & 0xFFFF_FFFFL) | (MemoryUtil.getByte(address + 4) & 0xFFL) << 32;
            case 6 -> (MemoryUtil.getInt(address) & 0xFFFF_FFFFL) | (MemoryUtil.getShort(address + 4) & 0xFFFFL) << 32;
            case 7 -> (MemoryUtil.getInt(address) & 0xFFFF_FFFFL) | (MemoryUtil.getShort(address + 4) & 0xFFFFL) << 32
                    | (MemoryUtil.getByte(address + 6) & 0xFFL) << 48;
            case 8 -> MemoryUtil.getLong(address);
            default -> throw new IllegalArgumentException("a word holds 1 to 8 bytes, not " + k);
        };
    }

    /** The bytes of a constant of at most 8 bytes as the number {@link #word(long, int)} reads for them (0 if none). */
    public static long word(byte[] constant) {
        if (constant.length > WORD_BYTES) {
            throw new IllegalArgumentException("a word holds at most 8 bytes, not " + constant.length);
        }
        long word = 0;
        for (int i = constant.length - 1; i >= 0; i--) {
            word = word << 8 | (constant[i] & 0xFFL);
        }
        return word;
    }

    /** Whether the {@code length} bytes at {@code address} are exactly bytes {@code off..off+len} of {@code b}. */
    public static boolean equals(long address, int length, byte[] b, int off, int len) {
        return length == len && Strings.equalsMemory(address, b, off, len);
    }

    /** A heap copy of the {@code length} bytes at {@code address}. */
    public static byte[] copy(long address, int length) {
        byte[] bytes = new byte[length];
        MemoryUtil.copyFromMemory(address, bytes, 0, length);
        return bytes;
    }
}
