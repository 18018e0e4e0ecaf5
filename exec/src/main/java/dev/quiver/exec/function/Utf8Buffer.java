package dev.quiver.exec.function;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growable byte buffer that string functions write their result into; the caller
 * copies the bytes out before the next use. One per evaluation site, so no allocation per row.
 */
public final class Utf8Buffer {
    public byte[] data = new byte[64];
    public int length;

    public void clear() {
        length = 0;
    }

    public void ensure(int extra) {
        int needed = length + extra;
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
    }

    public void append(byte[] src, int offset, int len) {
        ensure(len);
        System.arraycopy(src, offset, data, length, len);
        length += len;
    }

    public void append(byte b) {
        ensure(1);
        data[length++] = b;
    }

    public void set(byte[] src, int offset, int len) {
        length = 0;
        append(src, offset, len);
    }

    @Override
    public String toString() {
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }
}
