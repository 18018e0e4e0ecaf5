package dev.quiver.exec.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Grouping keys to dense ids: first-appearance order, NULLs, several columns, growth, SQL equality. */
class GroupByHashTableTest {
    /** Key vectors, one per column, from rows of Java values. */
    static ValueVector[] keys(List<DataType> types, List<Object[]> rows) {
        ValueVector[] v = new ValueVector[types.size()];
        for (int c = 0; c < v.length; c++) {
            v[c] = new ValueVector(types.get(c), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Values.set(v[c], r, rows.get(r)[c]);
            }
        }
        return v;
    }

    static int[] ids(GroupByHashTable table, List<DataType> types, List<Object[]> rows) {
        ValueVector[] v = keys(types, rows);
        int[] sel = new int[rows.size()];
        for (int i = 0; i < sel.length; i++) {
            sel[i] = i;
        }
        int[] ids = new int[rows.size()];
        table.findOrInsert(v, sel, rows.size(), ids);
        return ids;
    }

    static List<Object[]> rows(Object... singleColumnValues) {
        List<Object[]> rows = new ArrayList<>();
        for (Object v : singleColumnValues) {
            rows.add(new Object[] {v});
        }
        return rows;
    }

    @Test
    void idsAreDenseInOrderOfFirstAppearance() {
        List<DataType> types = List.of(DataType.BIGINT);
        GroupByHashTable table = new GroupByHashTable(types);
        assertThat(ids(table, types, rows(5L, 3L, 5L, 7L, 3L, 9L))).containsExactly(0, 1, 0, 2, 1, 3);
        assertThat(table.groupCount()).isEqualTo(4);
        // A later batch continues the numbering and finds the earlier groups.
        assertThat(ids(table, types, rows(9L, 11L, 5L))).containsExactly(3, 4, 0);
        ValueVector stored = table.keys()[0];
        assertThat(Arrays.copyOf(stored.longs, 5)).containsExactly(5, 3, 7, 9, 11);
    }

