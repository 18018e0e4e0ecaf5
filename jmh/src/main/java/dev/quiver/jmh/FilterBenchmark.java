package dev.quiver.jmh;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.FilterOperator;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The interpreter's filter ({@link FilterOperator}): evaluates the predicate's conjuncts in turn,
 * each on the rows the previous ones kept, and narrows the batch's selection vector; in
 * nanoseconds per input row. Columns: {@code v} BIGINT and {@code day} DATE, both uniform and
 * independent, so {@code selectivity} (percent of rows kept) is exact up to sampling. {@code
 * predicate}:
 *
 * <ul>
 *   <li>{@code bigintLess}: {@code v < c}, one comparison.
 *   <li>{@code dateRange}: {@code day >= d1 AND day < d2}, two conjuncts on one column (the second
 *       evaluated on the first one's selection).
 *   <li>{@code conjunction}: {@code v < c AND day >= d1 AND day < d2}, each of the two predicates
 *       keeping the square root of the selectivity.
 * </ul>
 */
public class FilterBenchmark extends KernelBenchmark {
    /** Input rows per invocation: 256 batches, 8 MB per column (out of L2, as a scan's input is). */
    static final int ROWS = 1 << 20;
    /** v is uniform in [0, V_RANGE). */
    static final long V_RANGE = 1_000_000;
    /** day is uniform over TPC-H's seven years of dates, 1992-01-01 (day 8035) to 1998-12-31. */
    static final int FIRST_DAY = 8035;
    static final int DAYS = 2557;
    /** Seed of the data generator: every run filters the same rows. */
    static final long SEED = 20_240_603L;

    @Param({"bigintLess", "dateRange", "conjunction"})
    public String predicate;

    @Param({"10", "50"})
    public int selectivity;

    private final ColumnRef v = new ColumnRef(1, "v", DataType.BIGINT);
    private final ColumnRef day = new ColumnRef(2, "day", DataType.DATE);
    private BatchFixture fixture;
    private List<Batch> batches;
    private FilterOperator operator;

    @Setup
    public void setUp() {
        fixture = new BatchFixture();
        SplittableRandom random = new SplittableRandom(SEED);
        ValueVector vs = BatchFixture.longs(DataType.BIGINT, ROWS, i -> random.nextLong(V_RANGE));
        ValueVector days = BatchFixture.longs(DataType.DATE, ROWS, i -> FIRST_DAY + random.nextInt(DAYS));
        batches = fixture.batches(ROWS, List.of(v, day), vs, days);
        double fraction = selectivity / 100.0;
        double each = Math.sqrt(fraction);
        Expr bound = switch (predicate) {
            case "bigintLess" -> vLess(fraction);
            case "dateRange" -> dayRange(fraction);
            case "conjunction" -> and(vLess(each), dayRange(each));
            default -> throw new IllegalArgumentException("no predicate " + predicate);
        };
        operator = new FilterOperator(bound, new Layout(List.of(v, day)));
        long expected = Math.round(ROWS * fraction);
        long kept = filter();
        if (Math.abs(kept - expected) > ROWS / 100) {
            throw new IllegalStateException(predicate + " kept " + kept + " rows, expected about " + expected);
        }
    }

    /** {@code v < c}, true for the fraction of rows. */
    private Expr vLess(double fraction) {
        return compare(Function.LESS_THAN, v, Literal.ofLong(Math.round(V_RANGE * fraction), DataType.BIGINT));
    }

    /** {@code day >= d1 AND day < d2} over the middle of the date range, true for the fraction of rows. */
    private Expr dayRange(double fraction) {
        int width = (int) Math.round(DAYS * fraction);
        int from = FIRST_DAY + (DAYS - width) / 2;
        return and(compare(Function.GREATER_THAN_OR_EQUAL, day, Literal.of(from, DataType.DATE)),
                compare(Function.LESS_THAN, day, Literal.of(from + width, DataType.DATE)));
    }

    private static Expr compare(Function f, Expr left, Expr right) {
        return new Call(f, List.of(left, right), DataType.BOOLEAN);
    }

    private static Expr and(Expr left, Expr right) {
        return new Call(Function.AND, List.of(left, right), DataType.BOOLEAN);
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long filter() {
        return BatchFixture.pushAll(operator, batches);
    }
}
