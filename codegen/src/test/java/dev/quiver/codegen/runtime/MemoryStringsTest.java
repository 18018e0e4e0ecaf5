package dev.quiver.codegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** Comparing Arrow memory with a constant (one word when short) means byte equality. */
class MemoryStringsTest {
    @Test
    void wordEqualityAgreesWithByteEqualityForEveryLength() {
        Random random = new Random(3);
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(64)) {
            long address = buffer.memoryAddress();
            for (int trial = 0; trial < 20_000; trial++) {
                int k = random.nextInt(MemoryStrings.WORD_BYTES + 4);
                byte[] constant = new byte[k];
                // Few distinct byte values, high bits included, so that equal values are common.
                for (int i = 0; i < k; i++) {
                    constant[i] = (byte) (random.nextInt(3) * 0x61);
                }
                int length = Math.max(0, k + random.nextInt(3) - 1);
                byte[] value = Arrays.copyOf(constant, length);
                if (random.nextBoolean() && length > 0) {
                    value[random.nextInt(length)] = (byte) (random.nextInt(3) * 0x61);
                }
                buffer.setBytes(0, value);
                long word = k <= MemoryStrings.WORD_BYTES ? MemoryStrings.word(constant) : 0;
                assertThat(MemoryStrings.equals(address, length, constant, word))
                        .as("%s against %s", Arrays.toString(value), Arrays.toString(constant))
                        .isEqualTo(Arrays.equals(value, constant));
            }
        }
    }

    @Test
    void aWordReadsLittleEndianAndHoldsAtMostEightBytes() {
        byte[] ship = "SHIP".getBytes(StandardCharsets.UTF_8);
        assertThat(MemoryStrings.word(ship)).isEqualTo('S' | 'H' << 8 | 'I' << 16 | (long) 'P' << 24);
        assertThatThrownBy(() -> MemoryStrings.word(new byte[9])).isInstanceOf(IllegalArgumentException.class);
        assertThat(MemoryStrings.word(new byte[0])).isZero();
    }
}
