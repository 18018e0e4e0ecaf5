package dev.quiver.jmh;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.ExpressionEvaluator;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decimal arithmetic in the interpreter, over two DECIMAL(15,2) columns (scaled longs), in
 * nanoseconds per row. The expressions are built exactly as the binder binds the SQL (checked with
 * EXPLAIN): the casts it inserts are part of what the interpreter evaluates. {@code expression}:
 *
 * <ul>
 *   <li>{@code add}: {@code price + disc} = {@code CAST(price AS DECIMAL(16,2)) + CAST(disc AS
 *       DECIMAL(16,2))}, DECIMAL(16,2): a long addition after two rescaling casts.
 *   <li>{@code multiply}: {@code price * disc}, DECIMAL(30,4): past 18 digits, so a 128-bit product
 *       with a precision check.
 *   <li>{@code discountedPrice}: {@code price * (1 - disc)} = {@code price * (1.00 - CAST(disc AS
 *       DECIMAL(16,2)))}, DECIMAL(31,4): TPC-H Q1's and Q3's expression.
 * </ul>
 */
public class DecimalBenchmark extends KernelBenchmark {
    /** Rows per invocation: 256 batches, 8 MB per column (out of L2, as a scan's input is). */
    static final int ROWS = 1 << 20;
    /** Seed of the data generator: every run computes on the same values. */
    static final long SEED = 20_240_604L;
    static final DataType PRICE = DataType.decimal(15, 2);
    /** The type of a sum or difference of two DECIMAL(15,2): one more integer digit. */
    static final DataType SUM = DataType.decimal(16, 2);

    @Param({"add", "multiply", "discountedPrice"})
    public String expression;

    private BatchFixture fixture;
    private List<Batch> batches;
    private ExpressionEvaluator evaluator;

    @Setup
    public void setUp() {
        fixture = new BatchFixture();
        ColumnRef price = new ColumnRef(1, "price", PRICE);
        ColumnRef disc = new ColumnRef(2, "disc", PRICE);
        SplittableRandom random = new SplittableRandom(SEED);
        // TPC-H's ranges: l_extendedprice 900.00 to 104,950.00, l_discount 0.00 to 0.10 (unscaled).
        ValueVector prices = BatchFixture.longs(PRICE, ROWS, i -> random.nextLong(90_000, 10_495_001));
        ValueVector discounts = BatchFixture.longs(PRICE, ROWS, i -> random.nextLong(11));
        batches = fixture.batches(ROWS, List.of(price, disc), prices, discounts);
        Expr bound = switch (expression) {
            case "add" -> new Call(Function.ADD, List.of(new Cast(price, SUM), new Cast(disc, SUM)), SUM);
            case "multiply" -> new Call(Function.MULTIPLY, List.of(price, disc), DataType.decimal(30, 4));
            case "discountedPrice" -> new Call(Function.MULTIPLY, List.of(price,
                    new Call(Function.SUBTRACT, List.of(Literal.of(new BigDecimal("1.00"), SUM), new Cast(disc, SUM)), SUM)),
                    DataType.decimal(31, 4));
            default -> throw new IllegalArgumentException("no expression " + expression);
        };
        evaluator = ExpressionEvaluator.compile(bound, new Layout(List.of(price, disc)));
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ValueVector evaluate() {
        return BatchFixture.evaluateAll(evaluator, batches);
    }
}
