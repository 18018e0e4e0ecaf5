package dev.quiver.exec.aggregate;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.function.Arithmetic;
import dev.quiver.exec.testing.RandomValues;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aggregate contract for every aggregate: one state fed everything equals partial states
 * combined in any order, serialized states (through Arrow) combine like the originals, a group
 * without input finalizes to COUNT's 0 or NULL, NULL inputs are ignored, and sums report overflow.
 * Expected values come from an independent reference over BigDecimal.
 */
class AggregateContractTest {
    static final int ROWS = 3000;
    static final int GROUPS = 50;
    /** Groups that receive no row at all. */
    static boolean empty(int g) {
        return g % 10 == 0;
    }

    /** A group whose rows are all NULL. */
    static final int ALL_NULL_GROUP = 1;

    record Spec(AggregateKind kind, DataType argument, boolean distinct, DataType result) {
        AggregateFunction function() {
            List<ColumnRef> args = argument == null ? List.of() : List.of(new ColumnRef(1, "x", argument));
            return Aggregates.create(new AggregateCall(kind, args, distinct, result));
        }

        @Override
        public String toString() {
            return kind + (distinct ? "(DISTINCT " : "(") + (argument == null ? "*" : argument) + ") -> " + result;
        }
    }

    static DataType sumType(DataType t) {
        if (t.id() == dev.quiver.planner.type.TypeId.BIGINT) {
            return DataType.decimal(38, 0);
        }
        if (t.isIntegral()) {
            return DataType.BIGINT;
        }
        return t.isDecimal() ? DataType.decimal(38, t.scale()) : DataType.DOUBLE;
    }

    static final List<DataType> SUMMABLE = List.of(DataType.TINYINT, DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT,
            DataType.decimal(10, 2), DataType.decimal(18, 0), DataType.decimal(30, 4), DataType.DOUBLE, DataType.REAL);
    static final List<DataType> ORDERABLE = List.of(DataType.BOOLEAN, DataType.TINYINT, DataType.SMALLINT, DataType.INTEGER,
            DataType.BIGINT, DataType.REAL, DataType.DOUBLE, DataType.decimal(10, 2), DataType.decimal(30, 4), DataType.VARCHAR,
            DataType.DATE, DataType.TIMESTAMP);

