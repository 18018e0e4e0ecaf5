package dev.quiver.planner.expr;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;
import java.util.List;

/**
 * A searched CASE: the result of the first {@code when} whose condition is TRUE (NULL counts as
 * not true), else {@code otherwise}. A branch is evaluated only for the rows that reach it, so a
 * division guarded by a condition never fails for rows the condition excludes. Simple CASE is
 * rewritten by the binder into this form.
 */
public record CaseWhen(List<WhenThen> whens, Expr otherwise, DataType type) implements Expr {
    public CaseWhen {
        whens = List.copyOf(whens);
        requireNonNull(otherwise, "otherwise");
        requireNonNull(type, "type");
        if (whens.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN");
        }
    }

    /** One {@code WHEN condition THEN result} branch. */
    public record WhenThen(Expr condition, Expr result) {
        public WhenThen {
            requireNonNull(condition, "condition");
            requireNonNull(result, "result");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CASE");
        for (WhenThen w : whens) {
            s.append(" WHEN ").append(w.condition()).append(" THEN ").append(w.result());
        }
        return s.append(" ELSE ").append(otherwise).append(" END").toString();
    }
}
