package dev.quiver.codegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.operator.HashJoinTable;
import dev.quiver.exec.operator.RowBuffer;
import dev.quiver.exec.testing.TestBatch;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.type.DataType;
import java.util.Collections;
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
        JoinFilterGate gate = new JoinFilterGate(evenKeys(), 1L);
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
        JoinFilterGate gate = new JoinFilterGate(evenKeys(), 1L);
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS; i++) {
            assertThat(gate.mayMatchKey(2L * (i % BUILD_ROWS))).isTrue();
        }
        assertThat(gate.isOn()).isFalse();
        assertThat(gate.mayMatchKey(1L)).as("off, an odd key passes").isTrue();
    }

    @Test
    void aGateForKeysTestsHashesWhenTheTableHasNoKeyFilter() {
        // Keys a trillion apart: their range is far too wide for a bitmap.
        JoinFilterGate gate = new JoinFilterGate(table(LongStream.range(0, BUILD_ROWS).map(k -> k * 1_000_000_000_000L).toArray()), 1L);
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

    @Test
    void aGateTestingOneKeyOfTwoTestsHashesTooAndJudgesByTheKey() {
        // Keys (10 j, j) for j < BUILD_ROWS: the first is sparse (a tenth of its range), the second dense.
        long[][] keys = {LongStream.range(0, BUILD_ROWS).map(j -> 10 * j).toArray(), LongStream.range(0, BUILD_ROWS).toArray()};
        HashJoinTable table = table(keys);
        JoinFilterGate gate = new JoinFilterGate(table, 0b11L);
        assertThat(gate.testsKeys()).isTrue();
        assertThat(gate.key()).isZero();
        int passedHashes = 0;
        for (int i = 0; i < 3 * JoinFilterGate.WINDOW_ROWS; i++) {
            long j = i % BUILD_ROWS;
            // Every other probe row: the first key of a build row with a second key no row pairs it with.
            long second = i % 2 == 0 ? j : j + 1;
            assertThat(gate.mayMatchKey(10 * j)).as("first key of a build row").isTrue();
            assertThat(gate.mayMatchKey(10 * j + 3)).as("no build row's first key").isFalse();
            boolean pass = gate.mayMatch(keyHash(10 * j, second));
            if (i % 2 == 0) {
                assertThat(pass).as("the keys of build row %d", j).isTrue();
            } else {
                passedHashes += pass ? 1 : 0;
            }
        }
        // Half the key tests pass, so the gate stays on; the hashes of pairs no row has mostly fail.
        assertThat(gate.isOn()).isTrue();
        assertThat(passedHashes).isLessThan(3 * JoinFilterGate.WINDOW_ROWS / 2 / 10);
        assertThat(new JoinFilterGate(table, 0b10L).testsKeys()).as("only the dense key may be tested").isFalse();
    }

    @Test
    void aGateTestingOneKeyOfTwoStopsTestingHashesAfterAWindowWhereMostPass() {
        long[][] keys = {LongStream.range(0, BUILD_ROWS).map(j -> 10 * j).toArray(), LongStream.range(0, BUILD_ROWS).toArray()};
        JoinFilterGate gate = new JoinFilterGate(table(keys), 0b11L);
        // A window of probe rows nearly all matching: every key and every hash passes.
        for (int i = 0; i < JoinFilterGate.WINDOW_ROWS - 100; i++) {
            long j = i % BUILD_ROWS;
            assertThat(gate.mayMatchKey(10 * j)).isTrue();
            assertThat(gate.mayMatch(keyHash(10 * j, j))).isTrue();
        }
        // The window's last 100 hashes: pairs no row has, still ruled out (most such hashes are).
        int ruledOut = 0;
        for (long j = 0; j < 100; j++) {
            ruledOut += gate.mayMatch(keyHash(10 * j, j + 1)) ? 0 : 1;
        }
        assertThat(ruledOut).isGreaterThan(90);
        // Those 100 tests completed the window: the hash test stops; the key test stays on.
        assertThat(gate.mayMatch(keyHash(0, 1))).as("hashes no longer tested").isTrue();
        assertThat(gate.mayMatchKey(3)).as("keys still tested").isFalse();
        assertThat(gate.isOn()).isTrue();
    }

    private static HashJoinTable evenKeys() {
        return table(LongStream.range(0, BUILD_ROWS).map(k -> 2 * k).toArray());
    }

    /** A table of BIGINT key columns, none null-safe, each of the same number of rows. */
    private static HashJoinTable table(long[]... keys) {
        RowBuffer rows = new RowBuffer(Collections.nCopies(keys.length, DataType.BIGINT));
        try (RootAllocator allocator = new RootAllocator(); TestBatch batch = new TestBatch(allocator)) {
            for (int c = 0; c < keys.length; c++) {
                batch.add("k" + c, DataType.BIGINT, LongStream.of(keys[c]).boxed().toArray());
            }
            rows.append(batch.batch(), keys[0].length);
        }
        ValueVector[] keyColumns = new ValueVector[keys.length];
        for (int c = 0; c < keys.length; c++) {
            keyColumns[c] = rows.column(c);
        }
        long[] hashes = new long[rows.rows()];
        for (int r = 0; r < hashes.length; r++) {
            hashes[r] = ValueComparisons.hashRow(keyColumns, r);
        }
        return new HashJoinTable(rows, keyColumns, hashes, new boolean[keys.length]);
    }

    /** The hash a BIGINT probe key, or a row of them, gets. */
    private static long keyHash(long... key) {
        ValueVector[] columns = new ValueVector[key.length];
        for (int c = 0; c < key.length; c++) {
            columns[c] = new ValueVector(DataType.BIGINT, 1);
            Values.set(columns[c], 0, key[c]);
        }
        return ValueComparisons.hashRow(columns, 0);
    }
}
