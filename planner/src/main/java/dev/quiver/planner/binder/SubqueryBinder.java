package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ComparisonOperator;
import dev.quiver.parser.ast.Exists;
import dev.quiver.parser.ast.InSubquery;
import dev.quiver.parser.ast.QuantifiedComparison;
import dev.quiver.parser.ast.Quantifier;
import dev.quiver.parser.ast.ScalarSubquery;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.FreeColumns;
import dev.quiver.planner.logical.LogicalDependentJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the subqueries of a clause. Each subquery is bound with the clause's scope as its outer
 * scope (so it may refer to the clause's columns: correlation), and the plan the clause is bound
 * against is wrapped in a dependent join with it (Neumann and Kemper's formulation): a SINGLE join
 * for a scalar subquery, whose value is then the subquery's column; a MARK join for EXISTS, IN,
 * ANY and ALL, whose value is the mark. Unnesting later turns every dependent join into joins.
 */
final class SubqueryBinder {
    private final Binder binder;
    private final ColumnIdAllocator ids;
    private final PlanHolder holder;

    SubqueryBinder(Binder binder, ColumnIdAllocator ids, PlanHolder holder) {
        this.binder = binder;
        this.ids = ids;
        this.holder = holder;
    }

    Expr scalar(ScalarSubquery s, Scope scope) {
        RelationPlan sub = bind(s.query(), scope, s.span().start());
        ColumnRef value = single(sub, s.span().start());
        attach(JoinType.SINGLE, Exprs.TRUE, Optional.empty(), sub);
        return value;
    }

    Expr exists(Exists e, Scope scope) {
        RelationPlan sub = bind(e.query(), scope, e.span().start());
        ColumnRef mark = ids.newColumn("exists", DataType.BOOLEAN);
        attach(JoinType.MARK, Exprs.TRUE, Optional.of(mark), sub);
        return mark;
    }

    Expr in(Expr value, InSubquery in, Scope scope) {
        int at = in.span().start();
        RelationPlan sub = bind(in.query(), scope, at);
        ColumnRef column = single(sub, at);
        Expr condition = ExpressionBinder.comparison(ComparisonOperator.EQUAL, value, column, at);
        ColumnRef mark = ids.newColumn("in", DataType.BOOLEAN);
        attach(JoinType.MARK, condition, Optional.of(mark), sub);
        return in.negated() ? new Call(Function.NOT, List.of(mark), DataType.BOOLEAN) : mark;
    }

    /** {@code x op ANY (q)} is a mark over {@code x op q}; {@code x op ALL (q)} is {@code NOT (x negated-op ANY (q))}. */
    Expr quantified(Expr value, QuantifiedComparison q, Scope scope) {
        int at = q.span().start();
        RelationPlan sub = bind(q.query(), scope, at);
        ColumnRef column = single(sub, at);
        boolean all = q.quantifier() == Quantifier.ALL;
        ComparisonOperator op = all ? negate(q.operator(), at) : q.operator();
        Expr condition = ExpressionBinder.comparison(op, value, column, at);
        ColumnRef mark = ids.newColumn(all ? "all" : "any", DataType.BOOLEAN);
        attach(JoinType.MARK, condition, Optional.of(mark), sub);
        return all ? new Call(Function.NOT, List.of(mark), DataType.BOOLEAN) : mark;
    }

    private static ComparisonOperator negate(ComparisonOperator op, int at) {
        return switch (op) {
            case EQUAL -> ComparisonOperator.NOT_EQUAL;
            case NOT_EQUAL -> ComparisonOperator.EQUAL;
            case LESS_THAN -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            case LESS_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN;
            case GREATER_THAN -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            case GREATER_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN;
            default -> throw new QuiverException(SqlState.SYNTAX_ERROR, op.symbol() + " ALL is not a comparison ALL can quantify")
                    .attachPosition(at);
        };
    }

    private RelationPlan bind(dev.quiver.parser.ast.Query query, Scope scope, int at) {
        RelationPlan sub = binder.query(query, Optional.of(scope));
        // A correlated column must be available where the dependent join is placed: after an
        // aggregation, only grouping columns are (PostgreSQL reports the same error).
        Set<ColumnRef> available = Set.copyOf(holder.plan().outputColumns());
        for (ColumnRef free : FreeColumns.of(sub.plan())) {
            if (isVisible(scope, free) && !available.contains(free)) {
                throw new QuiverException(SqlState.GROUPING_ERROR,
                        "subquery uses ungrouped column \"" + free.name() + "\" from outer query").attachPosition(at);
            }
        }
        return sub;
    }

    private static boolean isVisible(Scope scope, ColumnRef column) {
        for (Optional<Scope> s = Optional.of(scope); s.isPresent(); s = s.get().outer()) {
            if (s.get().isLocal(column)) {
                return s.get() == scope;
            }
        }
        return false;
    }

    private static ColumnRef single(RelationPlan sub, int at) {
        List<ColumnRef> columns = sub.plan().outputColumns();
        if (columns.size() != 1) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "subquery must return only one column, not " + columns.size())
                    .attachPosition(at);
        }
        return columns.get(0);
    }

    private void attach(JoinType type, Expr condition, Optional<ColumnRef> mark, RelationPlan sub) {
        holder.set(LogicalPlan.of(new LogicalDependentJoin(type, condition, mark), List.of(holder.plan(), sub.plan())));
    }
}
