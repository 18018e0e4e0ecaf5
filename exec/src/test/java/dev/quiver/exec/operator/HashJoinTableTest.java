package dev.quiver.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.testing.TestBatch;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The hash join table on its own: chains, NULL keys, key equality of every kind, the NULL row, the join filters. */
class HashJoinTableTest {
    static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.VARCHAR, DataType.DOUBLE, DataType.decimal(38, 2),
            DataType.DATE, DataType.BOOLEAN);

    /** A buffer of the given rows (canonical Java values) of {@link #TYPES}. */
    static RowBuffer buffer(List<Object[]> rows) {
        RowBuffer buffer = new RowBuffer(TYPES);
        try (RootAllocator allocator = new RootAllocator(); TestBatch batch = new TestBatch(allocator)) {
            for (int c = 0; c < TYPES.size(); c++) {
                int column = c;
                batch.add("c" + c, TYPES.get(c), rows.stream().map(r -> r[column]).toArray());
            }
            buffer.append(batch.batch(), rows.size());
        }
        return buffer;
    }

    static HashJoinTable table(RowBuffer rows, int[] keyColumns, boolean[] nullSafe) {
        ValueVector[] keys = new ValueVector[keyColumns.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = rows.column(keyColumns[k]);
        }
        long[] hashes = new long[rows.rows()];
        for (int r = 0; r < hashes.length; r++) {
            hashes[r] = ValueComparisons.hashRow(keys, r);
        }
        return new HashJoinTable(rows, keys, hashes, nullSafe);
    }

    /** The build rows matching a probe row given as one-entry key vectors. */
    static List<Integer> matches(HashJoinTable table, Object... probeKeys) {
        ValueVector[] keys = new ValueVector[probeKeys.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = new ValueVector(type(probeKeys[k]), 1);
            Values.set(keys[k], 0, probeKeys[k]);
        }
        List<Integer> rows = new ArrayList<>();
        if (!table.probeable(keys, 0)) {
            return rows;
        }
        long hash = ValueComparisons.hashRow(keys, 0);
        for (int r = table.first(hash, keys, 0); r >= 0; r = table.next(r)) {
            if (table.matches(r, hash, keys, 0)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static DataType type(Object value) {
        if (value instanceof String) {
            return DataType.VARCHAR;
        }
        if (value instanceof Double) {
            return DataType.DOUBLE;
        }
        if (value instanceof BigDecimal) {
            return DataType.decimal(38, 2);
        }
        if (value instanceof Boolean) {
            return DataType.BOOLEAN;
        }
        return DataType.BIGINT; // also a NULL key: never compared as a value
    }

    static Object[] row(Long k, String s, Double f, String d, Integer date, Boolean b) {
        return new Object[] {k, s, f, d == null ? null : new BigDecimal(d), date, b};
    }

    @Test
    void chainsHoldEveryRowOfAKeyInAscendingOrder() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(row((long) (i % 100), "s" + (i % 3), null, null, null, null));
        }
        HashJoinTable table = table(buffer(rows), new int[] {0, 1}, new boolean[] {false, false});
        assertThat(table.rowCount()).isEqualTo(5000);
        assertThat(table.hasNullKey()).isFalse();
        for (long k = 0; k < 100; k++) {
            for (int s = 0; s < 3; s++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < 5000; i++) {
                    if (i % 100 == k && i % 3 == s) {
                        expected.add(i);
                    }
                }
                assertThat(matches(table, k, "s" + s)).as("key (%d, s%d)", k, s).isEqualTo(expected);
            }
        }
        assertThat(matches(table, 100L, "s0")).isEmpty();
    }

    @Test
    void nullKeysMatchOnlyWhenNullSafe() {
        List<Object[]> rows = List.of(row(null, "a", null, null, null, null), row(1L, null, null, null, null, null),
                row(1L, "a", null, null, null, null));
        HashJoinTable strict = table(buffer(rows), new int[] {0, 1}, new boolean[] {false, false});
        assertThat(strict.hasNullKey()).isTrue();
        assertThat(matches(strict, 1L, "a")).containsExactly(2);
        assertThat(matches(strict, null, "a")).isEmpty();
        assertThat(matches(strict, 1L, null)).isEmpty();
        HashJoinTable safe = table(buffer(rows), new int[] {0, 1}, new boolean[] {true, true});
        assertThat(safe.hasNullKey()).isFalse();
        assertThat(matches(safe, null, "a")).containsExactly(0);
        assertThat(matches(safe, 1L, null)).containsExactly(1);
        assertThat(matches(safe, 1L, "a")).containsExactly(2);
        HashJoinTable mixed = table(buffer(rows), new int[] {0, 1}, new boolean[] {false, true});
        assertThat(mixed.hasNullKey()).isTrue();
        assertThat(matches(mixed, 1L, null)).containsExactly(1);
        assertThat(matches(mixed, null, "a")).isEmpty();
    }

    @Test
    void doublesCompareAsSqlDoes() {
        List<Object[]> rows = List.of(row(null, null, 0.0, null, null, null), row(null, null, -0.0, null, null, null),
                row(null, null, Double.NaN, null, null, null), row(null, null, 1.5, null, null, null));
        HashJoinTable table = table(buffer(rows), new int[] {2}, new boolean[] {false});
        assertThat(matches(table, -0.0)).containsExactly(0, 1);
        assertThat(matches(table, 0.0)).containsExactly(0, 1);
        assertThat(matches(table, Double.longBitsToDouble(0x7ff8000000000123L))).containsExactly(2);
        assertThat(matches(table, 1.5)).containsExactly(3);
        assertThat(matches(table, 2.5)).isEmpty();
    }

    @Test
    void wideDecimalsDatesAndBooleans() {
        List<Object[]> rows = List.of(row(null, null, null, "123456789012345678901234567890.12", 19000, true),
                row(null, null, null, "-0.01", 19001, false), row(null, null, null, "123456789012345678901234567890.12", 19000, false));
        HashJoinTable decimals = table(buffer(rows), new int[] {3}, new boolean[] {false});
        assertThat(matches(decimals, new BigDecimal("123456789012345678901234567890.12"))).containsExactly(0, 2);
        assertThat(matches(decimals, new BigDecimal("-0.01"))).containsExactly(1);
        HashJoinTable dateAndFlag = table(buffer(rows), new int[] {4, 5}, new boolean[] {false, false});
        ValueVector date = new ValueVector(DataType.DATE, 1);
        Values.set(date, 0, 19000);
        ValueVector flag = new ValueVector(DataType.BOOLEAN, 1);
        Values.set(flag, 0, false);
        ValueVector[] probe = {date, flag};
        long hash = ValueComparisons.hashRow(probe, 0);
        List<Integer> found = new ArrayList<>();
        for (int r = dateAndFlag.first(hash, probe, 0); r >= 0; r = dateAndFlag.next(r)) {
            if (dateAndFlag.matches(r, hash, probe, 0)) {
                found.add(r);
            }
        }
        assertThat(found).containsExactly(2);
    }

    @Test
    void withoutKeysEveryRowIsACandidate() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(row((long) i, null, null, null, null, null));
        }
        HashJoinTable table = table(buffer(rows), new int[0], new boolean[0]);
        assertThat(matches(table)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void nullRowAndMatchedFlags() {
        HashJoinTable table = table(buffer(List.of(row(1L, "a", 1.0, "1.00", 1, true), row(2L, "b", 2.0, "2.00", 2, false))),
                new int[] {0}, new boolean[] {false});
        assertThat(table.nullRow()).isEqualTo(2);
        for (int c = 0; c < TYPES.size(); c++) {
            assertThat(table.column(c).nulls[table.nullRow()]).isTrue();
            assertThat(table.column(c).nulls[0]).isFalse();
        }
        assertThat(table.wasMatched(1)).isFalse();
        table.markMatched(1);
        assertThat(table.wasMatched(1)).isTrue();
        assertThat(table.wasMatched(0)).isFalse();
    }

    @Test
    void bucketsArePowersOfTwoWithRoomForEveryRow() {
        for (int rows : new int[] {0, 1, 2, 3, 1000, 1024, 1025, 1 << 20}) {
            int buckets = HashJoinTable.bucketCount(rows);
            assertThat(Integer.bitCount(buckets)).isEqualTo(1);
            assertThat((long) buckets).isGreaterThanOrEqualTo((long) rows * HashJoinTable.BUCKETS_PER_ROW);
            assertThat((long) buckets).isLessThan(Math.max(2L, (long) rows * HashJoinTable.BUCKETS_PER_ROW * 2));
        }
        assertThat(HashJoinTable.bucketCount(Integer.MAX_VALUE / 2)).isEqualTo(1 << 30);
    }

    /** The rows of {@code keys} (a NULL where null) equal to {@code k}, ascending: what a probe of k must find. */
    private static List<Integer> rowsOf(List<Long> keys, long k) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < keys.size(); r++) {
            if (keys.get(r) != null && keys.get(r) == k) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static HashJoinTable bigintTable(List<Long> keys) {
        return table(buffer(keys.stream().map(k -> row(k, null, null, null, null, null)).toList()), new int[] {0}, new boolean[] {false});
    }

    @Test
    void aDenseIntegerKeyGetsBucketsOfKeyValuesThatFindEveryRowOfAKey() {
        // Keys 100..899, those under 300 twice; row 500 (the only 600) has a NULL key.
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(i == 500 ? null : 100L + i % 800);
        }
        HashJoinTable table = bigintTable(keys);
        assertThat(table.keyBuckets()).isTrue();
        assertThat(table.keyMin()).isEqualTo(100);
        assertThat(table.keySpan()).isEqualTo(800);
        assertThat(table.keyShift()).isZero();
        assertThat(table.heads()).hasSize(800);
        for (long k = 90; k < 910; k++) {
            assertThat(matches(table, k)).as("key %d", k).isEqualTo(rowsOf(keys, k));
        }
        assertThat(rowsOf(keys, 150)).hasSize(2);
        assertThat(matches(table, 600L)).isEmpty();
        for (long k : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 100, -1, 0, Long.MAX_VALUE}) {
            assertThat(matches(table, k)).as("key %d", k).isEmpty();
        }
        assertThat(matches(table, (Object) null)).isEmpty();
    }

    @Test
    void aBucketCoversAtMostEightKeyValuesAndThereAreNoMoreBucketsThanHashingMakes() {
        assertThat(HashJoinTable.shiftFor(1024, 1024)).isZero();
        assertThat(HashJoinTable.shiftFor(1025, 1024)).isEqualTo(1);
        assertThat(HashJoinTable.shiftFor(4 * 1024 + 1, 1024)).isEqualTo(3);
        assertThat(HashJoinTable.shiftFor(8 * 1024, 1024)).isEqualTo(3);
        assertThat(HashJoinTable.shiftFor(8 * 1024 + 1, 1024)).isEqualTo(-1);
        assertThat(HashJoinTable.shiftFor(0, 1024)).as("a range of all the longs, uncountable").isEqualTo(-1);
        // 512 rows (1,024 hashed buckets): keys 0..255, 8 to a bucket, then 256 keys spread up to 8,191.
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            keys.add(i < 256 ? i : 256L + (i - 256) * 31L);
        }
        keys.set(511, 8191L);
        HashJoinTable clustered = bigintTable(keys);
        assertThat(clustered.keyBuckets()).isTrue();
        assertThat(clustered.keyShift()).isEqualTo(3);
        assertThat(clustered.heads()).hasSize(1024);
        for (long k = -3; k < 8200; k++) {
            assertThat(matches(clustered, k)).as("key %d", k).isEqualTo(rowsOf(keys, k));
        }
        // One value more than 8 per bucket would cover: hashed buckets, the same matches.
        keys.set(511, 8192L);
        HashJoinTable hashed = bigintTable(keys);
        assertThat(hashed.keyBuckets()).isFalse();
        assertThat(hashed.mask()).isEqualTo(hashed.heads().length - 1);
        for (long k = -3; k < 8200; k++) {
            assertThat(matches(hashed, k)).as("key %d", k).isEqualTo(rowsOf(keys, k));
        }
    }

    @Test
    void onlyOneIntegerLikeKeyThatIsNotNullSafeGetsKeyBuckets() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row((long) i, "s" + i, (double) i, null, 19000 + i, null));
        }
        assertThat(table(buffer(rows), new int[] {4}, new boolean[] {false}).keyBuckets()).as("DATE").isTrue();
        assertThat(table(buffer(rows), new int[] {0}, new boolean[] {true}).keyBuckets()).as("null-safe").isFalse();
        assertThat(table(buffer(rows), new int[] {0, 4}, new boolean[] {false, false}).keyBuckets()).as("two keys").isFalse();
        assertThat(table(buffer(rows), new int[] {1}, new boolean[] {false}).keyBuckets()).as("VARCHAR").isFalse();
        assertThat(table(buffer(rows), new int[] {2}, new boolean[] {false}).keyBuckets()).as("DOUBLE").isFalse();
        assertThat(table(buffer(rows), new int[] {3}, new boolean[] {false}).keyBuckets()).as("DECIMAL(38,2)").isFalse();
        assertThat(bigintTable(Arrays.asList(null, null, null)).keyBuckets()).as("no key that is not NULL").isFalse();
        List<Long> ends = List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        HashJoinTable wide = bigintTable(ends);
        assertThat(wide.keyBuckets()).as("a range the longs cannot count").isFalse();
        assertThat(matches(wide, Long.MIN_VALUE)).containsExactly(0);
        assertThat(matches(wide, Long.MAX_VALUE)).containsExactly(1);
    }

    @Test
    void joinFilterPassesEveryChainedKeyAndFewOthers() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row(i % 1000 == 3 ? null : (long) i * 2, null, null, null, null, null));
        }
        HashJoinTable table = table(buffer(rows), new int[] {0}, new boolean[] {false});
        assertThat(table.filterWorthwhile()).isTrue();
        long[] filter = table.filter();
        assertThat(table.filter()).isSameAs(filter);
        assertThat(Integer.bitCount(filter.length)).isEqualTo(1);
        assertThat((long) filter.length * Long.SIZE).isGreaterThanOrEqualTo(20_000L * HashJoinTable.FILTER_BITS_PER_ROW);
        for (int i = 0; i < 20_000; i++) {
            if (i % 1000 != 3) {
                assertThat(HashJoinTable.mayMatch(filter, keyHash((long) i * 2))).as("key %d", i * 2).isTrue();
            }
        }
        // Odd keys are in no chain: at 16 bits per row about 2% of them pass; 5% would mean a broken filter.
        int passed = 0;
        for (int i = 0; i < 20_000; i++) {
            passed += HashJoinTable.mayMatch(filter, keyHash((long) i * 2 + 1)) ? 1 : 0;
        }
        assertThat(passed).isLessThan(1_000);
    }

    @Test
    void joinFilterHoldsNullKeysOnlyWhenNullSafe() {
        List<Object[]> rows = List.of(row(null, "a", null, null, null, null), row(5L, "a", null, null, null, null));
        long nullHash = keyHash(null);
        HashJoinTable strict = table(buffer(rows), new int[] {0}, new boolean[] {false});
        assertThat(HashJoinTable.mayMatch(strict.filter(), keyHash(5L))).isTrue();
        HashJoinTable safe = table(buffer(rows), new int[] {0}, new boolean[] {true});
        assertThat(HashJoinTable.mayMatch(safe.filter(), nullHash)).isTrue();
        assertThat(HashJoinTable.mayMatch(safe.filter(), keyHash(5L))).isTrue();
        assertThat(table(buffer(List.of()), new int[] {0}, new boolean[] {false}).filterWorthwhile()).isFalse();
    }

    @Test
    void keyFilterIsMadeForOneIntegerLikeKeyThatIsNotNullSafe() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(row(i % 100 == 7 ? null : (long) i * 3 - 500, "s" + i, null, "1.50", i * 2, null));
        }
        HashJoinTable table = table(buffer(rows), new int[] {0}, new boolean[] {false});
        HashJoinTable.KeyFilter chosen = table.keyFilter(1L).orElseThrow();
        assertThat(chosen.key()).isZero();
        assertThat(chosen.exact()).isTrue();
        JoinKeyFilter filter = chosen.filter();
        assertThat(table.keyFilter(1L).orElseThrow().filter()).as("made once").isSameAs(filter);
        assertThat(table.keyFilter(0L)).as("no key the probe can test").isEmpty();
        for (int i = 0; i < 1_000; i++) {
            long key = (long) i * 3 - 500;
            // A row with a NULL key is in no chain; the key its slot would have had must not pass either.
            assertThat(filter.mayMatch(key)).as("key %d", key).isEqualTo(i % 100 != 7);
            assertThat(filter.mayMatch(key + 1)).as("key %d", key + 1).isFalse();
        }
        // No row has key 0, inside the range: a NULL key's slot (which holds 0) must not have set its bit.
        assertThat(filter.mayMatch(0)).isFalse();
        assertThat(table(buffer(rows), new int[] {4}, new boolean[] {false}).keyFilter(1L)).as("DATE").isPresent();
        assertThat(table(buffer(rows), new int[] {0}, new boolean[] {true}).keyFilter(1L)).as("null-safe").isEmpty();
        assertThat(table(buffer(rows), new int[] {1}, new boolean[] {false}).keyFilter(1L)).as("VARCHAR").isEmpty();
        assertThat(table(buffer(rows), new int[] {3}, new boolean[] {false}).keyFilter(1L)).as("DECIMAL(38, 2)").isEmpty();
        assertThat(table(buffer(List.of()), new int[] {0}, new boolean[] {false}).keyFilter(1L)).as("no rows").isEmpty();
    }

    @Test
    void ofSeveralKeysTheFilterOfTheSparsestIsChosenWhenSparseEnough() {
        // Key column 0: multiples of 10 (a tenth of its range set); column 4: 0..999 (all of it).
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(row((long) i * 10, "s" + i, null, null, i, null));
        }
        RowBuffer buffer = buffer(rows);
        HashJoinTable table = table(buffer, new int[] {4, 0}, new boolean[] {false, false});
        HashJoinTable.KeyFilter chosen = table.keyFilter(0b11L).orElseThrow();
        assertThat(chosen.key()).as("the sparser key, second of the two").isEqualTo(1);
        assertThat(chosen.exact()).as("of one key of two").isFalse();
        for (long k = 0; k < 10_000; k++) {
            assertThat(chosen.filter().mayMatch(k)).as("key %d", k).isEqualTo(k % 10 == 0);
        }
        assertThat(table.keyFilter(0b01L)).as("only the dense key may be tested").isEmpty();
        assertThat(table(buffer, new int[] {4, 0}, new boolean[] {false, true}).keyFilter(0b11L)).as("the sparse key null-safe").isEmpty();
        // A fifth of the range set: denser than an eighth, so no filter of one key of several.
        List<Object[]> fifths = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            fifths.add(row((long) i * 5, "s" + i, null, null, i, null));
        }
        assertThat(table(buffer(fifths), new int[] {4, 0}, new boolean[] {false, false}).keyFilter(0b11L)).isEmpty();
        assertThat(table(buffer(fifths), new int[] {0}, new boolean[] {false}).keyFilter(1L)).as("as the only key: exact").isPresent();
    }

    /** The hash a one-column BIGINT probe key gets. */
    private static long keyHash(Long key) {
        ValueVector v = new ValueVector(DataType.BIGINT, 1);
        Values.set(v, 0, key);
        return ValueComparisons.hashRow(new ValueVector[] {v}, 0);
    }
}
