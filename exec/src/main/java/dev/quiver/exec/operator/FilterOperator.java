package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.ExpressionEvaluator;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import java.util.List;

/**
 * Narrows the selection to rows where the predicate is TRUE, one conjunct at a time: each conjunct
 * is evaluated only on the rows the previous ones kept. No data is copied.
 */
public final class FilterOperator implements BatchOperator {
    private final ExpressionEvaluator[] conjuncts;
    private int[] first = new int[0];
    private int[] second = new int[0];

    public FilterOperator(Expr predicate, Layout layout) {
        List<Expr> terms = Exprs.conjuncts(predicate);
        conjuncts = terms.stream().map(t -> ExpressionEvaluator.compile(t, layout)).toArray(ExpressionEvaluator[]::new);
    }

    @Override
    public void process(Batch input, Downstream next) {
        int n = input.selectedCount();
        if (first.length < n) {
            first = new int[input.rowCount()];
            second = new int[input.rowCount()];
        }
        int[] sel = input.positions();
        int[] out = first;
        for (ExpressionEvaluator conjunct : conjuncts) {
            if (n == 0) {
                break;
            }
            ValueVector v = conjunct.evaluate(input, sel, n);
            int m = 0;
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                if (!v.nulls[i] && v.longs[i] != 0) {
                    out[m++] = i;
                }
            }
            n = m;
            sel = out;
            out = out == first ? second : first;
        }
        if (n > 0) {
            next.push(input.withSelection(sel, n));
        }
    }

    @Override
    public void close() {
    }
}