    static Stream<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        specs.add(new Spec(AggregateKind.COUNT_STAR, null, false, DataType.BIGINT));
        for (DataType t : List.of(DataType.INTEGER, DataType.VARCHAR, DataType.DOUBLE, DataType.decimal(30, 4))) {
            specs.add(new Spec(AggregateKind.COUNT, t, false, DataType.BIGINT));
            specs.add(new Spec(AggregateKind.COUNT, t, true, DataType.BIGINT));
        }
        for (DataType t : SUMMABLE) {
            for (boolean distinct : new boolean[] {false, true}) {
                specs.add(new Spec(AggregateKind.SUM, t, distinct, sumType(t)));
                specs.add(new Spec(AggregateKind.AVG, t, distinct, DataType.DOUBLE));
            }
        }
        for (DataType t : ORDERABLE) {
            for (boolean distinct : new boolean[] {false, true}) {
                specs.add(new Spec(AggregateKind.MIN, t, distinct, t));
                specs.add(new Spec(AggregateKind.MAX, t, distinct, t));
            }
        }
        return specs.stream();
    }

    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    // ---------------------------------------------------------------- data

    /** A value for sums and averages that every summation order adds exactly (for DOUBLE and REAL). */
    static Object summable(DataType t, Random random) {
        if (t.isApproximateNumeric()) {
            return (double) (random.nextInt(1 << 20) - (1 << 19)) / 4;
        }
        return RandomValues.value(t, random);
    }

    /** Input rows: a value pool with repeats (so DISTINCT matters), NULLs, and groups. */
    static final class Data {
        final List<Object> values = new ArrayList<>();
        final int[] groups = new int[ROWS];
        final boolean[] included = new boolean[ROWS];

        Data(Spec spec, long seed) {
            Random random = new Random(seed);
            DataType t = spec.argument == null ? DataType.INTEGER : spec.argument;
            boolean exactDoubles = spec.kind == AggregateKind.SUM || spec.kind == AggregateKind.AVG;
            List<Object> pool = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                pool.add(exactDoubles ? summable(t, random) : RandomValues.value(t, random));
            }
            if (t.isApproximateNumeric() && !exactDoubles) {
                pool.addAll(List.of(Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
            }
            for (int r = 0; r < ROWS; r++) {
                int g;
                do {
                    g = random.nextInt(GROUPS);
                } while (empty(g));
                groups[r] = g;
                boolean isNull = g == ALL_NULL_GROUP || random.nextInt(7) == 0;
                values.add(isNull ? null : pool.get(random.nextInt(pool.size())));
                included[r] = random.nextInt(10) != 0; // the rest are not selected (filtered out)
            }
        }

        ValueVector vector(DataType type) {
            ValueVector v = new ValueVector(type, ROWS);
            for (int r = 0; r < ROWS; r++) {
                Values.set(v, r, values.get(r));
            }
            return v;
        }
    }

    // ---------------------------------------------------------------- reference

    /** A value's identity under SQL equality (for DISTINCT): -0.0 is 0.0, every NaN is one value. */
    static Object sqlKey(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "NaN" : d == 0 ? (Object) 0.0 : d;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }

    static BigDecimal decimal(Object v) {
        if (v instanceof Double d) {
            return new BigDecimal(d);
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal((Long) v);
    }

    /** SQL order: NaN above everything, strings by code point, booleans false < true. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int sqlCompare(Object a, Object b) {
        if (a instanceof Double x) {
            return Arithmetic.compareDouble(x, (Double) b);
        }
        if (a instanceof String x) {
            return codePoints(x, (String) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    static int codePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    static Object expected(Spec spec, Data data, int group) {
        int rows = 0;
        List<Object> values = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            if (data.included[r] && data.groups[r] == group) {
                rows++;
                if (data.values.get(r) != null) {
                    values.add(data.values.get(r));
                }
            }
        }
        if (spec.distinct) {
            Map<Object, Object> seen = new HashMap<>();
            for (Object v : values) {
                seen.putIfAbsent(sqlKey(v), v);
            }
            values = new ArrayList<>(seen.values());
        }
        switch (spec.kind) {
            case COUNT_STAR:
                return (long) rows;
            case COUNT:
                return (long) values.size();
            case MIN:
            case MAX: {
                Object best = null;
                for (Object v : values) {
                    if (best == null || (spec.kind == AggregateKind.MIN ? sqlCompare(v, best) < 0 : sqlCompare(v, best) > 0)) {
                        best = v;
                    }
                }
                return best;
            }
            default:
                break;
        }
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Object v : values) {
            sum = sum.add(decimal(v));
        }
        if (spec.kind == AggregateKind.AVG) {
            return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128).doubleValue();
        }
        DataType r = spec.result;
        if (r.isDecimal()) {
            return sum.setScale(r.scale());
        }
        if (r.id() == dev.quiver.planner.type.TypeId.BIGINT) {
            return sum.longValueExact();
        }
        return sum.doubleValue(); // exact: the inputs were chosen so
    }

    static void assertResult(Spec spec, Object actual, Object expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        if (spec.kind == AggregateKind.AVG) {
            double a = (Double) actual;
            double e = (Double) expected;
            assertThat(Math.abs(a - e)).as(what + ": " + a + " vs " + e).isLessThanOrEqualTo(Math.abs(e) * 1e-12);
        } else if (expected instanceof Double e) {
            assertThat(Arithmetic.compareDouble((Double) actual, e)).as(what + ": " + actual + " vs " + e).isZero();
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    // ---------------------------------------------------------------- running

    static int[] selected(Data data, int from, int to) {
        int n = 0;
        int[] sel = new int[to - from];
        for (int r = from; r < to; r++) {
            if (data.included[r]) {
                sel[n++] = r;
            }
        }
        return java.util.Arrays.copyOf(sel, n);
    }

    /** Feeds the rows to one state with global group ids, in batches of 512. */
    static GroupState single(AggregateFunction f, Data data, ValueVector input) {
        GroupState state = f.createState();
        state.ensureCapacity(GROUPS);
        return updateAll(f, data, input, state);
    }

    /** Feeds the rows to the given state with global group ids, in batches of 512. */
    static GroupState updateAll(AggregateFunction f, Data data, ValueVector input, GroupState state) {
        for (int from = 0; from < ROWS; from += 512) {
            int[] sel = selected(data, from, Math.min(ROWS, from + 512));
            int[] ids = new int[sel.length];
            for (int k = 0; k < sel.length; k++) {
                ids[k] = data.groups[sel[k]];
            }
            f.update(state, ids, input, sel, sel.length);
        }
        return state;
    }

    /** A partial state over some rows, numbering its groups locally in order of appearance. */
    static final class Partial {
        final GroupState state;
        final int[] targetOf;
        final int groups;

        Partial(GroupState state, int[] targetOf, int groups) {
            this.state = state;
            this.targetOf = targetOf;
            this.groups = groups;
        }
    }

    static List<Partial> partials(AggregateFunction f, Data data, ValueVector input, int parts, Random random) {
        int[] partOf = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            partOf[r] = random.nextInt(parts);
        }
        List<Partial> result = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            Map<Integer, Integer> local = new HashMap<>();
            List<Integer> targets = new ArrayList<>();
            GroupState state = f.createState();
            for (int from = 0; from < ROWS; from += 300) {
                int[] sel = selected(data, from, Math.min(ROWS, from + 300));
                int n = 0;
                for (int s : sel) {
                    if (partOf[s] == p) {
                        sel[n++] = s;
                    }
                }
                int[] ids = new int[n];
                for (int k = 0; k < n; k++) {
                    int g = data.groups[sel[k]];
                    Integer id = local.get(g);
                    if (id == null) {
                        id = local.size();
                        local.put(g, id);
                        targets.add(g);
                    }
                    ids[k] = id;
                }
                state.ensureCapacity(local.size());
                f.update(state, ids, input, sel, n);
            }
            result.add(new Partial(state, targets.stream().mapToInt(Integer::intValue).toArray(), local.size()));
        }
        return result;
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static GroupState fresh(AggregateFunction f) {
        GroupState s = f.createState();
        s.ensureCapacity(GROUPS);
        return s;
    }

    List<Object> finish(AggregateFunction f, GroupState state) {
        ValueVector out = new ValueVector(f.resultType(), 1);
        f.finalizeGroups(state, GROUPS, out);
        List<Object> values = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            values.add(Values.toObject(out, g));
        }
        return values;
    }

    /** A serialized state written to Arrow vectors of the declared state types and read back. */
    SerializedState throughArrow(AggregateFunction f, SerializedState s) {
        List<DataType> types = f.stateTypes();
        assertThat(s.columns()).hasSameSizeAs(types);
        List<ValueVector> back = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            DataType t = types.get(c);
            assertThat(s.columns().get(c).kind).isEqualTo(Kind.of(t));
            try (FieldVector v = ArrowColumns.create("state" + c, t, allocator, false)) {
                ArrowColumns.write(s.columns().get(c), null, s.rows(), v);
                ValueVector read = new ValueVector(t, s.rows());
                ArrowColumns.read(v, t, null, s.rows(), read, 0);
                back.add(read);
            }
        }
        return new SerializedState(back, s.rows());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void oneStateEqualsCombinedAndDeserializedPartialStates(Spec spec) {
        AggregateFunction f = spec.function();
        assertThat(f.resultType()).isEqualTo(spec.result);
        Data data = new Data(spec, spec.toString().hashCode());
        ValueVector input = spec.argument == null ? null : data.vector(spec.argument);
        List<Object> expected = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            expected.add(expected(spec, data, g));
        }
        // Sanity of the data: empty groups, an all-NULL group, and groups with values exist.
        assertThat(expected.get(0)).isEqualTo(spec.kind == AggregateKind.COUNT || spec.kind == AggregateKind.COUNT_STAR ? 0L : null);

        List<Object> one = finish(f, single(f, data, input));
        check(spec, one, expected, "one state");

        Random random = new Random(spec.toString().hashCode() + 1);
        for (int parts = 2; parts <= 4; parts++) {
            List<Partial> partials = partials(f, data, input, parts, random);
            // (a) combined into a fresh state, in a shuffled order, plus a never-updated state.
            List<Partial> order = new ArrayList<>(partials);
            Collections.shuffle(order, random);
            GroupState target = fresh(f);
            for (Partial p : order) {
                f.combine(target, p.state, p.targetOf, p.groups);
            }
            f.combine(target, fresh(f), identity(GROUPS), GROUPS);
            check(spec, finish(f, target), expected, parts + " partials combined");

            // (a) associativity: two halves combined separately, then one into the other.
            GroupState left = fresh(f);
            GroupState right = fresh(f);
            for (int i = 0; i < partials.size(); i++) {
                Partial p = partials.get(i);
                f.combine(i < parts / 2 ? left : right, p.state, p.targetOf, p.groups);
            }
            f.combine(right, left, identity(GROUPS), GROUPS);
            check(spec, finish(f, right), expected, parts + " partials combined in halves");

            // (b) serialized (through Arrow), deserialized, combined in reverse order.
            GroupState restored = fresh(f);
            for (int i = partials.size() - 1; i >= 0; i--) {
                Partial p = partials.get(i);
                SerializedState s = throughArrow(f, f.serialize(p.state, p.groups));
                f.combine(restored, f.deserialize(s, p.groups), p.targetOf, p.groups);
            }
            check(spec, finish(f, restored), expected, parts + " partials serialized and combined");
        }
        // A combined state serializes and finalizes the same after the round trip.
        GroupState all = single(f, data, input);
        GroupState again = f.deserialize(throughArrow(f, f.serialize(all, GROUPS)), GROUPS);
        check(spec, finish(f, again), expected, "whole state serialized");
        // Serializing does not disturb the original.
        check(spec, finish(f, all), expected, "after serializing");
    }

    /**
     * What a spilled aggregation relies on: combining listed groups (a permutation, a subset) into a
     * fresh state copies exactly those groups, and a cleared state is initial and takes updates again.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void listedGroupsCombineAloneAndClearedStatesStartOver(Spec spec) {
        AggregateFunction f = spec.function();
        Data data = new Data(spec, spec.toString().hashCode());
        ValueVector input = spec.argument == null ? null : data.vector(spec.argument);
        List<Object> expected = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            expected.add(expected(spec, data, g));
        }
        Object none = spec.kind == AggregateKind.COUNT || spec.kind == AggregateKind.COUNT_STAR ? 0L : null;
        GroupState all = single(f, data, input);

        // A permutation: target group k is source group order[k].
        List<Integer> shuffled = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            shuffled.add(g);
        }
        Collections.shuffle(shuffled, new Random(spec.toString().hashCode() + 2));
        int[] order = shuffled.stream().mapToInt(Integer::intValue).toArray();
        GroupState permuted = fresh(f);
        f.combine(permuted, all, order, identity(GROUPS), GROUPS);
        List<Object> permutedExpected = new ArrayList<>();
        for (int k = 0; k < GROUPS; k++) {
            permutedExpected.add(expected.get(order[k]));
        }
        check(spec, finish(f, permuted), permutedExpected, "groups combined in a shuffled order");

        // A subset: the odd groups are left out, and the target's other groups stay initial.
        int[] odd = new int[GROUPS / 2];
        for (int k = 0; k < odd.length; k++) {
            odd[k] = 2 * k + 1;
        }
        GroupState some = fresh(f);
        f.combine(some, all, odd, identity(odd.length), odd.length);
        List<Object> someExpected = new ArrayList<>();
        for (int k = 0; k < GROUPS; k++) {
            someExpected.add(k < odd.length ? expected.get(odd[k]) : none);
        }
        check(spec, finish(f, some), someExpected, "odd groups combined");

        // Cleared: every group initial; updated again: the same results as a fresh state's.
        all.clear(GROUPS);
        check(spec, finish(f, all), java.util.Collections.nCopies(GROUPS, none), "cleared");
        check(spec, finish(f, updateAll(f, data, input, all)), expected, "cleared, then updated again");
    }

    void check(Spec spec, List<Object> actual, List<Object> expected, String what) {
        for (int g = 0; g < GROUPS; g++) {
            assertResult(spec, actual.get(g), expected.get(g), spec + ", " + what + ", group " + g);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void groupsWithoutInputOrWithOnlyNullsFinalizeToZeroOrNull(Spec spec) {
        AggregateFunction f = spec.function();
        Object none = spec.kind == AggregateKind.COUNT || spec.kind == AggregateKind.COUNT_STAR ? 0L : null;
        // A fresh state, no update at all.
        GroupState state = f.createState();
        state.ensureCapacity(3);
        ValueVector out = new ValueVector(f.resultType(), 3);
        f.finalizeGroups(state, 3, out);
        for (int g = 0; g < 3; g++) {
            assertThat(Values.toObject(out, g)).as("%s group %d", spec, g).isEqualTo(none);
        }
        if (spec.argument == null) {
            return;
        }
        // Only NULL inputs: ignored, so the result is as if there were no rows (COUNT(*) aside).
        ValueVector nulls = new ValueVector(spec.argument, 4);
        for (int i = 0; i < 4; i++) {
            nulls.nulls[i] = true;
        }
        GroupState s = f.createState();
        s.ensureCapacity(2);
        f.update(s, new int[] {1, 1, 0}, nulls, new int[] {0, 2, 3}, 3);
        ValueVector result = new ValueVector(f.resultType(), 2);
        f.finalizeGroups(s, 2, result);
        assertThat(Values.toObject(result, 0)).isEqualTo(none);
        assertThat(Values.toObject(result, 1)).isEqualTo(none);
    }

    // ---------------------------------------------------------------- special values

    static Object run(Spec spec, Object... values) {
        AggregateFunction f = spec.function();
        ValueVector in = new ValueVector(spec.argument, values.length);
        for (int i = 0; i < values.length; i++) {
            Values.set(in, i, values[i]);
        }
        GroupState s = f.createState();
        s.ensureCapacity(1);
        f.update(s, new int[values.length], in, identity(values.length), values.length);
        ValueVector out = new ValueVector(f.resultType(), 1);
        f.finalizeGroups(s, 1, out);
        return Values.toObject(out, 0);
    }

    @Test
    void minAndMaxOfDoublesPutNanLastAndTreatNegativeZeroAsZero() {
        for (DataType t : List.of(DataType.DOUBLE, DataType.REAL)) {
            Spec min = new Spec(AggregateKind.MIN, t, false, t);
            Spec max = new Spec(AggregateKind.MAX, t, false, t);
            assertThat((Double) run(max, 1.0, Double.NaN, Double.POSITIVE_INFINITY)).isNaN();
            assertThat((Double) run(min, Double.NaN, 5.0, null)).isEqualTo(5.0);
            assertThat((Double) run(min, Double.NaN, Double.NaN)).isNaN();
            assertThat((Double) run(min, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(Arithmetic.compareDouble((Double) run(min, 0.0, -0.0, 1.0), 0.0)).isZero();
            assertThat(Arithmetic.compareDouble((Double) run(max, -0.0, Double.NEGATIVE_INFINITY), 0.0)).isZero();
            Spec countDistinct = new Spec(AggregateKind.COUNT, t, true, DataType.BIGINT);
            assertThat(run(countDistinct, 0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L), 1.0, null))
                    .isEqualTo(3L);
        }
    }

    @Test
    void minAndMaxOfStringsUseCodePointOrder() {
        Spec min = new Spec(AggregateKind.MIN, DataType.VARCHAR, false, DataType.VARCHAR);
        Spec max = new Spec(AggregateKind.MAX, DataType.VARCHAR, false, DataType.VARCHAR);
        assertThat(run(max, "z", "\uFFFF", "😀", "é")).isEqualTo("😀");
        assertThat(run(min, "z", "\uFFFF", "😀", "é", "")).isEqualTo("");
        assertThat(run(min, "ab", "abc", null, "b")).isEqualTo("ab");
        Spec distinctSum = new Spec(AggregateKind.SUM, DataType.INTEGER, true, DataType.BIGINT);
        assertThat(run(distinctSum, 1L, 2L, 2L, null, 3L, 1L)).isEqualTo(6L);
        Spec distinctAvg = new Spec(AggregateKind.AVG, DataType.decimal(10, 2), true, DataType.DOUBLE);
        assertThat(run(distinctAvg, new BigDecimal("1.00"), new BigDecimal("1.00"), new BigDecimal("2.00"))).isEqualTo(1.5);
    }

    // ---------------------------------------------------------------- overflow

    /** A state of one group deserialized from the given serialized column values. */
    static GroupState stateFrom(AggregateFunction f, Object... columnValues) {
        List<ValueVector> columns = new ArrayList<>();
        for (int c = 0; c < columnValues.length; c++) {
            ValueVector v = new ValueVector(f.stateTypes().get(c), 1);
            Values.set(v, 0, columnValues[c]);
            columns.add(v);
        }
        return f.deserialize(new SerializedState(columns, 1), 1);
    }

    static void update(AggregateFunction f, GroupState s, DataType type, Object... values) {
        ValueVector in = new ValueVector(type, values.length);
        for (int i = 0; i < values.length; i++) {
            Values.set(in, i, values[i]);
        }
        f.update(s, new int[values.length], in, identity(values.length), values.length);
    }

    static void finalizeOne(AggregateFunction f, GroupState s) {
        f.finalizeGroups(s, 1, new ValueVector(f.resultType(), 1));
    }

    @Test
    void sumOfSmallIntegersOverflowsBigint() {
        AggregateFunction f = new Spec(AggregateKind.SUM, DataType.INTEGER, false, DataType.BIGINT).function();
        GroupState s = stateFrom(f, Long.MAX_VALUE - 5);
        assertSqlState("22003", () -> update(f, s, DataType.INTEGER, 3L, 10L));
        GroupState a = stateFrom(f, Long.MAX_VALUE / 2 + 1);
        GroupState b = stateFrom(f, Long.MAX_VALUE / 2 + 1);
        assertSqlState("22003", () -> f.combine(a, b, new int[] {0}, 1));
        GroupState c = stateFrom(f, Long.MIN_VALUE + 1);
        assertSqlState("22003", () -> update(f, c, DataType.INTEGER, -2L));
        // Just inside the range is fine.
        GroupState d = stateFrom(f, Long.MAX_VALUE - 5);
        update(f, d, DataType.INTEGER, 5L);
        ValueVector out = new ValueVector(DataType.BIGINT, 1);
        f.finalizeGroups(d, 1, out);
        assertThat(out.longs[0]).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void sumOfBigintsAndDecimalsOverflows38Digits() {
        BigDecimal max38 = new BigDecimal(BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
        AggregateFunction f = new Spec(AggregateKind.SUM, DataType.BIGINT, false, DataType.decimal(38, 0)).function();
        GroupState s = stateFrom(f, max38.subtract(BigDecimal.ONE));
        update(f, s, DataType.BIGINT, 1L);
        finalizeOne(f, s); // exactly 10^38 - 1 still fits
        update(f, s, DataType.BIGINT, 1L);
        assertSqlState("22003", () -> finalizeOne(f, s));
        // Beyond 128 bits while combining.
        BigDecimal big = new BigDecimal("90000000000000000000000000000000000000");
        GroupState a = stateFrom(f, big);
        GroupState b = stateFrom(f, big);
        assertSqlState("22003", () -> f.combine(a, b, new int[] {0}, 1));
        GroupState n = stateFrom(f, big.negate());
        update(f, n, DataType.BIGINT, Long.MIN_VALUE, Long.MIN_VALUE);
        assertSqlState("22003", () -> f.combine(n, stateFrom(f, big.negate()), new int[] {0}, 1));

        DataType dec = DataType.decimal(30, 4);
        AggregateFunction g = new Spec(AggregateKind.SUM, dec, false, DataType.decimal(38, 4)).function();
        BigDecimal maxInput = new BigDecimal(BigInteger.TEN.pow(30).subtract(BigInteger.ONE), 4);
        GroupState t = stateFrom(g, new BigDecimal(BigInteger.TEN.pow(38).subtract(BigInteger.TEN.pow(30)), 4));
        update(g, t, dec, maxInput);
        finalizeOne(g, t);
        update(g, t, dec, new BigDecimal("0.0001"));
        assertSqlState("22003", () -> finalizeOne(g, t));
        // A partial state beyond 38 digits (a continuous view's stored state, say) overflows 128 bits.
        BigInteger nearLimit = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.TEN);
        GroupState u = stateFrom(g, new BigDecimal(nearLimit, 4));
        assertSqlState("22003", () -> update(g, u, dec, maxInput));

        AggregateFunction avg = new Spec(AggregateKind.AVG, dec, false, DataType.DOUBLE).function();
        GroupState v = stateFrom(avg, new BigDecimal(nearLimit, 4), 1L);
        assertSqlState("22003", () -> update(avg, v, dec, maxInput));
        AggregateFunction avgBigint = new Spec(AggregateKind.AVG, DataType.BIGINT, false, DataType.DOUBLE).function();
        GroupState w = stateFrom(avgBigint, big, 3L);
        assertSqlState("22003", () -> avgBigint.combine(w, stateFrom(avgBigint, big, 4L), new int[] {0}, 1));
    }

    @Test
    void sumOfDoublesOverflowsInsteadOfReturningInfinity() {
        for (AggregateKind kind : List.of(AggregateKind.SUM, AggregateKind.AVG)) {
            for (boolean distinct : new boolean[] {false, true}) {
                AggregateFunction f = new Spec(kind, DataType.DOUBLE, distinct, DataType.DOUBLE).function();
                GroupState s = f.createState();
                s.ensureCapacity(1);
                assertSqlState("22003", () -> {
                    update(f, s, DataType.DOUBLE, 1e308, 1.5e308);
                    finalizeOne(f, s);
                });
            }
            AggregateFunction f = new Spec(kind, DataType.DOUBLE, false, DataType.DOUBLE).function();
            GroupState a = f.createState();
            GroupState b = f.createState();
            update(f, a, DataType.DOUBLE, 1e308);
            update(f, b, DataType.DOUBLE, 1e308);
            assertSqlState("22003", () -> f.combine(a, b, new int[] {0}, 1));
            // Infinite inputs are not an overflow.
            GroupState c = f.createState();
            update(f, c, DataType.DOUBLE, Double.POSITIVE_INFINITY, 1.0);
            ValueVector out = new ValueVector(DataType.DOUBLE, 1);
            f.finalizeGroups(c, 1, out);
            assertThat(out.doubles[0]).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void everyAggregateDeclaresStateTypesMatchingItsSerializedColumns() {
        Set<String> seen = new LinkedHashSet<>();
        specs().forEach(spec -> {
            AggregateFunction f = spec.function();
            GroupState s = f.createState();
            s.ensureCapacity(2);
            SerializedState serialized = f.serialize(s, 2);
            assertThat(serialized.columns()).hasSameSizeAs(f.stateTypes());
            for (int c = 0; c < serialized.columns().size(); c++) {
                assertThat(serialized.columns().get(c).kind).as(spec.toString()).isEqualTo(Kind.of(f.stateTypes().get(c)));
            }
            seen.add(f.getClass().getSimpleName());
        });
        assertThat(seen).contains("CountAggregate", "SumAggregate", "AvgAggregate", "ExtremeAggregate", "DistinctAggregate");
    }
}
