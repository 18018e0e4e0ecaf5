package dev.quiver.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.testing.RandomValues;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.holders.NullableIntervalMonthDayNanoHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moving values between heap {@link ValueVector}s and Arrow vectors, for every type in its internal
 * and API form, checked with Arrow's own (checked) accessors as the independent reference.
 */
class ArrowColumnsTest {
    static final List<DataType> TYPES = List.of(DataType.BOOLEAN, DataType.TINYINT, DataType.SMALLINT, DataType.INTEGER,
            DataType.BIGINT, DataType.REAL, DataType.DOUBLE, DataType.decimal(10, 2), DataType.decimal(18, 18),
            DataType.decimal(1, 0), DataType.decimal(30, 5), DataType.decimal(38, 0), DataType.VARCHAR, DataType.DATE,
            DataType.TIMESTAMP, DataType.INTERVAL);
    static final int[] SIZES = {1, 7, 63, 64, 65, 200};

    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).as("leaked Arrow memory").isZero();
        allocator.close();
    }

    /** A row read with Arrow's own accessors, as the canonical Java value (null for NULL). */
    static Object arrowValue(FieldVector v, DataType type, int row) {
        if (v.isNull(row)) {
            return null;
        }
        if (v instanceof BitVector b) {
            return b.get(row) != 0;
        }
        if (v instanceof TinyIntVector t) {
            return (long) t.get(row);
        }
        if (v instanceof SmallIntVector s) {
            return (long) s.get(row);
        }
        if (v instanceof IntVector i) {
            return (long) i.get(row);
        }
        if (v instanceof BigIntVector b) {
            return type.isDecimal() ? BigDecimal.valueOf(b.get(row), type.scale()) : (Object) b.get(row);
        }
        if (v instanceof Float4Vector f) {
            return (double) f.get(row);
        }
        if (v instanceof Float8Vector f) {
            return f.get(row);
        }
        if (v instanceof DecimalVector d) {
            return d.getObject(row);
        }
        if (v instanceof VarCharVector s) {
            return new String(s.get(row), StandardCharsets.UTF_8);
        }
        if (v instanceof DateDayVector d) {
            return d.get(row);
        }
        if (v instanceof TimeStampMicroVector t) {
            return t.get(row);
        }
        if (v instanceof IntervalMonthDayNanoVector i) {
            NullableIntervalMonthDayNanoHolder h = new NullableIntervalMonthDayNanoHolder();
            i.get(row, h);
            assertThat(h.nanoseconds % 1000).isZero();
            return new Interval(h.months, h.days, h.nanoseconds / 1000);
        }
        throw new AssertionError("unexpected vector " + v.getClass());
    }

    /** Sets a row with Arrow's own (checked) setters. */
    static void arrowSet(FieldVector v, DataType type, int row, Object value) {
        if (value == null) {
            v.setNull(row);
            return;
        }
        if (v instanceof BitVector b) {
            b.setSafe(row, (Boolean) value ? 1 : 0);
        } else if (v instanceof TinyIntVector t) {
            t.setSafe(row, (byte) (long) (Long) value);
        } else if (v instanceof SmallIntVector s) {
            s.setSafe(row, (short) (long) (Long) value);
        } else if (v instanceof IntVector i) {
            i.setSafe(row, (int) (long) (Long) value);
        } else if (v instanceof BigIntVector b) {
            b.setSafe(row, type.isDecimal() ? ((BigDecimal) value).unscaledValue().longValueExact() : (Long) value);
        } else if (v instanceof Float4Vector f) {
            f.setSafe(row, (float) (double) (Double) value);
        } else if (v instanceof Float8Vector f) {
            f.setSafe(row, (Double) value);
        } else if (v instanceof DecimalVector d) {
            d.setSafe(row, (BigDecimal) value);
        } else if (v instanceof VarCharVector s) {
            s.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof DateDayVector d) {
            d.setSafe(row, (Integer) value);
        } else if (v instanceof TimeStampMicroVector t) {
            t.setSafe(row, (Long) value);
        } else if (v instanceof IntervalMonthDayNanoVector i) {
            Interval x = (Interval) value;
            i.setSafe(row, x.months(), x.days(), x.micros() * 1000);
        } else {
            throw new AssertionError("unexpected vector " + v.getClass());
        }
    }

    static List<Object> randomColumn(DataType type, int n, Random random) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(random.nextInt(5) == 0 ? null : RandomValues.value(type, random));
        }
        return values;
    }

    static ValueVector heap(DataType type, List<Object> values) {
        ValueVector v = new ValueVector(type, values.size());
        for (int i = 0; i < values.size(); i++) {
            Values.set(v, i, values.get(i));
        }
        return v;
    }

    /** Equality of canonical values where doubles compare by their bits (NaN, -0.0 matter). */
    static void assertSameValue(Object actual, Object expected, String what) {
        if (expected instanceof Double d) {
            assertThat(actual).as(what).isInstanceOf(Double.class);
            assertThat(Double.doubleToLongBits((Double) actual)).as(what + ": " + actual + " vs " + d)
                    .isEqualTo(Double.doubleToLongBits(d));
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    @Test
    void writeThenReadWithArrowAccessorsForEveryTypeAndForm() {
        Random random = new Random(61);
        for (DataType type : TYPES) {
            for (boolean api : new boolean[] {false, true}) {
                for (int n : SIZES) {
                    List<Object> values = randomColumn(type, n, random);
                    try (FieldVector v = ArrowColumns.create("c", type, allocator, api)) {
                        ArrowColumns.write(heap(type, values), null, n, v);
                        assertThat(v.getValueCount()).isEqualTo(n);
                        assertThat(ArrowColumns.accepts(v, type)).isTrue();
                        if (type.isShortDecimal()) {
                            assertThat(v).isInstanceOf(api ? DecimalVector.class : BigIntVector.class);
                        }
                        for (int r = 0; r < n; r++) {
                            String what = type + (api ? " api" : " internal") + " row " + r + " of " + n;
                            assertSameValue(arrowValue(v, type, r), values.get(r), what);
                            assertSameValue(ArrowColumns.getObject(v, type, r), values.get(r), what);
                        }
                        assertThat(v.getNullCount()).isEqualTo((int) values.stream().filter(x -> x == null).count());
                    }
                }
            }
        }
    }

    @Test
    void readAllAlignedAndDenseSelections() {
        Random random = new Random(62);
        for (DataType type : TYPES) {
            for (boolean api : new boolean[] {false, true}) {
                int n = 150;
                List<Object> values = randomColumn(type, n, random);
                try (FieldVector v = ArrowColumns.create("c", type, allocator, api)) {
                    v.allocateNew();
                    for (int r = 0; r < n; r++) {
                        arrowSet(v, type, r, values.get(r));
                    }
                    v.setValueCount(n);
                    // Everything, dense from 0.
                    ValueVector all = new ValueVector(type, n);
                    ArrowColumns.read(v, type, null, n, all, 0);
                    for (int r = 0; r < n; r++) {
                        assertSameValue(Values.toObject(all, r), values.get(r), type + " row " + r);
                    }
                    // A selection, position-aligned: entry sel[k] holds row sel[k].
                    int[] sel = selection(random, n);
                    ValueVector aligned = new ValueVector(type, n);
                    ArrowColumns.read(v, type, sel, sel.length, aligned, -1);
                    for (int s : sel) {
                        assertSameValue(Values.toObject(aligned, s), values.get(s), type + " aligned row " + s);
                    }
                    // The same selection appended densely after 5 existing entries.
                    ValueVector dense = new ValueVector(type, 5 + sel.length);
                    Values.set(dense, 0, values.get(0));
                    ArrowColumns.read(v, type, sel, sel.length, dense, 5);
                    for (int k = 0; k < sel.length; k++) {
                        assertSameValue(Values.toObject(dense, 5 + k), values.get(sel[k]), type + " dense " + k);
                    }
                    assertSameValue(Values.toObject(dense, 0), values.get(0), type + " untouched entry");
                    // Without a selection: position-aligned, and appended after 7 existing entries.
                    ValueVector whole = new ValueVector(type, n);
                    ArrowColumns.read(v, type, null, n, whole, -1);
                    ValueVector after = new ValueVector(type, 7 + n);
                    Values.set(after, 6, values.get(1));
                    ArrowColumns.read(v, type, null, n, after, 7);
                    for (int r = 0; r < n; r++) {
                        assertSameValue(Values.toObject(whole, r), values.get(r), type + " aligned, no selection, row " + r);
                        assertSameValue(Values.toObject(after, 7 + r), values.get(r), type + " appended, no selection, row " + r);
                    }
                    assertSameValue(Values.toObject(after, 6), values.get(1), type + " untouched entry before the append");
                    // A run of consecutive rows not starting at 0 (strings copy such a run's bytes at once).
                    int[] run = new int[60];
                    for (int k = 0; k < run.length; k++) {
                        run[k] = 40 + k;
                    }
                    ValueVector runDense = new ValueVector(type, 3 + run.length);
                    ArrowColumns.read(v, type, run, run.length, runDense, 3);
                    ValueVector runAligned = new ValueVector(type, n);
                    ArrowColumns.read(v, type, run, run.length, runAligned, -1);
                    for (int k = 0; k < run.length; k++) {
                        assertSameValue(Values.toObject(runDense, 3 + k), values.get(run[k]), type + " run, dense " + k);
                        assertSameValue(Values.toObject(runAligned, run[k]), values.get(run[k]), type + " run, aligned " + k);
                    }
                }
            }
        }
    }

    static int[] selection(Random random, int n) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (random.nextInt(3) == 0) {
                rows.add(r);
            }
        }
        rows.add(n - 1);
        return rows.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void writeGathersPositionsAndWriteAlignedLeavesUnselectedRowsNull() {
        Random random = new Random(63);
        for (DataType type : TYPES) {
            int n = 130;
            List<Object> values = randomColumn(type, n, random);
            ValueVector src = heap(type, values);
            int[] sel = selection(random, n);
            try (FieldVector gathered = ArrowColumns.create("g", type, allocator, false);
                    FieldVector aligned = ArrowColumns.create("a", type, allocator, false)) {
                ArrowColumns.write(src, sel, sel.length, gathered);
                assertThat(gathered.getValueCount()).isEqualTo(sel.length);
                for (int k = 0; k < sel.length; k++) {
                    assertSameValue(arrowValue(gathered, type, k), values.get(sel[k]), type + " gathered " + k);
                }
                // First fill every row, then reuse the vector: stale values must not survive.
                List<Object> full = new ArrayList<>();
                for (int r = 0; r < n + 20; r++) {
                    full.add(RandomValues.value(type, random));
                }
                ArrowColumns.write(heap(type, full), null, n + 20, aligned);
                ArrowColumns.writeAligned(src, sel, sel.length, n, aligned);
                assertThat(aligned.getValueCount()).isEqualTo(n);
                boolean[] selected = new boolean[n];
                for (int s : sel) {
                    selected[s] = true;
                }
                for (int r = 0; r < n; r++) {
                    Object expected = selected[r] ? values.get(r) : null;
                    assertSameValue(arrowValue(aligned, type, r), expected, type + " aligned row " + r);
                }
                if (aligned instanceof BaseVariableWidthVector strings) {
                    int previous = 0;
                    for (int r = 0; r <= n; r++) {
                        int offset = strings.getOffsetBuffer().getInt(4L * r);
                        assertThat(offset).as("offset %d", r).isGreaterThanOrEqualTo(previous);
                        previous = offset;
                    }
                    assertThat(strings.getOffsetBuffer().getInt(0)).isZero();
                }
            }
        }
    }

    @Test
    void stringsEmptyMultiByteAndNull() {
        List<Object> values = new ArrayList<>(List.of("", "a", "ñ", "€uro", "😀😀", "", "mixed ñ€😀 text"));
        values.add(null);
        values.add("");
        try (FieldVector v = ArrowColumns.create("s", DataType.VARCHAR, allocator, true)) {
            ArrowColumns.write(heap(DataType.VARCHAR, values), null, values.size(), v);
            for (int r = 0; r < values.size(); r++) {
                assertThat(arrowValue(v, DataType.VARCHAR, r)).isEqualTo(values.get(r));
            }
            assertThat(v.isNull(0)).isFalse();
            ValueVector back = new ValueVector(DataType.VARCHAR, 1);
            back.ensureCapacity(values.size());
            ArrowColumns.read(v, DataType.VARCHAR, null, values.size(), back, 0);
            for (int r = 0; r < values.size(); r++) {
                assertThat(Values.toObject(back, r)).isEqualTo(values.get(r));
            }
            assertThat(back.lengths[3]).isEqualTo(6); // "€uro": 3 + 3 bytes
        }
    }

    @Test
    void zeroRowsWriteIntoFreshVectors() {
        for (DataType type : TYPES) {
            for (boolean api : new boolean[] {false, true}) {
                try (FieldVector v = ArrowColumns.create("z", type, allocator, api)) {
                    ArrowColumns.write(new ValueVector(type, 1), null, 0, v);
                    assertThat(v.getValueCount()).isZero();
                }
            }
        }
    }

    @Test
    void shortDecimalsReadFromEitherForm() {
        DataType type = DataType.decimal(12, 3);
        try (DecimalVector api = (DecimalVector) ArrowColumns.create("d", type, allocator, true);
                BigIntVector internal = (BigIntVector) ArrowColumns.create("d", type, allocator, false)) {
            api.allocateNew(3);
            api.setSafe(0, new BigDecimal("-123456789.123"));
            api.setSafe(1, new BigDecimal("0.001"));
            api.setNull(2);
            api.setValueCount(3);
            ValueVector v = new ValueVector(type, 3);
            ArrowColumns.read(api, type, null, 3, v, 0);
            assertThat(v.longs[0]).isEqualTo(-123456789123L);
            assertThat(v.longs[1]).isEqualTo(1);
            assertThat(v.nulls[2]).isTrue();
            ArrowColumns.write(v, null, 3, internal);
            assertThat(internal.get(0)).isEqualTo(-123456789123L);
            assertThat(internal.isNull(2)).isTrue();
            // A BIGINT-stored unscaled value read as a wide decimal is sign-extended.
            DataType wide = DataType.decimal(30, 3);
            ValueVector w = new ValueVector(wide, 3);
            ArrowColumns.read(internal, wide, null, 3, w, 0);
            assertThat(Values.toObject(w, 0)).isEqualTo(new BigDecimal("-123456789.123"));
            assertThat(w.highs[0]).isEqualTo(-1);
        }
    }

    @Test
    void hasNullsLooksAtExactlyTheGivenRows() {
        for (int n : new int[] {1, 2, 63, 64, 65, 127, 128, 129, 1000}) {
            try (IntVector v = new IntVector("i", allocator)) {
                v.allocateNew(n + 64);
                for (int r = 0; r < n + 64; r++) {
                    v.set(r, r);
                }
                v.setNull(n); // just past the rows asked about
                v.setValueCount(n + 64);
                assertThat(ArrowColumns.hasNulls(v, n)).as("no NULL among %d rows", n).isFalse();
                assertThat(ArrowColumns.hasNulls(v, n + 1)).as("NULL at row %d", n).isTrue();
                v.set(n, 1);
                v.setNull(n - 1);
                assertThat(ArrowColumns.hasNulls(v, n)).as("NULL at last row %d", n - 1).isTrue();
                v.set(n - 1, 1);
                v.setNull(0);
                assertThat(ArrowColumns.hasNulls(v, n)).isTrue();
                assertThat(ArrowColumns.hasNulls(v, 0)).isFalse();
            }
        }
    }

    @Test
    void readRejectsRowsBeyondTheVector() {
        try (IntVector v = new IntVector("i", allocator)) {
            v.allocateNew(4);
            v.setValueCount(4);
            ValueVector out = new ValueVector(DataType.INTEGER, 8);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArrowColumns.read(v, DataType.INTEGER, new int[] {1, 4}, 2, out, -1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void bigIntegerConversions() {
        assertThat(ArrowColumns.toBigInteger(-1, -1)).isEqualTo(java.math.BigInteger.valueOf(-1));
        assertThat(ArrowColumns.toBigInteger(0, -1)).isEqualTo(java.math.BigInteger.TWO.pow(64).subtract(java.math.BigInteger.ONE));
        assertThat(ArrowColumns.toBigDecimal(-1, -5, 2)).isEqualTo(new BigDecimal("-0.05"));
    }
}
