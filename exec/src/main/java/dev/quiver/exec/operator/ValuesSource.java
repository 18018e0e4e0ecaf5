package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.expr.ExpressionEvaluator;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.BatchConsumer;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Source;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Literal;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Constant rows (VALUES, SELECT without FROM). The expressions are evaluated by the interpreter
 * when the morsel runs, so an error in a value (a bad cast, 1/0) surfaces with its position. Rows
 * are split into batches of {@link Selections#BATCH_SIZE}, one morsel each, keeping their order.
 */
public final class ValuesSource implements Source {
    private final List<ColumnRef> columns;
    private final List<List<Expr>> rows;

    public ValuesSource(List<ColumnRef> columns, List<List<Expr>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    @Override
    public int morselCount(QueryContext context) {
        return (rows.size() + Selections.BATCH_SIZE - 1) / Selections.BATCH_SIZE;
    }

    @Override
    public void produce(int morsel, QueryContext context, BatchConsumer consumer) {
        int from = morsel * Selections.BATCH_SIZE;
        int to = Math.min(rows.size(), from + Selections.BATCH_SIZE);
        int n = to - from;
        FieldVector[] vectors = new FieldVector[columns.size()];
        try {
            Layout empty = new Layout(List.of());
            Batch single = Batch.of(new FieldVector[0], 1);
            int[] first = {0};
            for (int c = 0; c < columns.size(); c++) {
                ValueVector values = new ValueVector(columns.get(c).type(), n);
                for (int r = 0; r < n; r++) {
                    Expr e = rows.get(from + r).get(c);
                    if (e instanceof Literal literal) {
                        Values.set(values, r, literal.isNull() ? null : literal.get());
                    } else {
                        values.copyFrom(ExpressionEvaluator.compile(e, empty).evaluate(single, first, 1), 0, r);
                    }
                }
                vectors[c] = ArrowColumns.create(columns.get(c).name(), columns.get(c).type(), context.allocator(), false);
                ArrowColumns.write(values, null, n, vectors[c]);
            }
            consumer.accept(Batch.of(vectors, n));
        } finally {
            for (FieldVector v : vectors) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }
}
