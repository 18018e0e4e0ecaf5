package dev.quiver.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.function.Arithmetic;
import dev.quiver.exec.testing.RandomValues;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Heap vectors: growth, the string arena, copying, and SQL comparison and hashing of entries. */
class ValueVectorTest {
    @Test
    void growingKeepsEveryEntry() {
        Random random = new Random(111);
        for (DataType type : ArrowColumnsTest.TYPES) {
            ValueVector v = new ValueVector(type, 0);
            assertThat(v.capacity()).isEqualTo(1);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                Object value = random.nextInt(6) == 0 ? null : RandomValues.value(type, random);
                v.ensureCapacity(i + 1);
                Values.set(v, i, value);
                values.add(value);
            }
            for (int i = 0; i < values.size(); i++) {
                ArrowColumnsTest.assertSameValue(Values.toObject(v, i), values.get(i), type + " entry " + i);
            }
            assertThat(v.capacity()).isGreaterThanOrEqualTo(5000);
        }
    }

    @Test
    void stringArenaGrowsAndResets() {
        ValueVector v = new ValueVector(DataType.VARCHAR, 4);
        String big = "ñ".repeat(10_000);
        v.setString(0, "a");
        v.setString(1, big);
        v.setString(2, "");
        v.setString(3, "😀");
        assertThat(v.getString(0)).isEqualTo("a");
        assertThat(v.getString(1)).isEqualTo(big);
        assertThat(v.getString(2)).isEmpty();
        assertThat(v.getString(3)).isEqualTo("😀");
        assertThat(v.arenaSize).isEqualTo(1 + 20_000 + 0 + 4);
        v.resetArena();
        v.setString(0, "b");
        assertThat(v.offsets[0]).isZero();
        assertThat(v.getString(0)).isEqualTo("b");
        // Copying between vectors copies the bytes, NULLs included.
        ValueVector w = new ValueVector(DataType.VARCHAR, 2);
        w.copyFrom(v, 0, 1);
        v.nulls[3] = true;
        w.copyFrom(v, 3, 0);
        v.setString(0, "changed");
        assertThat(w.getString(1)).isEqualTo("b");
        assertThat(w.nulls[0]).isTrue();
        assertThat(w.nulls[1]).isFalse();
    }

    @Test
    void copyFromCopiesEveryKind() {
        Random random = new Random(112);
        for (DataType type : ArrowColumnsTest.TYPES) {
            ValueVector a = new ValueVector(type, 10);
            ValueVector b = new ValueVector(type, 10);
            for (int i = 0; i < 10; i++) {
                Values.set(a, i, i == 3 ? null : RandomValues.value(type, random));
                Values.set(b, i, RandomValues.value(type, random));
            }
            for (int i = 0; i < 10; i++) {
                b.copyFrom(a, i, 9 - i);
            }
            for (int i = 0; i < 10; i++) {
                ArrowColumnsTest.assertSameValue(Values.toObject(b, 9 - i), Values.toObject(a, i), type.toString());
            }
        }
    }

    /** Reference SQL comparison of canonical values. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int reference(Object x, Object y) {
        if (x instanceof Double a) {
            return Arithmetic.compareDouble(a, (Double) y);
        }
        if (x instanceof String a) {
            return Integer.signum(Arrays.compare(a.codePoints().toArray(), ((String) y).codePoints().toArray()));
        }
        if (x instanceof Interval a) {
            Interval b = (Interval) y;
            BigDecimal sa = BigDecimal.valueOf(a.months() * 30L + a.days()).multiply(BigDecimal.valueOf(86_400_000_000L))
                    .add(BigDecimal.valueOf(a.micros()));
            BigDecimal sb = BigDecimal.valueOf(b.months() * 30L + b.days()).multiply(BigDecimal.valueOf(86_400_000_000L))
                    .add(BigDecimal.valueOf(b.micros()));
            return sa.compareTo(sb);
        }
        return Integer.signum(((Comparable) x).compareTo(y));
    }

    @Test
    void comparisonEqualityAndHashAgreeWithSqlSemantics() {
        Random random = new Random(113);
        for (DataType type : ArrowColumnsTest.TYPES) {
            int n = 120;
            ValueVector v = new ValueVector(type, n);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Few distinct values, so equal pairs are common.
                Object value = i < 40 ? RandomValues.value(type, random) : values.get(random.nextInt(40));
                Values.set(v, i, value);
                values.add(value);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int expected = reference(values.get(i), values.get(j));
                    int c = Integer.signum(ValueComparisons.compare(v, i, v, j));
                    assertThat(c).as("%s: %s vs %s", type, values.get(i), values.get(j)).isEqualTo(expected);
                    assertThat(ValueComparisons.equal(v, i, v, j)).isEqualTo(expected == 0);
                    if (expected == 0) {
                        assertThat(ValueComparisons.hash(v, i)).as("%s: equal values hash equally", type).isEqualTo(ValueComparisons.hash(v, j));
                    }
                }
            }
        }
    }

    @Test
    void equalButDifferentlyWrittenValuesHashEqually() {
        ValueVector d = new ValueVector(DataType.DOUBLE, 4);
        Values.set(d, 0, 0.0);
        Values.set(d, 1, -0.0);
        Values.set(d, 2, Double.NaN);
        Values.set(d, 3, Double.longBitsToDouble(0x7ff0000000000abcL));
        assertThat(ValueComparisons.hash(d, 0)).isEqualTo(ValueComparisons.hash(d, 1));
        assertThat(ValueComparisons.hash(d, 2)).isEqualTo(ValueComparisons.hash(d, 3));
        assertThat(ValueComparisons.equal(d, 2, d, 3)).isTrue();
        ValueVector iv = new ValueVector(DataType.INTERVAL, 4);
        Values.set(iv, 0, new Interval(1, 0, 0));
        Values.set(iv, 1, new Interval(0, 30, 0));
        Values.set(iv, 2, new Interval(0, 1, -1));
        Values.set(iv, 3, new Interval(0, 0, 86_400_000_000L - 1));
        assertThat(ValueComparisons.equal(iv, 0, iv, 1)).isTrue();
        assertThat(ValueComparisons.hash(iv, 0)).isEqualTo(ValueComparisons.hash(iv, 1));
        assertThat(ValueComparisons.equal(iv, 2, iv, 3)).isTrue();
        assertThat(ValueComparisons.hash(iv, 2)).isEqualTo(ValueComparisons.hash(iv, 3));
        ValueVector n = new ValueVector(DataType.INTEGER, 2);
        n.nulls[0] = true;
        n.nulls[1] = true;
        n.longs[0] = 5;
        assertThat(ValueComparisons.hash(n, 0)).isEqualTo(ValueComparisons.hash(n, 1));
    }
}
