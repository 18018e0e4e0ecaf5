package dev.quiver.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MorselRowsTest {
    @Test
    void heapBytesIsTheSumOverEveryMorselsBufferAsTheyGrow() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new Object[] {(long) i, "row " + i, null, null, null, i % 2 == 0});
        }
        RowBuffer source = HashJoinTableTest.buffer(rows);
        MorselRows kept = new MorselRows(source.types());
        // Morsels 3, 1 and 3 again (a morsel asked for after another), each growing its buffer.
        int[] morsels = {3, 3, 1, 1, 1, 3, 3};
        Map<Integer, RowBuffer> buffers = new HashMap<>();
        for (int k = 0; k < morsels.length; k++) {
            RowBuffer b = kept.of(morsels[k]);
            buffers.put(morsels[k], b);
            b.appendRange(source, 40 * k, 40 * k + 40);
            assertThat(kept.heapBytes()).isEqualTo(buffers.values().stream().mapToLong(RowBuffer::heapBytes).sum());
        }
        assertThat(buffers.get(3).rows()).isEqualTo(160);
        MorselRows global = new MorselRows(source.types());
        long before = kept.heapBytes();
        global.takeAll(kept);
        assertThat(global.heapBytes()).isEqualTo(before);
        assertThat(kept.heapBytes()).isZero();
        global.clear();
        assertThat(global.heapBytes()).isZero();
    }
}
