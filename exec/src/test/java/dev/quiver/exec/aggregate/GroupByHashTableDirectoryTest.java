package dev.quiver.exec.aggregate;

import static dev.quiver.exec.aggregate.GroupByHashTableTest.ids;
import static dev.quiver.exec.aggregate.GroupByHashTableTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A table that maps its key's range directly ({@link GroupByHashTable#useDirectory}) numbers groups
 * exactly as a table without one: each case runs the same keys through both and compares the ids.
 */
class GroupByHashTableDirectoryTest {
    private static final List<DataType> INTS = List.of(DataType.INTEGER);

    /** Random keys, most in 1000..1999, some far outside it on either side, some NULL. */
    private static List<Object[]> mixedRows(Random random, int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int pick = random.nextInt(20);
            Object key = pick == 0 ? null
                    : pick == 1 ? (Object) (long) (5000 + random.nextInt(400))
                    : pick == 2 ? (Object) (long) (-random.nextInt(400))
                    : (Object) (long) (1000 + random.nextInt(1000));
            rows.add(new Object[] {key});
        }
        return rows;
    }

    @Test
    void aDirectoryNumbersGroupsAsTheSlotsDo() {
        Random random = new Random(7);
        GroupByHashTable plain = new GroupByHashTable(INTS);
        GroupByHashTable mapped = new GroupByHashTable(INTS);
        // The range comes from the keys held when the directory is made: 1000..1999 here.
        List<Object[]> first = new ArrayList<>();
        for (long k = 1000; k < 2000; k += 3) {
            first.add(new Object[] {k});
        }
        first.add(new Object[] {1999L});
        Collections.shuffle(first, random);
        assertThat(ids(mapped, INTS, first)).containsExactly(ids(plain, INTS, first));
        assertThat(mapped.useDirectory(1000)).isTrue();
        assertThat(mapped.hasDirectory()).isTrue();
        // Found in the directory (covered, with and without a group) and in the slots (outside, NULL),
        // through many growths of the slots and the per-group arrays.
        Set<Object> outside = new HashSet<>();
        for (int batch = 0; batch < 20; batch++) {
            List<Object[]> rows = mixedRows(random, 1000);
            assertThat(ids(mapped, INTS, rows)).containsExactly(ids(plain, INTS, rows));
            for (Object[] row : rows) {
                if (row[0] == null || (long) row[0] < 1000 || (long) row[0] > 1999) {
                    outside.add(row[0] == null ? "NULL" : row[0]);
                }
            }
        }
        assertThat(mapped.groupCount()).isEqualTo(plain.groupCount());
        assertThat(outside).hasSizeGreaterThan(700);
        assertThat(mapped.groupsOutsideDirectory()).isEqualTo(outside.size());
        assertThat(mapped.directoryEntry(1500L)).isEqualTo(ids(plain, INTS, rows(1500L))[0] + 1);
        assertThat(mapped.directoryEntry(5000L)).isZero();

        // Dropped, every group is entered in the slots again and found there.
        mapped.dropDirectory();
        assertThat(mapped.hasDirectory()).isFalse();
        assertThat(mapped.directoryEntry(1500L)).isZero();
        List<Object[]> again = mixedRows(random, 5000);
        assertThat(ids(mapped, INTS, again)).containsExactly(ids(plain, INTS, again));
        assertThat(mapped.groupCount()).isEqualTo(plain.groupCount());
    }

    /** Keys in ascending and in descending order widen the range up to its bound, then stay outside. */
    @Test
    void newKeysBesideTheRangeWidenItUpToTheBound() {
        for (int direction : new int[] {1, -1}) {
            GroupByHashTable plain = new GroupByHashTable(INTS);
            GroupByHashTable mapped = new GroupByHashTable(INTS);
            List<Object[]> first = new ArrayList<>();
            for (long k = 0; k < 100; k++) {
                first.add(new Object[] {direction * k});
            }
            Collections.shuffle(first, new Random(direction));
            assertThat(ids(mapped, INTS, first)).containsExactly(ids(plain, INTS, first));
            assertThat(mapped.useDirectory(5000)).isTrue();
            for (int batch = 1; batch < 100; batch++) {
                List<Object[]> rows = new ArrayList<>();
                for (long k = batch * 100L; k < batch * 100L + 100; k++) {
                    rows.add(new Object[] {direction * k});
                    rows.add(new Object[] {direction * (k / 2)});
                }
                assertThat(ids(mapped, INTS, rows)).containsExactly(ids(plain, INTS, rows));
            }
            // Keys 0..4999 (or 0..-4999) are covered; the 5,000 beyond them are not.
            assertThat(mapped.directoryEntry(direction * 4999L)).isPositive();
            assertThat(mapped.directoryEntry(direction * 5000L)).isZero();
            assertThat(mapped.groupsOutsideDirectory()).isEqualTo(5000);
        }
    }

    @Test
    void aCoveredKeyWithoutAGroupIsAbsentAndInsertedIntoTheDirectoryOnly() {
        GroupByHashTable table = new GroupByHashTable(INTS);
        ids(table, INTS, rows(10L, 20L));
        assertThat(table.useDirectory(11)).isTrue();
        assertThat(table.directoryEntry(15L)).isEqualTo(KeyDirectory.ABSENT);
        assertThat(table.directoryEntry(9L)).isZero();
        assertThat(table.directoryEntry(21L)).isZero();
        ValueVector[] key = GroupByHashTableTest.keys(INTS, rows(15L));
        int g = table.insertCovered(key, 0, GroupByHashTable.hash(key, 0));
        assertThat(g).isEqualTo(2);
        assertThat(table.directoryEntry(15L)).isEqualTo(3);
        assertThat(table.groupsOutsideDirectory()).isZero();
        assertThat(ids(table, INTS, rows(15L, 20L, 10L, 9L))).containsExactly(2, 1, 0, 3);
        assertThat(table.groupsOutsideDirectory()).isEqualTo(1);
        // A cleared table keeps its range and forgets its groups.
        table.clear(16);
        assertThat(table.directoryEntry(15L)).isEqualTo(KeyDirectory.ABSENT);
        assertThat(ids(table, INTS, rows(20L, 9L, 20L))).containsExactly(0, 1, 0);
    }

    @Test
    void onlyOneIntegerKeyOfANarrowEnoughRangeTakesADirectory() {
        GroupByHashTable wide = new GroupByHashTable(INTS);
        ids(wide, INTS, rows(0L, 1000L));
        assertThat(wide.useDirectory(1000)).isFalse();
        assertThat(wide.useDirectory(1001)).isTrue();
        // Made once.
        assertThat(wide.useDirectory(1001)).isFalse();

        // The extremes of BIGINT: their distance overflows a long and must not look small.
        List<DataType> longs = List.of(DataType.BIGINT);
        GroupByHashTable extremes = new GroupByHashTable(longs);
        ids(extremes, longs, rows(Long.MIN_VALUE, Long.MAX_VALUE));
        assertThat(extremes.useDirectory(Integer.MAX_VALUE)).isFalse();

        GroupByHashTable onlyNull = new GroupByHashTable(INTS);
        ids(onlyNull, INTS, rows((Object) null));
        assertThat(onlyNull.useDirectory(1000)).isFalse();

        List<DataType> strings = List.of(DataType.VARCHAR);
        GroupByHashTable text = new GroupByHashTable(strings);
        ids(text, strings, rows("a"));
        assertThat(text.useDirectory(1000)).isFalse();

        List<DataType> two = List.of(DataType.INTEGER, DataType.INTEGER);
        GroupByHashTable pairs = new GroupByHashTable(two);
        List<Object[]> pair = new ArrayList<>();
        pair.add(new Object[] {1L, 2L});
        ids(pairs, two, pair);
        assertThat(pairs.useDirectory(1000)).isFalse();
    }

    /** Keys that arrived in order keep the slots: spilling serves them as well. */
    @Test
    void keysThatArrivedInOrderTakeNoDirectory() {
        List<Object[]> ascending = new ArrayList<>();
        for (long k = 0; k < 1000; k++) {
            // In order but for one descent in every 10 keys.
            ascending.add(new Object[] {k % 10 == 9 ? k - 5 : k});
        }
        GroupByHashTable ordered = new GroupByHashTable(INTS);
        ids(ordered, INTS, ascending);
        assertThat(ordered.useDirectory(1 << 20)).isFalse();
        Collections.shuffle(ascending, new Random(3));
        GroupByHashTable shuffled = new GroupByHashTable(INTS);
        ids(shuffled, INTS, ascending);
        assertThat(shuffled.useDirectory(1 << 20)).isTrue();
    }

    @Test
    void aKeyFarBelowARangeNearTheTopDoesNotWrapIntoIt() {
        List<DataType> longs = List.of(DataType.BIGINT);
        GroupByHashTable table = new GroupByHashTable(longs);
        ids(table, longs, rows(Long.MAX_VALUE - 5, Long.MAX_VALUE));
        assertThat(table.useDirectory(16)).isTrue();
        // MIN_VALUE - (MAX_VALUE - 5) wraps to 6: a subtracting range test would call it covered.
        assertThat(table.directoryEntry(Long.MIN_VALUE)).isZero();
        assertThat(ids(table, longs, rows(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE))).containsExactly(2, 1, 2);
    }

    @Test
    void mergingIntoATableWithADirectoryFindsItsGroups() {
        Random random = new Random(11);
        GroupByHashTable plain = new GroupByHashTable(INTS);
        GroupByHashTable mapped = new GroupByHashTable(INTS);
        List<Object[]> first = mixedRows(random, 3000);
        ids(plain, INTS, first);
        ids(mapped, INTS, first);
        assertThat(mapped.useDirectory(1 << 16)).isTrue();
        GroupByHashTable other = new GroupByHashTable(INTS);
        ids(other, INTS, mixedRows(random, 3000));
        assertThat(mapped.mergeFrom(other)).containsExactly(plain.mergeFrom(other));
        assertThat(mapped.groupCount()).isEqualTo(plain.groupCount());
    }
}
