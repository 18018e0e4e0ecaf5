package dev.quiver.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class OffHeapCopyTest {
    @Test
    void copiesEveryLengthBothWaysAndNothingElse() {
        Random random = new Random(5);
        byte[] src = new byte[64];
        random.nextBytes(src);
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buf = allocator.buffer(128)) {
            for (int length = 0; length <= 40; length++) {
                for (int from = 0; from + length <= src.length; from += 3) {
                    buf.setZero(0, 128);
                    OffHeapCopy.toMemory(src, from, buf.memoryAddress() + 7, length);
                    for (int j = 0; j < 128; j++) {
                        byte expected = j >= 7 && j < 7 + length ? src[from + j - 7] : 0;
                        assertThat(buf.getByte(j)).as("length %d from %d, byte %d", length, from, j).isEqualTo(expected);
                    }
                    byte[] back = new byte[80];
                    OffHeapCopy.fromMemory(buf.memoryAddress() + 7, back, 9, length);
                    for (int j = 0; j < back.length; j++) {
                        byte expected = j >= 9 && j < 9 + length ? src[from + j - 9] : 0;
                        assertThat(back[j]).as("back: length %d from %d, byte %d", length, from, j).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
