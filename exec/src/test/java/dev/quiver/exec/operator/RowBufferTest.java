package dev.quiver.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBufferTest {
    @Test
    void reservedRoomTakesTheAppendedRowsWithoutGrowingAgain() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new Object[] {(long) i * 7, "row " + i, i % 3 == 0 ? null : i * 0.5, null, null, i % 2 == 0});
        }
        RowBuffer source = HashJoinTableTest.buffer(rows);
        RowBuffer target = new RowBuffer(source.types());
        // Room for the 300 rows and one more, as a join build makes for its all-NULL row.
        target.reserve(301);
        List<Object> arrays = arrays(target);
        target.appendRange(source, 0, 120);
        target.appendRange(source, 120, 300);
        target.column(0).ensureCapacity(301);
        List<Object> after = arrays(target);
        for (int k = 0; k < arrays.size(); k++) {
            assertThat(after.get(k)).as("array %d after appending", k).isSameAs(arrays.get(k));
        }
        ValueVector[] a = columns(source);
        ValueVector[] b = columns(target);
        assertThat(target.rows()).isEqualTo(300);
        for (int r = 0; r < 300; r++) {
            assertThat(ValueComparisons.rowsEqual(a, r, b, r)).as("row %d", r).isTrue();
        }
    }

    private static ValueVector[] columns(RowBuffer buffer) {
        ValueVector[] columns = new ValueVector[buffer.types().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = buffer.column(c);
        }
        return columns;
    }

    /** Each column's arrays, by identity: a column that grew has new ones. */
    private static List<Object> arrays(RowBuffer buffer) {
        List<Object> arrays = new ArrayList<>();
        for (ValueVector v : columns(buffer)) {
            arrays.add(v.nulls);
            arrays.add(v.longs == null ? v.doubles == null ? v.offsets : v.doubles : v.longs);
        }
        return arrays;
    }
}
