package dev.quiver.jmh;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Strings as UTF-8 bytes back to back in one array, with each one's offset and length: how the
 * engine's vectors, row buffers and hash tables hold a string column, for benchmarks of string kernels.
 */
record PackedStrings(byte[] bytes, int[] offsets, int[] lengths) {
    PackedStrings {
        requireNonNull(bytes, "bytes");
        requireNonNull(offsets, "offsets");
        requireNonNull(lengths, "lengths");
    }

    /** The first {@code count} of {@code values}, packed in order. */
    static PackedStrings of(Iterator<String> values, int count) {
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            byte[] v = values.next().getBytes(StandardCharsets.UTF_8);
            offsets[i] = out.size();
            lengths[i] = v.length;
            out.write(v, 0, v.length);
        }
        return new PackedStrings(out.toByteArray(), offsets, lengths);
    }
}
