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

    @Test
    void hashBytesSeesEveryByteAndTheLength() {
        byte[] a = "abcdefghij".getBytes();
        byte[] b = "abcdefghiJ".getBytes();
        assertNotEquals(Hashing.hashBytes(a, 0, 10), Hashing.hashBytes(b, 0, 10));
        assertNotEquals(Hashing.hashBytes(a, 0, 9), Hashing.hashBytes(a, 0, 10));
        assertNotEquals(Hashing.hashBytes(new byte[1], 0, 0), Hashing.hashBytes(new byte[1], 0, 1));
    }
}
