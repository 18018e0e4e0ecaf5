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
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.Part;
import io.trino.tpch.PartGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code LIKE} with a constant pattern in the interpreter, over TPC-H's own strings (the first
 * rows of {@code part.p_name}, five color words, and {@code orders.o_comment}, 19 to 78 characters
 * of generated text), in nanoseconds per row. The patterns are the TPC-H queries' own shapes:
 *
 * <ul>
 *   <li>{@code prefix}: {@code p_name LIKE 'forest%'} (Q20).
 *   <li>{@code contains}: {@code p_name LIKE '%green%'} (Q9).
 *   <li>{@code twoPieces}: {@code o_comment LIKE '%special%requests%'} (Q13), the {@code '%a%b%'}
 *       shape: two byte searches in turn.
 *   <li>{@code general}: {@code o_comment LIKE '%special_requests%'}: a {@code _} takes the
 *       matcher's general, backtracking walk.
 *   <li>{@code containsVarchar55}: {@code contains} on a VARCHAR(55) column, TPC-H's type of
 *       {@code p_name}, as the binder binds it: {@code CAST(p_name AS VARCHAR) LIKE '%green%'}.
 * </ul>
 *
 * <p>The other cases read VARCHAR columns, which bind to the LIKE kernel alone. {@code pattern}
 * names the case.
 */
public class LikeBenchmark extends KernelBenchmark {
    /** Rows per invocation: 32 batches, fewer than the parts of SF 1 and the orders of SF 0.1. */
    static final int ROWS = 1 << 17;

    @Param({"prefix", "contains", "twoPieces", "general", "containsVarchar55"})
    public String pattern;

    private BatchFixture fixture;
    private List<Batch> batches;
    private ExpressionEvaluator evaluator;

    @Setup
    public void setUp() {
        fixture = new BatchFixture();
        switch (pattern) {
            case "prefix" -> prepare(new ColumnRef(1, "p_name", DataType.VARCHAR), partNames(), "forest%");
            case "contains" -> prepare(new ColumnRef(1, "p_name", DataType.VARCHAR), partNames(), "%green%");
            case "twoPieces" -> prepare(new ColumnRef(1, "o_comment", DataType.VARCHAR), orderComments(), "%special%requests%");
            case "general" -> prepare(new ColumnRef(1, "o_comment", DataType.VARCHAR), orderComments(), "%special_requests%");
            case "containsVarchar55" -> prepare(new ColumnRef(1, "p_name", DataType.varchar(55)), partNames(), "%green%");
            default -> throw new IllegalArgumentException("no pattern case " + pattern);
        }
    }

    private static List<String> partNames() {
        return firstRows(new PartGenerator(1, 1, 1), Part::getName);
    }

    private static List<String> orderComments() {
        return firstRows(new OrderGenerator(0.1, 1, 1), Order::getComment);
    }

    /** The column's values in the first {@link #ROWS} generated rows. */
    private static <T> List<String> firstRows(Iterable<T> rows, java.util.function.Function<T, String> column) {
        List<String> values = new ArrayList<>();
        Iterator<T> it = rows.iterator();
        for (int i = 0; i < ROWS; i++) {
            values.add(column.apply(it.next()));
        }
        return values;
    }

    /**
     * Batches of the strings in {@code column}, and {@code column LIKE likePattern} over them as the
     * binder binds it: a VARCHAR(n) column is cast to VARCHAR first.
     */
    private void prepare(ColumnRef column, List<String> values, String likePattern) {
        batches = fixture.batches(ROWS, List.of(column), BatchFixture.strings(values));
        Expr text = column.type().maxLength() == 0 ? column : new Cast(column, DataType.VARCHAR);
        evaluator = ExpressionEvaluator.compile(new Call(Function.LIKE, List.of(text, Literal.of(likePattern, DataType.VARCHAR)),
                DataType.BOOLEAN), new Layout(List.of(column)));
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ValueVector like() {
        return BatchFixture.evaluateAll(evaluator, batches);
    }
}
