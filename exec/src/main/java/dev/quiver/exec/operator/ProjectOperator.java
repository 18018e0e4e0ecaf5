package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.ExpressionEvaluator;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Assignment;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Computes a projection for the selected rows. A plain column reference passes the input vector
 * through; computed columns are written, at the rows' own positions, into vectors this operator
 * owns and reuses batch after batch. The selection is unchanged.
 */
public final class ProjectOperator implements BatchOperator {
    private final int[] passThrough;
    private final ExpressionEvaluator[] evaluators;
    private final FieldVector[] owned;

    public ProjectOperator(List<Assignment> assignments, Layout input, BufferAllocator allocator) {
        int n = assignments.size();
        passThrough = new int[n];
        evaluators = new ExpressionEvaluator[n];
        owned = new FieldVector[n];
        for (int c = 0; c < n; c++) {
            Assignment a = assignments.get(c);
            if (a.expression() instanceof ColumnRef ref) {
                passThrough[c] = input.indexOf(ref);
            } else {
                passThrough[c] = -1;
                evaluators[c] = ExpressionEvaluator.compile(a.expression(), input);
                owned[c] = ArrowColumns.create(a.output().name(), a.output().type(), allocator, false);
            }
        }
    }

    @Override
    public void process(Batch input, Downstream next) {
        FieldVector[] columns = new FieldVector[passThrough.length];
        int[] sel = input.positions();
        int n = input.selectedCount();
        for (int c = 0; c < columns.length; c++) {
            if (passThrough[c] >= 0) {
                columns[c] = input.column(passThrough[c]);
            } else {
                ValueVector v = evaluators[c].evaluate(input, sel, n);
                ArrowColumns.writeAligned(v, sel, n, input.rowCount(), owned[c]);
                columns[c] = owned[c];
            }
        }
        next.push(input.withColumns(columns));
    }

    @Override
    public void close() {
        for (FieldVector v : owned) {
            if (v != null) {
                v.close();
            }
        }
    }
}
