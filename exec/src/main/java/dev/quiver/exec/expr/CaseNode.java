package dev.quiver.exec.expr;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/**
 * Searched CASE. Each WHEN condition is evaluated on the rows no earlier condition took; each THEN
 * and the ELSE only on the rows that reach them.
 */
final class CaseNode extends Node {
    private final Node[] conditions;
    private final Node[] results;
    private final Node otherwise;
    private int[] taken = new int[0];

    CaseNode(DataType type, List<Node> conditions, List<Node> results, Node otherwise) {
        super(type);
        this.conditions = conditions.toArray(new Node[0]);
        this.results = results.toArray(new Node[0]);
        this.otherwise = otherwise;
    }

    @Override
    ValueVector evaluate(Batch batch, int[] sel, int n) {
        prepare(batch);
        int[] remaining = scratch(n);
        System.arraycopy(sel, 0, remaining, 0, n);
        int m = n;
        if (taken.length < n) {
            taken = new int[n];
        }
        for (int w = 0; w < conditions.length && m > 0; w++) {
            ValueVector c = conditions[w].evaluate(batch, remaining, m);
            int t = 0;
            int kept = 0;
            for (int k = 0; k < m; k++) {
                int i = remaining[k];
                if (!c.nulls[i] && c.longs[i] != 0) {
                    taken[t++] = i;
                } else {
                    remaining[kept++] = i;
                }
            }
            m = kept;
            if (t > 0) {
                ValueVector r = results[w].evaluate(batch, taken, t);
                for (int k = 0; k < t; k++) {
                    out.copyFrom(r, taken[k], taken[k]);
                }
            }
        }
        if (m > 0) {
            ValueVector r = otherwise.evaluate(batch, remaining, m);
            for (int k = 0; k < m; k++) {
                out.copyFrom(r, remaining[k], remaining[k]);
            }
        }
        return out;
    }
}
