package dev.quiver.codegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.operator.HashJoinTable;
import dev.quiver.exec.operator.RowBuffer;
import dev.quiver.exec.testing.TestBatch;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** A driver's join-filter gate: what it rejects, and when it judges the filter not worth testing. */
class JoinFilterGateTest {
    /** Build keys 0, 2, 4, ...: odd probe keys have no candidate. */
    private static final int BUILD_ROWS = 20_000;

    @Test
    void rejectsOnlyHashesNoBuildRowHasAndStaysOnWhileFewPass() {
        JoinFilterGate gate = new JoinFilterGate(evenKeys());
        int passedOdd = 0;
        // Three windows of probes, each a quarter matching keys and the rest odd keys.
        for (int i = 0; i < 3 * JoinFilterGate.WINDOW_ROWS; i++) {
            long key = i % 4 == 0 ? 2L * (i / 4 % BUILD_ROWS) : 2L * (i % BUILD_ROWS) + 1;
            boolean pass = gate.mayMatch(keyHash(key));
            if (key % 2 == 0) {
                assertThat(pass).as("key %d of a build row", key).isTrue();
            } else {
                passedOdd += pass ? 1 : 0;
            }
        }
        assertThat(gate.isOn()).isTrue();
        // About 2% of hashes no row has pass at 16 bits per row; a tenth would be a filter not applied.
        assertThat(passedOdd).isLessThan(3 * JoinFilterGate.WINDOW_ROWS * 3 / 4 / 10);
    }

    @Test
    void turnsOffForGoodAfterAWindowWhereMostPass() {
        JoinFilterGate gate = new JoinFilterGate(evenKeys());
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS - 1; i++) {
            assertThat(gate.mayMatch(keyHash(2L * (i % BUILD_ROWS)))).isTrue();
        }
        assertThat(gate.isOn()).isTrue();
        gate.mayMatch(keyHash(0L));
        assertThat(gate.isOn()).isFalse();
        // Off, every hash passes, odd keys included.
        for (int i = 0; i < 1_000; i++) {
            assertThat(gate.mayMatch(keyHash(2L * i + 1))).isTrue();
        }
        assertThat(gate.isOn()).isFalse();
    }

    @Test
    void judgesAnotherWindowOnlyAfterItsBatchesAndTurnsOffWhenTheFilterStoppedPaying() {
        JoinFilterGate gate = new JoinFilterGate(evenKeys());
        // The first window: odd keys only, nearly all ruled out, so the gate stays on.
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS; i++) {
            gate.mayMatch(keyHash(2L * (i % BUILD_ROWS) + 1));
        }
        assertThat(gate.isOn()).isTrue();
        // Matching keys only, but no window is due: the gate tests without judging and stays on.
        for (int i = 0; i < 2 * JoinFilterGate.WINDOW_ROWS; i++) {
            assertThat(gate.mayMatch(keyHash(2L * (i % BUILD_ROWS)))).isTrue();
        }
        for (int b = 0; b < JoinFilterGate.BATCHES_BETWEEN_JUDGMENTS - 1; b++) {
            gate.startBatch();
        }
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS; i++) {
            gate.mayMatch(keyHash(2L * (i % BUILD_ROWS)));
        }
        assertThat(gate.isOn()).as("a batch short of a window due").isTrue();
        // The batch that makes a window due: a window of matching keys turns the gate off.
        gate.startBatch();
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS; i++) {
            gate.mayMatch(keyHash(2L * (i % BUILD_ROWS)));
        }
        assertThat(gate.isOn()).isFalse();
        assertThat(gate.mayMatch(keyHash(1L))).as("off, an odd key passes").isTrue();
    }

    @Test
    void isOffForATableWithoutRows() {
        JoinFilterGate gate = new JoinFilterGate(table(new long[0]));
        assertThat(gate.isOn()).isFalse();
        assertThat(gate.mayMatch(keyHash(7L))).isTrue();
    }

    @Test
    void aGateThatTestsKeysRejectsExactlyTheKeysNoBuildRowHasAndLetsHashesThrough() {
        JoinFilterGate gate = new JoinFilterGate(evenKeys(), true);
        assertThat(gate.testsKeys()).isTrue();
        assertThat(new JoinFilterGate(evenKeys()).testsKeys()).as("a probe that cannot test keys").isFalse();
        for (int i = 0; i < 3 * JoinFilterGate.WINDOW_ROWS; i++) {
            long key = i % 4 == 0 ? 2L * (i / 4 % BUILD_ROWS) : 2L * (i % BUILD_ROWS) + 1;
            assertThat(gate.mayMatchKey(key)).as("key %d", key).isEqualTo(key % 2 == 0);
            assertThat(gate.mayMatch(keyHash(key))).as("hash of key %d", key).isTrue();
        }
        assertThat(gate.mayMatchKey(-1)).isFalse();
        assertThat(gate.mayMatchKey(2L * BUILD_ROWS)).isFalse();
        assertThat(gate.isOn()).isTrue();
    }

    @Test
    void aGateThatTestsKeysTurnsOffAfterAWindowWhereMostPass() {
        JoinFilterGate gate = new JoinFilterGate(evenKeys(), true);
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS; i++) {
            assertThat(gate.mayMatchKey(2L * (i % BUILD_ROWS))).isTrue();
        }
        assertThat(gate.isOn()).isFalse();
        assertThat(gate.mayMatchKey(1L)).as("off, an odd key passes").isTrue();
    }

    @Test
    void aGateForKeysTestsHashesWhenTheTableHasNoKeyFilter() {
        // Keys a trillion apart: their range is far too wide for a bitmap.
        JoinFilterGate gate = new JoinFilterGate(table(LongStream.range(0, BUILD_ROWS).map(k -> k * 1_000_000_000_000L).toArray()), true);
        assertThat(gate.testsKeys()).isFalse();
        int passed = 0;
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS; i++) {
            long key = i * 1_000_000_000_000L + 1;
            assertThat(gate.mayMatchKey(key)).isTrue();
            passed += gate.mayMatch(keyHash(key)) ? 1 : 0;
        }
        assertThat(gate.isOn()).isTrue();
        assertThat(passed).isLessThan(JoinFilterGate.WINDOW_ROWS / 10);
        assertThat(gate.mayMatch(keyHash(0L))).isTrue();
    }

    private static HashJoinTable evenKeys() {
        return table(LongStream.range(0, BUILD_ROWS).map(k -> 2 * k).toArray());
    }

    private static HashJoinTable table(long[] keys) {
        RowBuffer rows = new RowBuffer(List.of(DataType.BIGINT));
        try (RootAllocator allocator = new RootAllocator(); TestBatch batch = new TestBatch(allocator)) {
            batch.add("k", DataType.BIGINT, LongStream.of(keys).boxed().toArray());
            rows.append(batch.batch(), keys.length);
        }
        ValueVector[] keyColumns = {rows.column(0)};
        long[] hashes = new long[rows.rows()];
        for (int r = 0; r < hashes.length; r++) {
            hashes[r] = ValueComparisons.hashRow(keyColumns, r);
        }
        return new HashJoinTable(rows, keyColumns, hashes, new boolean[] {false});
    }

    /** The hash a one-column BIGINT probe key gets. */
    private static long keyHash(long key) {
        ValueVector v = new ValueVector(DataType.BIGINT, 1);
        Values.set(v, 0, key);
        return ValueComparisons.hashRow(new ValueVector[] {v}, 0);
    }
}
