package dev.quiver.exec.expr;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.testing.TestBatch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interpreter over batches built from Arrow vectors: NULL logic, laziness, errors with positions. */
class ExpressionEvaluatorTest {
    private BufferAllocator allocator;
    private TestBatch data;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
        data = new TestBatch(allocator);
    }

    @AfterEach
    void close() {
        data.close();
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    // ---------------------------------------------------------------- helpers

    static Literal integer(long v) {
        return Literal.of(v, DataType.INTEGER);
    }

    static Call call(Function f, DataType type, Expr... args) {
        return new Call(f, List.of(args), type);
    }

    static Call call(Function f, DataType type, int position, Expr... args) {
        return new Call(f, List.of(args), type, position);
    }

    static Call bool(Function f, Expr... args) {
        return call(f, DataType.BOOLEAN, args);
    }

    /** Evaluates over every row of the batch. */
    List<Object> eval(Expr e) {
        int[] all = new int[data.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return eval(e, all);
    }

    /** Evaluates over the selected rows; returns their values in selection order. */
    List<Object> eval(Expr e, int[] sel) {
        ExpressionEvaluator evaluator = ExpressionEvaluator.compile(e, data.layout());
        assertThat(evaluator.type()).isEqualTo(e.type());
        Batch batch = data.batch().withSelection(sel, sel.length);
        ValueVector v = evaluator.evaluate(batch, batch.positions(), batch.selectedCount());
        List<Object> out = new ArrayList<>();
        for (int i : sel) {
            out.add(Values.toObject(v, i));
        }
        return out;
    }

    // ---------------------------------------------------------------- three-valued logic

    @Test
    void andOrNotTruthTables() {
        Boolean t = true;
        Boolean f = false;
        Boolean n = null;
        ColumnRef a = data.add("a", DataType.BOOLEAN, t, t, t, f, f, f, n, n, n);
        ColumnRef b = data.add("b", DataType.BOOLEAN, t, f, n, t, f, n, t, f, n);
        assertThat(eval(bool(Function.AND, a, b))).containsExactly(t, f, n, f, f, f, n, f, n);
        assertThat(eval(bool(Function.OR, a, b))).containsExactly(t, t, t, t, f, n, t, n, n);
        assertThat(eval(bool(Function.NOT, a))).containsExactly(f, f, f, t, t, t, n, n, n);
        assertThat(eval(bool(Function.AND, b, a))).containsExactly(t, f, n, f, f, f, n, f, n);
        assertThat(eval(bool(Function.OR, b, a))).containsExactly(t, t, t, t, f, n, t, n, n);
        // Three arguments: one FALSE decides AND whatever comes before or after it.
        Literal nullBool = Literal.nullOf(DataType.BOOLEAN);
        assertThat(eval(bool(Function.AND, nullBool, a, b))).containsExactly(n, f, n, f, f, f, n, f, n);
        assertThat(eval(bool(Function.OR, nullBool, a, b))).containsExactly(t, t, t, t, n, n, t, n, n);
        assertThat(eval(bool(Function.IS_NULL, a))).containsExactly(f, f, f, f, f, f, t, t, t);
        assertThat(eval(bool(Function.IS_NOT_NULL, b))).containsExactly(t, t, f, t, t, f, t, t, f);
        assertThat(eval(bool(Function.IS_DISTINCT_FROM, a, b))).containsExactly(f, t, t, t, f, t, t, t, f);
        assertThat(eval(bool(Function.IS_NOT_DISTINCT_FROM, a, b))).containsExactly(t, f, f, f, t, f, f, f, t);
        assertThat(eval(bool(Function.EQUAL, a, b))).containsExactly(t, f, n, f, t, n, n, n, n);
    }

    // ---------------------------------------------------------------- laziness

    @Test
    void caseEvaluatesEachBranchOnlyForTheRowsThatReachIt() {
        ColumnRef x = data.add("x", DataType.INTEGER, 0L, 2L, 0L, 5L, null, -3L);
        Expr divide = call(Function.DIVIDE, DataType.INTEGER, 7, integer(10), x);
        Expr guarded = new CaseWhen(List.of(new CaseWhen.WhenThen(bool(Function.NOT_EQUAL, x, integer(0)), divide)), integer(-1),
                DataType.INTEGER);
        assertThat(eval(guarded)).containsExactly(-1L, 5L, -1L, 2L, -1L, -3L);
        // Without the guard the division fails, pointing at the division.
        QuiverException e = assertSqlState("22012", () -> eval(divide));
        assertThat(e.position()).hasValue(7);
        // Several WHENs: the first TRUE wins; NULL conditions fall through; ELSE only for the rest.
        Expr multi = new CaseWhen(List.of(
                new CaseWhen.WhenThen(bool(Function.EQUAL, x, integer(0)), integer(100)),
                new CaseWhen.WhenThen(bool(Function.GREATER_THAN, call(Function.DIVIDE, DataType.INTEGER, integer(10), x), integer(3)),
                        integer(200))),
                call(Function.DIVIDE, DataType.INTEGER, integer(100), x), DataType.INTEGER);
        assertThat(eval(multi)).containsExactly(100L, 200L, 100L, 20L, null, -33L);
    }

    @Test
    void andAndOrDoNotEvaluateLaterArgumentsForDecidedRows() {
        ColumnRef x = data.add("x", DataType.INTEGER, 0L, 2L, 20L, null, 0L);
        Expr quotientAboveOne = bool(Function.GREATER_THAN, call(Function.DIVIDE, DataType.INTEGER, integer(10), x), integer(1));
        assertThat(eval(bool(Function.AND, bool(Function.NOT_EQUAL, x, integer(0)), quotientAboveOne)))
                .containsExactly(false, true, false, null, false);
        assertThat(eval(bool(Function.OR, bool(Function.EQUAL, x, integer(0)), quotientAboveOne)))
                .containsExactly(true, true, false, null, true);
        // The guard after the division does not help: the division runs first.
        assertSqlState("22012", () -> eval(bool(Function.AND, quotientAboveOne, bool(Function.NOT_EQUAL, x, integer(0)))));
    }

    @Test
    void strictFunctionsEvaluateEveryArgument() {
        ColumnRef x = data.add("x", DataType.INTEGER, 1L, 0L);
        ColumnRef y = data.add("y", DataType.INTEGER, 1L, null);
        // (10 / x) + y: the row where y is NULL still evaluates 10 / 0, as PostgreSQL does.
        Expr sum = call(Function.ADD, DataType.INTEGER, 3, call(Function.DIVIDE, DataType.INTEGER, 12, integer(10), x), y);
        QuiverException e = assertSqlState("22012", () -> eval(sum));
        assertThat(e.position()).hasValue(12);
        // Only the first row: fine.
        assertThat(eval(sum, new int[] {0})).containsExactly(11L);
        // A NULL argument makes the result NULL without calling the kernel: 1 / NULL is NULL, not an error.
        assertThat(eval(call(Function.DIVIDE, DataType.INTEGER, integer(1), y))).containsExactly(1L, null);
        assertThat(eval(call(Function.DIVIDE, DataType.INTEGER, x, Literal.nullOf(DataType.INTEGER)))).containsExactly(null, null);
    }

    @Test
    void coalesceEvaluatesLaterArgumentsOnlyWhereEarlierOnesAreNull() {
        ColumnRef x = data.add("x", DataType.INTEGER, 0L, 0L, 5L, null);
        ColumnRef y = data.add("y", DataType.INTEGER, 7L, null, null, null);
        Expr coalesce = call(Function.COALESCE, DataType.INTEGER, y, call(Function.DIVIDE, DataType.INTEGER, integer(10), x), integer(-1));
        assertSqlState("22012", () -> eval(coalesce)); // row 1: y NULL, x = 0
        assertThat(eval(coalesce, new int[] {0, 2, 3})).containsExactly(7L, 2L, -1L);
        assertThat(eval(call(Function.COALESCE, DataType.INTEGER, y, Literal.nullOf(DataType.INTEGER)))).containsExactly(7L, null, null,
                null);
        ColumnRef s = data.add("s", DataType.VARCHAR, null, "b", null, "dd");
        assertThat(eval(call(Function.COALESCE, DataType.VARCHAR, s, Literal.of("z", DataType.VARCHAR)))).containsExactly("z", "b", "z",
                "dd");
    }

    @Test
    void nullIfAndDistinct() {
        ColumnRef a = data.add("a", DataType.INTEGER, 1L, 1L, null, 2L, null);
        ColumnRef b = data.add("b", DataType.INTEGER, 1L, 2L, 1L, null, null);
        assertThat(eval(call(Function.NULLIF, DataType.INTEGER, a, b))).containsExactly(null, 1L, null, 2L, null);
        ColumnRef s = data.add("s", DataType.VARCHAR, "x", "ñ", "", "ñ", null);
        assertThat(eval(call(Function.NULLIF, DataType.VARCHAR, s, Literal.of("ñ", DataType.VARCHAR)))).containsExactly("x", null, "",
                null, null);
        ColumnRef d = data.add("d", DataType.DOUBLE, 0.0, Double.NaN, 1.0, -0.0, 2.0);
        assertThat(eval(call(Function.NULLIF, DataType.DOUBLE, d, Literal.of(-0.0, DataType.DOUBLE)))).containsExactly(null, Double.NaN,
                1.0, null, 2.0);
        assertThat(eval(bool(Function.IS_DISTINCT_FROM, d, Literal.of(Double.NaN, DataType.DOUBLE)))).containsExactly(true, false, true,
                true, true);
    }

    // ---------------------------------------------------------------- IN

    @Test
    void inListsFollowThreeValuedLogic() {
        ColumnRef x = data.add("x", DataType.INTEGER, 1L, 3L, null, 2L);
        ColumnRef y = data.add("y", DataType.INTEGER, null, 3L, 4L, null);
        Literal nul = Literal.nullOf(DataType.INTEGER);
        assertThat(eval(bool(Function.IN, x, integer(1), integer(2)))).containsExactly(true, false, null, true);
        assertThat(eval(bool(Function.IN, x, integer(1), nul))).containsExactly(true, null, null, null);
        assertThat(eval(bool(Function.IN, x, nul))).containsExactly(null, null, null, null);
        // Not all constants: evaluated item by item.
        assertThat(eval(bool(Function.IN, x, y, integer(2)))).containsExactly(null, true, null, true);
        assertThat(eval(bool(Function.IN, x, integer(2), y))).containsExactly(null, true, null, true);
        assertThat(eval(bool(Function.NOT, bool(Function.IN, x, integer(1), nul)))).containsExactly(false, null, null, null);
        ColumnRef d = data.add("d", DataType.DOUBLE, 0.0, Double.NaN, -0.0, 1.5);
        assertThat(eval(bool(Function.IN, d, Literal.of(-0.0, DataType.DOUBLE), Literal.of(Double.NaN, DataType.DOUBLE))))
                .containsExactly(true, true, true, false);
        ColumnRef s = data.add("s", DataType.VARCHAR, "a", "ñ", "b", null);
        assertThat(eval(bool(Function.IN, s, Literal.of("ñ", DataType.VARCHAR), Literal.of("a", DataType.VARCHAR))))
                .containsExactly(true, true, false, null);
        ColumnRef m = data.add("m", DataType.decimal(30, 2), new BigDecimal("1.50"), new BigDecimal("-1.50"), null, BigDecimal.ZERO.setScale(2));
        assertThat(eval(bool(Function.IN, m, Literal.of(new BigDecimal("1.50"), DataType.decimal(30, 2)),
                Literal.of(new BigDecimal("0.00"), DataType.decimal(30, 2))))).containsExactly(true, false, null, true);
    }

    @Test
    void anEmptyInListIsFalseForEveryValueWhichItNeverEvaluates() {
        ColumnRef x = data.add("x", DataType.INTEGER, 1L, null, 0L);
        assertThat(eval(bool(Function.IN, x))).containsExactly(false, false, false);
        assertThat(eval(bool(Function.NOT, bool(Function.IN, x)))).containsExactly(true, true, true);
        // x / 0 and 1 / x would fail: neither is evaluated.
        assertThat(eval(bool(Function.IN, call(Function.DIVIDE, DataType.INTEGER, x, integer(0))))).containsExactly(false, false, false);
        assertThat(eval(bool(Function.IN, call(Function.DIVIDE, DataType.INTEGER, integer(1), x)), new int[] {1, 2}))
                .containsExactly(false, false);
    }

    // ---------------------------------------------------------------- errors and positions

    @Test
    void errorsCarryThePositionOfTheInnermostFailingCall() {
        ColumnRef x = data.add("x", DataType.INTEGER, 0L);
        ColumnRef big = data.add("big", DataType.INTEGER, (long) Integer.MAX_VALUE);
        QuiverException e = assertSqlState("22012",
                () -> eval(call(Function.ADD, DataType.INTEGER, 40, call(Function.DIVIDE, DataType.INTEGER, 44, integer(1), x), integer(1))));
        assertThat(e.position()).hasValue(44);
        e = assertSqlState("22003", () -> eval(call(Function.ADD, DataType.INTEGER, 5, big, integer(1))));
        assertThat(e.position()).hasValue(5);
        assertThat(e.getMessage()).isEqualTo("integer out of range");
        // The same addition as BIGINT is fine.
        assertThat(eval(call(Function.ADD, DataType.BIGINT, big, Literal.of(1L, DataType.BIGINT)))).containsExactly(2147483648L);
        ColumnRef text = data.add("t", DataType.VARCHAR, "12x");
        e = assertSqlState("22P02", () -> eval(new Cast(text, DataType.INTEGER, 17)));
        assertThat(e.position()).hasValue(17);
        ColumnRef d = data.add("d", DataType.DOUBLE, 1e10);
        e = assertSqlState("22003", () -> eval(new Cast(d, DataType.INTEGER, 23)));
        assertThat(e.position()).hasValue(23);
        // A java.lang.ArithmeticException from a kernel is reported as out of range, with the position.
        ColumnRef iv = data.add("iv", DataType.INTERVAL, new Interval(Integer.MIN_VALUE, 0, 0));
        e = assertSqlState("22003", () -> eval(call(Function.NEGATE, DataType.INTERVAL, 31, iv)));
        assertThat(e.position()).hasValue(31);
    }

    @Test
    void unselectedRowsAreNeverEvaluated() {
        ColumnRef x = data.add("x", DataType.INTEGER, 1L, 0L, 4L, 0L, 5L);
        Expr divide = call(Function.DIVIDE, DataType.INTEGER, integer(20), x);
        assertThat(eval(divide, new int[] {0, 2, 4})).containsExactly(20L, 5L, 4L);
        assertThat(eval(bool(Function.IN, divide, integer(5), integer(20)), new int[] {0, 2, 4})).containsExactly(true, true, false);
        assertThat(eval(divide, new int[0])).isEmpty();
    }

    // ---------------------------------------------------------------- kernels through the interpreter

    @Test
    void decimalArithmeticRoundsHalfAwayFromZero() {
        DataType d = DataType.decimal(10, 2);
        Random random = new Random(81);
        int n = 500;
        Object[] as = new Object[n];
        Object[] bs = new Object[n];
        for (int i = 0; i < n; i++) {
            as[i] = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2);
            bs[i] = i % 50 == 0 ? null : BigDecimal.valueOf(random.nextLong() % 100_000L, 2);
            if (bs[i] != null && ((BigDecimal) bs[i]).signum() == 0) {
                bs[i] = new BigDecimal("0.01");
            }
        }
        ColumnRef a = data.add("a", d, as);
        ColumnRef b = data.add("b", d, bs);
        DataType quotient = DataType.decimal(24, 6);
        DataType product = DataType.decimal(21, 4);
        DataType sum = DataType.decimal(11, 2);
        List<Object> q = eval(call(Function.DIVIDE, quotient, a, b));
        List<Object> p = eval(call(Function.MULTIPLY, product, a, b));
        List<Object> s = eval(call(Function.SUBTRACT, sum, a, b));
        for (int i = 0; i < n; i++) {
            if (bs[i] == null) {
                assertThat(q.get(i)).isNull();
                continue;
            }
            BigDecimal x = (BigDecimal) as[i];
            BigDecimal y = (BigDecimal) bs[i];
            assertThat(q.get(i)).as("%s / %s", x, y).isEqualTo(x.divide(y, 6, RoundingMode.HALF_UP));
            assertThat(p.get(i)).isEqualTo(x.multiply(y));
            assertThat(s.get(i)).isEqualTo(x.subtract(y));
        }
        ColumnRef zero = data.add("z", d, Arrays.stream(as).map(v -> BigDecimal.ZERO.setScale(2)).toArray());
        assertSqlState("22012", () -> eval(call(Function.DIVIDE, quotient, a, zero)));
    }

    @Test
    void stringFunctionsAndLike() {
        ColumnRef s = data.add("s", DataType.VARCHAR, "hello", "ñandú", "", null, "100%");
        ColumnRef p = data.add("p", DataType.VARCHAR, "h%", "_and_", "", "x", "100\\%");
        assertThat(eval(call(Function.LIKE, DataType.BOOLEAN, s, p))).containsExactly(true, true, true, null, true);
        assertThat(eval(call(Function.LIKE, DataType.BOOLEAN, s, Literal.of("%a%", DataType.VARCHAR)))).containsExactly(false, true, false,
                null, false);
        assertThat(eval(call(Function.ILIKE, DataType.BOOLEAN, s, Literal.of("HEL%", DataType.VARCHAR)))).containsExactly(true, false,
                false, null, false);
        assertThat(eval(call(Function.LIKE, DataType.BOOLEAN, s, Literal.of("100#%", DataType.VARCHAR), Literal.of("#", DataType.VARCHAR))))
                .containsExactly(false, false, false, null, true);
        assertThat(eval(call(Function.SUBSTRING, DataType.VARCHAR, s, integer(2), integer(3)))).containsExactly("ell", "and", "", null,
                "00%");
        assertThat(eval(call(Function.LENGTH, DataType.INTEGER, s))).containsExactly(5L, 5L, 0L, null, 4L);
        assertThat(eval(call(Function.UPPER, DataType.VARCHAR, s))).containsExactly("HELLO", "ÑANDÚ", "", null, "100%");
        assertThat(eval(call(Function.CONCAT, DataType.VARCHAR, s, p))).containsExactly("helloh%", "ñandú_and_", "", null, "100%100\\%");
        assertThat(eval(call(Function.CONCAT_WS, DataType.VARCHAR, Literal.of("-", DataType.VARCHAR), s, Literal.nullOf(DataType.VARCHAR),
                p))).containsExactly("hello-h%", "ñandú-_and_", "-", "x", "100%-100\\%");
        // CASE choosing strings from different branches keeps each row's bytes.
        Expr pick = new CaseWhen(List.of(new CaseWhen.WhenThen(call(Function.LIKE, DataType.BOOLEAN, s, Literal.of("%ú", DataType.VARCHAR)),
                call(Function.REVERSE, DataType.VARCHAR, s))), p, DataType.VARCHAR);
        assertThat(eval(pick)).containsExactly("h%", "údnañ", "", "x", "100\\%");
    }

    @Test
    void castsToTextPrintLikePostgres() {
        ColumnRef d = data.add("d", DataType.DOUBLE, 1e15, 0.1, -0.0, Double.NaN, 1e23);
        assertThat(eval(new Cast(d, DataType.VARCHAR))).containsExactly("1e+15", "0.1", "-0", "NaN", "1e+23");
        ColumnRef m = data.add("m", DataType.decimal(12, 3), new BigDecimal("-1.500"), new BigDecimal("0.000"), null,
                new BigDecimal("2.499"), new BigDecimal("2.500"));
        assertThat(eval(new Cast(m, DataType.VARCHAR))).containsExactly("-1.500", "0.000", null, "2.499", "2.500");
        assertThat(eval(new Cast(m, DataType.INTEGER))).containsExactly(-2L, 0L, null, 2L, 3L);
        assertThat(eval(new Cast(d, DataType.varchar(2)))).containsExactly("1e", "0.", "-0", "Na", "1e");
    }

    @Test
    void castsFromText() {
        ColumnRef s = data.add("s", DataType.VARCHAR, " 12 ", "1.005", "-1.005", "true", "2024-02-29", "1e3");
        assertThat(eval(new Cast(s, DataType.INTEGER), new int[] {0})).containsExactly(12L);
        assertThat(eval(new Cast(s, DataType.decimal(10, 2)), new int[] {1, 2, 5})).containsExactly(new BigDecimal("1.01"),
                new BigDecimal("-1.01"), new BigDecimal("1000.00"));
        assertThat(eval(new Cast(s, DataType.BOOLEAN), new int[] {3})).containsExactly(true);
        assertThat(eval(new Cast(s, DataType.DATE), new int[] {4})).containsExactly(19782);
        assertThat(eval(new Cast(s, DataType.DOUBLE), new int[] {1, 5})).containsExactly(1.005, 1000.0);
        assertSqlState("22P02", () -> eval(new Cast(s, DataType.DOUBLE), new int[] {3}));
        assertSqlState("22003", () -> eval(new Cast(s, DataType.decimal(3, 2)), new int[] {5}));
    }

    @Test
    void numericCastsRoundHalfAwayFromZeroAndCheckPrecision() {
        Random random = new Random(82);
        List<DataType> types = List.of(DataType.decimal(5, 2), DataType.decimal(18, 6), DataType.decimal(18, 0), DataType.decimal(25, 10),
                DataType.decimal(38, 3), DataType.decimal(20, 0));
        int n = 300;
        for (DataType from : types) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = i % 17 == 0 ? null : dev.quiver.exec.testing.RandomValues.value(from, random);
            }
            try (TestBatch batch = new TestBatch(allocator)) {
                ColumnRef c = batch.add("c", from, values);
                for (DataType to : List.of(DataType.decimal(5, 2), DataType.decimal(18, 6), DataType.decimal(25, 10), DataType.decimal(38, 3),
                        DataType.decimal(10, 0), DataType.BIGINT, DataType.INTEGER, DataType.SMALLINT)) {
                    ExpressionEvaluator e = ExpressionEvaluator.compile(new Cast(c, to), batch.layout());
                    for (int i = 0; i < n; i++) {
                        Object expected;
                        boolean overflow = false;
                        if (values[i] == null) {
                            expected = null;
                        } else {
                            BigDecimal rounded = ((BigDecimal) values[i]).setScale(to.isDecimal() ? to.scale() : 0, RoundingMode.HALF_UP);
                            if (to.isDecimal()) {
                                overflow = rounded.precision() - rounded.scale() > to.precision() - to.scale() && rounded.signum() != 0;
                                expected = rounded;
                            } else {
                                long bits = to.id() == dev.quiver.planner.type.TypeId.BIGINT ? 64
                                        : to.id() == dev.quiver.planner.type.TypeId.INTEGER ? 32 : 16;
                                java.math.BigInteger limit = java.math.BigInteger.ONE.shiftLeft((int) bits - 1);
                                java.math.BigInteger u = rounded.toBigIntegerExact();
                                overflow = u.compareTo(limit) >= 0 || u.compareTo(limit.negate()) < 0;
                                expected = overflow ? null : u.longValueExact();
                            }
                        }
                        int[] one = {i};
                        Batch b = batch.batch().withSelection(one, 1);
                        String what = "CAST(" + values[i] + " AS " + to + ") from " + from;
                        if (overflow) {
                            assertSqlState("22003", () -> e.evaluate(b, one, 1));
                        } else {
                            assertThat(Values.toObject(e.evaluate(b, one, 1), i)).as(what).isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- constant folding

    @Test
    void constantFolderFoldsWhatExecutionWouldComputeAndLeavesFailuresForRunTime() {
        ConstantFolder folder = new ConstantFolder();
        assertThat(folder.evaluate(call(Function.ADD, DataType.INTEGER, integer(1), integer(2)))).contains(integer(3));
        assertThat(folder.evaluate(call(Function.DIVIDE, DataType.INTEGER, integer(1), integer(0)))).isEmpty();
        assertThat(folder.evaluate(call(Function.ADD, DataType.INTEGER, integer(1), Literal.nullOf(DataType.INTEGER))))
                .contains(Literal.nullOf(DataType.INTEGER));
        assertThat(folder.evaluate(new Cast(Literal.of(0.1, DataType.DOUBLE), DataType.VARCHAR))).contains(Literal.of("0.1", DataType.VARCHAR));
        Optional<Literal> folded = folder.evaluate(bool(Function.AND, Literal.nullOf(DataType.BOOLEAN), Literal.ofBoolean(false)));
        assertThat(folded).contains(Literal.ofBoolean(false));
    }
}
