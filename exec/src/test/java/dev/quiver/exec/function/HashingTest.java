package dev.quiver.exec.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class HashingTest {
    /** Generated code hashes strings where they lie in Arrow memory; the tables hash heap copies. */
    @Test
    void hashMemoryIsHashBytesOfTheSameBytes() {
        SplittableRandom random = new SplittableRandom(7);
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buf = allocator.buffer(256)) {
            for (int trial = 0; trial < 2_000; trial++) {
                int len = random.nextInt(40);
                int off = random.nextInt(16);
                byte[] heap = new byte[off + len + random.nextInt(8)];
                for (int i = 0; i < heap.length; i++) {
                    heap[i] = (byte) random.nextInt(256);
                }
                int at = random.nextInt(32);
                buf.setBytes(at, heap, off, len);
                assertEquals(Hashing.hashBytes(heap, off, len), Hashing.hashMemory(buf.memoryAddress() + at, len),
                        "length " + len + ", heap offset " + off + ", memory offset " + at);
            }
        }
    }

    /** The function itself, stated byte by byte: every length, every tail, any offset. */
    @Test
    void hashBytesIsTheWordByWordHashWithAByteByByteTail() {
        SplittableRandom random = new SplittableRandom(11);
        for (int len = 0; len <= 40; len++) {
            for (int trial = 0; trial < 20; trial++) {
                int off = random.nextInt(9);
                byte[] b = new byte[off + len + random.nextInt(3)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                assertEquals(reference(b, off, len), Hashing.hashBytes(b, off, len), "length " + len + ", offset " + off);
            }
        }
    }

    private static long reference(byte[] b, int off, int len) {
        long m = 0x9E3779B97F4A7C15L;
        long h = len * m;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long word = 0;
            for (int k = 7; k >= 0; k--) {
                word = (word << 8) | (b[off + i + k] & 0xFFL);
            }
            h = (h ^ Hashing.mix(word)) * m;
        }
        long tail = 0;
        for (int s = 0; i < len; i++, s += 8) {
            tail |= (b[off + i] & 0xFFL) << s;
        }
        return Hashing.mix(h ^ tail);
    }

    @Test
    void hashBytesSeesEveryByteAndTheLength() {
        byte[] a = "abcdefghij".getBytes();
        byte[] b = "abcdefghiJ".getBytes();
        assertNotEquals(Hashing.hashBytes(a, 0, 10), Hashing.hashBytes(b, 0, 10));
        assertNotEquals(Hashing.hashBytes(a, 0, 9), Hashing.hashBytes(a, 0, 10));
        assertNotEquals(Hashing.hashBytes(new byte[1], 0, 0), Hashing.hashBytes(new byte[1], 0, 1));
    }
}
