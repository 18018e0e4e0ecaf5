package dev.quiver.exec.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The query's memory limit shared by its Arrow memory and the Java heap its sinks report. */
class QueryContextHeapTest {
    @Test
    void heapAndArrowMemoryShareTheLimit() {
        try (RootAllocator root = new RootAllocator(); Scheduler scheduler = new Scheduler(1)) {
            BufferAllocator allocator = root.newChildAllocator("query", 0, 10_000);
            QueryContext context = new QueryContext(allocator, scheduler, t -> null, 1);
            try {
                context.reserveHeap(6_000);
                assertThat(context.heapBytes()).isEqualTo(6_000);
                // Arrow gets what the heap left: 4,000 bytes.
                assertThat(allocator.getLimit()).isEqualTo(4_000);
                assertThatThrownBy(() -> allocator.buffer(5_000)).isInstanceOf(OutOfMemoryException.class);
                ArrowBuf buffer = allocator.buffer(2_048);
                try {
                    // 6,000 + 2,048 + 2,000 is over 10,000: refused, and nothing counted.
                    assertThatThrownBy(() -> context.reserveHeap(2_000)).isInstanceOf(OutOfMemoryException.class)
                            .hasMessageContaining("8000 bytes of Java heap").hasMessageContaining("memory limit (10000 bytes)");
                    assertThat(context.heapBytes()).isEqualTo(6_000);
                    context.reserveHeap(1_000);
                    assertThat(context.peakMemoryBytes()).isEqualTo(9_048);
                } finally {
                    buffer.close();
                }
                context.releaseHeap(7_000);
                assertThat(context.heapBytes()).isZero();
                assertThat(allocator.getLimit()).isEqualTo(10_000);
                assertThat(context.peakMemoryBytes()).isEqualTo(9_048);
                // Nothing or less is not a reservation.
                context.reserveHeap(0);
                context.reserveHeap(-5);
                assertThat(context.heapBytes()).isZero();
            } finally {
                context.close();
            }
        }
    }
}
