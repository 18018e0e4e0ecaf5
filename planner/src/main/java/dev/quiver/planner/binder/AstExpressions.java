package dev.quiver.planner.binder;

import dev.quiver.parser.ast.ArithmeticBinary;
import dev.quiver.parser.ast.ArithmeticUnary;
import dev.quiver.parser.ast.Between;
import dev.quiver.parser.ast.Case;
import dev.quiver.parser.ast.Cast;
import dev.quiver.parser.ast.Comparison;
import dev.quiver.parser.ast.Concatenation;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Extract;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.parser.ast.InList;
import dev.quiver.parser.ast.InSubquery;
import dev.quiver.parser.ast.IsNull;
import dev.quiver.parser.ast.Like;
import dev.quiver.parser.ast.LogicalBinary;
import dev.quiver.parser.ast.Not;
import dev.quiver.parser.ast.QuantifiedComparison;
import dev.quiver.parser.ast.WhenClause;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks AST expressions (not into subqueries, whose expressions belong to their own query). */
final class AstExpressions {
    private AstExpressions() {
    }

    static List<Expression> children(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof ArithmeticBinary a) {
            out.add(a.left());
            out.add(a.right());
        } else if (e instanceof ArithmeticUnary u) {
            out.add(u.value());
        } else if (e instanceof Concatenation c) {
            out.add(c.left());
            out.add(c.right());
        } else if (e instanceof Comparison c) {
            out.add(c.left());
            out.add(c.right());
        } else if (e instanceof LogicalBinary l) {
            out.add(l.left());
            out.add(l.right());
        } else if (e instanceof Not n) {
            out.add(n.value());
        } else if (e instanceof IsNull n) {
            out.add(n.value());
        } else if (e instanceof dev.quiver.parser.ast.IsTruth t) {
            out.add(t.value());
        } else if (e instanceof Between b) {
            out.add(b.value());
            out.add(b.low());
            out.add(b.high());
        } else if (e instanceof InList in) {
            out.add(in.value());
            out.addAll(in.list());
        } else if (e instanceof InSubquery in) {
            out.add(in.value());
        } else if (e instanceof QuantifiedComparison q) {
            out.add(q.value());
        } else if (e instanceof Like l) {
            out.add(l.value());
            out.add(l.pattern());
            l.escape().ifPresent(out::add);
        } else if (e instanceof Case c) {
            c.operand().ifPresent(out::add);
            for (WhenClause w : c.whenClauses()) {
                out.add(w.condition());
                out.add(w.result());
            }
            c.elseValue().ifPresent(out::add);
        } else if (e instanceof Cast c) {
            out.add(c.value());
        } else if (e instanceof Extract x) {
            out.add(x.value());
        } else if (e instanceof FunctionCall f) {
            out.addAll(f.arguments());
        }
        return out;
    }

    /** Visits every node, parents before children. */
    static void walk(Expression e, Consumer<Expression> visitor) {
        visitor.accept(e);
        for (Expression child : children(e)) {
            walk(child, visitor);
        }
    }

    static boolean isAggregateCall(Expression e) {
        return e instanceof FunctionCall f && AggregateFunctions.isAggregate(f.name().joined());
    }

    /** Aggregate calls in the expression, outermost only, in order of appearance. */
    static List<FunctionCall> aggregates(Expression e) {
        List<FunctionCall> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expression e, List<FunctionCall> out) {
        if (isAggregateCall(e)) {
            out.add((FunctionCall) e);
            return;
        }
        for (Expression child : children(e)) {
            collect(child, out);
        }
    }

    /** Whether a subquery occurs anywhere in the expression. */
    static boolean containsSubquery(Expression e) {
        boolean[] found = {false};
        walk(e, node -> found[0] |= isSubquery(node));
        return found[0];
    }

    /** Whether the node itself is a subquery expression (scalar, EXISTS, IN or quantified). */
    static boolean isSubquery(Expression node) {
        return node instanceof dev.quiver.parser.ast.ScalarSubquery || node instanceof dev.quiver.parser.ast.Exists
                || node instanceof InSubquery || node instanceof QuantifiedComparison;
    }

    static boolean containsAggregate(Expression e) {
        return !aggregates(e).isEmpty();
    }
}