    /** What a spilled aggregation does with a table: copy its groups out in an order, clear it, merge listed groups. */
    @Test
    void copiedGroupsMergeByListAndAClearedTableStartsOver() {
        List<DataType> types = List.of(DataType.INTEGER, DataType.VARCHAR);
        GroupByHashTable table = new GroupByHashTable(types);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new Object[] {i % 97 == 0 ? null : (long) (i % 1000), "s" + (i % 7)});
        }
        int[] first = ids(table, types, rows);
        int groups = table.groupCount();
        assertThat(groups).isGreaterThan(1000);
        int[] order = new int[groups];
        for (int k = 0; k < groups; k++) {
            order[k] = groups - 1 - k;
        }
        GroupByHashTable.GroupKeys copied = table.copyGroups(order, groups);
        for (int k = 0; k < groups; k++) {
            for (int c = 0; c < types.size(); c++) {
                assertThat(Values.toObject(copied.keys()[c], k)).isEqualTo(Values.toObject(table.keys()[c], order[k]));
            }
            assertThat(copied.hashes()[k]).isEqualTo(GroupByHashTable.hash(table.keys(), order[k]));
        }

        table.clear(16);
        assertThat(table.groupCount()).isZero();
        assertThat(table.nullKeys()).containsOnly(false);
        // The same rows number their groups afresh, as in a new table.
        assertThat(ids(table, types, rows)).containsExactly(first);

        // Listed entries only; then all of them, which finds the listed ones again.
        GroupByHashTable target = new GroupByHashTable(types);
        int[] even = new int[(groups + 1) / 2];
        for (int k = 0; k < even.length; k++) {
            even[k] = 2 * k;
        }
        int[] evenTargets = target.mergeFrom(copied, even, even.length);
        assertThat(target.groupCount()).isEqualTo(even.length);
        int[] all = new int[groups];
        for (int k = 0; k < groups; k++) {
            all[k] = k;
        }
        int[] allTargets = target.mergeFrom(copied, all, groups);
        assertThat(target.groupCount()).isEqualTo(groups);
        for (int k = 0; k < groups; k++) {
            if (k % 2 == 0) {
                assertThat(allTargets[k]).isEqualTo(evenTargets[k / 2]);
            }
            for (int c = 0; c < types.size(); c++) {
                assertThat(Values.toObject(target.keys()[c], allTargets[k])).isEqualTo(Values.toObject(copied.keys()[c], k));
            }
        }
    }

    @Test
    void nullKeysFormOneGroupDistinctFromEveryValue() {
        List<DataType> types = List.of(DataType.INTEGER);
        GroupByHashTable table = new GroupByHashTable(types);
        assertThat(ids(table, types, rows(null, 0L, null, 1L, 0L, null))).containsExactly(0, 1, 0, 2, 1, 0);
        assertThat(table.keys()[0].nulls[0]).isTrue();
        assertThat(table.keys()[0].nulls[1]).isFalse();
        List<DataType> strings = List.of(DataType.VARCHAR);
        GroupByHashTable s = new GroupByHashTable(strings);
        assertThat(ids(s, strings, rows(null, "", null, "", "a"))).containsExactly(0, 1, 0, 1, 2);
    }

    @Test
    void multiColumnKeys() {
        List<DataType> types = List.of(DataType.INTEGER, DataType.VARCHAR, DataType.DOUBLE);
        GroupByHashTable table = new GroupByHashTable(types);
        List<Object[]> rows = List.of(new Object[] {1L, "a", 1.0}, new Object[] {1L, "b", 1.0}, new Object[] {1L, "a", 1.0},
                new Object[] {null, "a", 1.0}, new Object[] {1L, null, 1.0}, new Object[] {null, null, null},
                new Object[] {null, "a", 1.0}, new Object[] {1L, "a", null}, new Object[] {null, null, null},
                new Object[] {2L, "a", 1.0}, new Object[] {1L, "a", 2.0}, new Object[] {1L, "ab", 1.0});
        assertThat(ids(table, types, rows)).containsExactly(0, 1, 0, 2, 3, 4, 2, 5, 4, 6, 7, 8);
        // Values in one column cannot spill into the next: ("a", "bc") vs ("ab", "c").
        List<DataType> two = List.of(DataType.VARCHAR, DataType.VARCHAR);
        GroupByHashTable t2 = new GroupByHashTable(two);
        assertThat(ids(t2, two, List.of(new Object[] {"a", "bc"}, new Object[] {"ab", "c"}, new Object[] {"a", "bc"})))
                .containsExactly(0, 1, 0);
    }

    @Test
    void stringKeysCompareBytes() {
        List<DataType> types = List.of(DataType.VARCHAR);
        GroupByHashTable table = new GroupByHashTable(types);
        assertThat(ids(table, types, rows("ñ", "n", "ñ", "€", "😀", "€", "exactly eight", "exactly eighT", "exactly eight", "")))
                .containsExactly(0, 1, 0, 2, 3, 2, 4, 5, 4, 6);
        assertThat(table.keys()[0].getString(3)).isEqualTo("😀");
    }

    @Test
    void negativeZeroAndNanGroupLikeSqlEquality() {
        List<DataType> types = List.of(DataType.DOUBLE);
        GroupByHashTable table = new GroupByHashTable(types);
        double otherNan = Double.longBitsToDouble(0x7ff0000000000001L);
        double negativeNan = Double.longBitsToDouble(0xfff8000000000000L);
        assertThat(ids(table, types, rows(0.0, -0.0, Double.NaN, otherNan, negativeNan, 1.0, Double.POSITIVE_INFINITY, -0.0)))
                .containsExactly(0, 0, 1, 1, 1, 2, 3, 0);
        List<DataType> reals = List.of(DataType.REAL);
        GroupByHashTable r = new GroupByHashTable(reals);
        assertThat(ids(r, reals, rows(-0.0, 0.0, (double) Float.NaN))).containsExactly(0, 0, 1);
    }

    @Test
    void otherKindsOfKeys() {
        List<DataType> types = List.of(DataType.decimal(30, 2), DataType.BOOLEAN, DataType.INTERVAL);
        GroupByHashTable table = new GroupByHashTable(types);
        List<Object[]> rows = List.of(new Object[] {new BigDecimal("1.00"), true, new Interval(1, 0, 0)},
                new Object[] {new BigDecimal("-1.00"), true, new Interval(1, 0, 0)},
                // One month is 30 days, as in PostgreSQL's interval equality.
                new Object[] {new BigDecimal("1.00"), true, new Interval(0, 30, 0)},
                new Object[] {new BigDecimal("1.00"), false, new Interval(0, 30, 0)},
                new Object[] {new BigDecimal("123456789012345678901234567.89"), true, new Interval(0, 1, 0)},
                new Object[] {new BigDecimal("123456789012345678901234567.89"), true, new Interval(0, 0, 86_400_000_000L)});
        assertThat(ids(table, types, rows)).containsExactly(0, 1, 0, 2, 3, 3);
    }

    @Test
    void growthKeepsEveryKeysId() {
        List<DataType> types = List.of(DataType.BIGINT, DataType.VARCHAR);
        GroupByHashTable table = new GroupByHashTable(types);
        Random random = new Random(71);
        int groups = 120_000;
        // Keys with poor low bits (multiples of 2^32) and strings sharing long prefixes.
        List<Object[]> distinct = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            long k = g % 3 == 0 ? ((long) g << 32) : g % 3 == 1 ? -g : random.nextLong();
            distinct.add(new Object[] {k, g % 5 == 0 ? null : "prefix-prefix-" + (g % 7)});
        }
        Map<List<Object>, Integer> expected = new HashMap<>();
        List<Object[]> stream = new ArrayList<>();
        for (int i = 0; i < groups * 2; i++) {
            // Each key appears for the first time in order, with repeats of earlier keys between.
            Object[] row = i % 2 == 0 ? distinct.get(i / 2) : distinct.get(random.nextInt(i / 2 + 1));
            stream.add(row);
        }
        int next = 0;
        int[] all = new int[stream.size()];
        for (int from = 0; from < stream.size(); from += 4096) {
            List<Object[]> batch = stream.subList(from, Math.min(stream.size(), from + 4096));
            int[] ids = ids(table, types, batch);
            System.arraycopy(ids, 0, all, from, ids.length);
        }
        for (int i = 0; i < stream.size(); i++) {
            List<Object> key = Arrays.asList(stream.get(i));
            Integer id = expected.get(key);
            if (id == null) {
                id = next++;
                expected.put(key, id);
            }
            assertThat(all[i]).as("row %d key %s", i, key).isEqualTo(id);
        }
        assertThat(table.groupCount()).isEqualTo(expected.size());
        // Probing again in another order finds the same ids, and the stored keys are the keys.
        List<Object[]> shuffled = new ArrayList<>(distinct);
        Collections.shuffle(shuffled, random);
        int[] again = ids(table, types, shuffled);
        for (int i = 0; i < shuffled.size(); i++) {
            int id = expected.get(Arrays.asList(shuffled.get(i)));
            assertThat(again[i]).isEqualTo(id);
            assertThat(Values.toObject(table.keys()[0], id)).isEqualTo(shuffled.get(i)[0]);
            assertThat(Values.toObject(table.keys()[1], id)).isEqualTo(shuffled.get(i)[1]);
        }
        assertThat(table.groupCount()).isEqualTo(expected.size());
        assertThat(table.slots().length).isGreaterThanOrEqualTo(table.groupCount() * 2);
        assertThat(Integer.bitCount(table.slots().length)).isEqualTo(1);
        assertThat(table.mask()).isEqualTo(table.slots().length - 1);
    }

    @Test
    void hashOfEqualKeysIsEqual() {
        List<DataType> types = List.of(DataType.DOUBLE, DataType.VARCHAR);
        ValueVector[] v = keys(types, List.of(new Object[] {0.0, "x"}, new Object[] {-0.0, "x"}, new Object[] {null, null},
                new Object[] {null, null}));
        assertThat(GroupByHashTable.hash(v, 0)).isEqualTo(GroupByHashTable.hash(v, 1));
        assertThat(GroupByHashTable.hash(v, 2)).isEqualTo(GroupByHashTable.hash(v, 3));
    }
    @Test
    void mergingATableFindsSharedGroupsAndAppendsTheOthers() {
        List<DataType> types = List.of(DataType.BIGINT, DataType.VARCHAR);
        Random random = new Random(5);
        List<Object[]> a = new ArrayList<>();
        List<Object[]> b = new ArrayList<>();
        for (int r = 0; r < 30_000; r++) {
            a.add(new Object[] {(long) random.nextInt(20_000), random.nextInt(9) == 0 ? null : "s" + random.nextInt(3)});
            b.add(new Object[] {(long) random.nextInt(20_000), random.nextInt(9) == 0 ? null : "s" + random.nextInt(3)});
        }
        GroupByHashTable left = new GroupByHashTable(types);
        ids(left, types, a);
        GroupByHashTable right = new GroupByHashTable(types);
        ids(right, types, b);
        GroupByHashTable merged = new GroupByHashTable(types);
        ids(merged, types, a);
        int before = merged.groupCount();
        int[] targetOf = merged.mergeFrom(right);
        // The same as inserting right's keys one by one into a copy of left.
        int[] expected = ids(left, types, keyRows(right, types));
        assertThat(targetOf).containsExactly(expected);
        assertThat(merged.groupCount()).isEqualTo(left.groupCount()).isGreaterThan(before);
        int[] again = ids(merged, types, keyRows(right, types));
        assertThat(again).containsExactly(targetOf);
    }

    /** A table's stored keys as rows of Java values. */
    private static List<Object[]> keyRows(GroupByHashTable table, List<DataType> types) {
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < table.groupCount(); g++) {
            Object[] row = new Object[types.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = Values.toObject(table.keys()[c], g);
            }
            rows.add(row);
        }
        return rows;
    }
}
