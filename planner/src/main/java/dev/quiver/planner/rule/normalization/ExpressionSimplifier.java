package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.rule.ConstantEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folds constant subexpressions (with the executor's evaluator) and applies the identities of
 * three-valued logic that hold for every input: {@code x AND TRUE = x}, {@code x AND FALSE = FALSE},
 * {@code x OR TRUE = TRUE}, {@code x OR FALSE = x}, {@code NOT NOT x = x}, duplicate conjuncts
 * removed, CASE branches with a constant FALSE/NULL condition dropped, {@code x IN ()} (an empty
 * list, SQLite's form) replaced by FALSE, and a strict function with a NULL constant argument
 * replaced by NULL. The last three, like {@code x AND FALSE}, mean the other operands are never
 * evaluated, so their errors (division by zero, overflow) never happen — as in PostgreSQL, whose
 * planner folds the same way (eval_const_expressions). A constant that fails to evaluate is kept as
 * it is, to fail at run time.
 */
public final class ExpressionSimplifier {
    private ExpressionSimplifier() {
    }

    public static Expr simplify(Expr expression, ConstantEvaluator constants) {
        return Exprs.rewrite(expression, e -> simplifyNode(e, constants));
    }

    private static Expr simplifyNode(Expr e, ConstantEvaluator constants) {
        if (e instanceof Literal) {
            return e;
        }
        if (Exprs.isConstant(e)) {
            Optional<Literal> folded = constants.evaluate(e);
            if (folded.isPresent()) {
                return folded.get();
            }
        }
        if (e instanceof Call call) {
            if (call.function().isStrict() && call.arguments().stream().anyMatch(a -> a instanceof Literal l && l.isNull())) {
                return Literal.nullOf(call.type());
            }
            switch (call.function()) {
                case AND:
                    return simplifyAnd(call);
                case OR:
                    return simplifyOr(call);
                case NOT:
                    if (call.argument(0) instanceof Call inner && inner.function() == Function.NOT) {
                        return inner.argument(0);
                    }
                    return call;
                case IN:
                    // value IN (): FALSE whatever the value (see Function.IN), so the value is never evaluated.
                    return call.arguments().size() == 1 ? Exprs.FALSE : call;
                default:
                    return call;
            }
        }
        if (e instanceof CaseWhen caseWhen) {
            return simplifyCase(caseWhen);
        }
        return e;
    }

    private static Expr simplifyAnd(Call call) {
        Set<Expr> terms = new LinkedHashSet<>();
        for (Expr a : call.arguments()) {
            for (Expr c : Exprs.conjuncts(a)) {
                if (c.equals(Exprs.FALSE)) {
                    return Exprs.FALSE;
                }
                terms.add(c);
            }
        }
        List<Expr> list = new ArrayList<>(terms);
        return sameAs(call, list) ? call : Exprs.and(list);
    }

    private static Expr simplifyOr(Call call) {
        Set<Expr> terms = new LinkedHashSet<>();
        for (Expr a : call.arguments()) {
            List<Expr> parts = a instanceof Call c && c.function() == Function.OR ? c.arguments() : List.of(a);
            for (Expr p : parts) {
                if (p.equals(Exprs.TRUE)) {
                    return Exprs.TRUE;
                }
                if (!p.equals(Exprs.FALSE)) {
                    terms.add(p);
                }
            }
        }
        List<Expr> list = new ArrayList<>(terms);
        Optional<Expr> factored = factorCommonConjuncts(list);
        if (factored.isPresent()) {
            return factored.get();
        }
        return sameAs(call, list) ? call : Exprs.or(list);
    }

    /**
     * {@code (a AND b) OR (a AND c) → a AND (b OR c)} (distributivity holds in three-valued logic):
     * a term every disjunct shares becomes a conjunct of its own, which a join can use as a key and
     * a filter can push down (TPC-H Q19's join predicate is written this way).
     */
    private static Optional<Expr> factorCommonConjuncts(List<Expr> disjuncts) {
        if (disjuncts.size() < 2) {
            return Optional.empty();
        }
        Set<Expr> common = new LinkedHashSet<>(Exprs.conjuncts(disjuncts.get(0)));
        for (Expr d : disjuncts.subList(1, disjuncts.size())) {
            common.retainAll(Exprs.conjuncts(d));
        }
        if (common.isEmpty()) {
            return Optional.empty();
        }
        List<Expr> rests = new ArrayList<>();
        for (Expr d : disjuncts) {
            List<Expr> rest = new ArrayList<>(Exprs.conjuncts(d));
            rest.removeAll(common);
            if (rest.isEmpty()) {
                // This disjunct is just the common part: the OR adds nothing to it.
                return Optional.of(Exprs.and(new ArrayList<>(common)));
            }
            rests.add(Exprs.and(rest));
        }
        List<Expr> result = new ArrayList<>(common);
        result.add(Exprs.or(rests));
        return Optional.of(Exprs.and(result));
    }

    private static boolean sameAs(Call call, List<Expr> arguments) {
        return call.arguments().equals(arguments);
    }

    private static Expr simplifyCase(CaseWhen caseWhen) {
        List<CaseWhen.WhenThen> kept = new ArrayList<>();
        for (CaseWhen.WhenThen w : caseWhen.whens()) {
            if (w.condition() instanceof Literal l) {
                if (!l.isNull() && Boolean.TRUE.equals(l.get())) {
                    if (kept.isEmpty()) {
                        return w.result();
                    }
                    return new CaseWhen(kept, w.result(), caseWhen.type());
                }
                continue; // FALSE or NULL: the branch is never taken
            }
            kept.add(w);
        }
        if (kept.isEmpty()) {
            return caseWhen.otherwise();
        }
        return kept.size() == caseWhen.whens().size() ? caseWhen : new CaseWhen(kept, caseWhen.otherwise(), caseWhen.type());
    }
}
