package dev.quiver.planner.expr;

import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Helpers to build, take apart and rewrite expressions. */
public final class Exprs {
    private Exprs() {
    }

    public static final Literal TRUE = Literal.ofBoolean(true);
    public static final Literal FALSE = Literal.ofBoolean(false);

    /** The conjunction of the given predicates, flattened; TRUE when empty. */
    public static Expr and(List<Expr> predicates) {
        List<Expr> flat = new ArrayList<>();
        for (Expr p : predicates) {
            flat.addAll(conjuncts(p));
        }
        if (flat.isEmpty()) {
            return TRUE;
        }
        return flat.size() == 1 ? flat.get(0) : new Call(Function.AND, flat, DataType.BOOLEAN);
    }

    /** The disjunction of the given predicates, flattened; FALSE when empty. */
    public static Expr or(List<Expr> predicates) {
        List<Expr> flat = new ArrayList<>();
        for (Expr p : predicates) {
            if (p instanceof Call c && c.function() == Function.OR) {
                flat.addAll(c.arguments());
            } else {
                flat.add(p);
            }
        }
        if (flat.isEmpty()) {
            return FALSE;
        }
        return flat.size() == 1 ? flat.get(0) : new Call(Function.OR, flat, DataType.BOOLEAN);
    }

    /** The top-level AND terms of a predicate (the predicate itself if it is not an AND). */
    public static List<Expr> conjuncts(Expr predicate) {
        if (predicate instanceof Call c && c.function() == Function.AND) {
            List<Expr> out = new ArrayList<>();
            for (Expr a : c.arguments()) {
                out.addAll(conjuncts(a));
            }
            return out;
        }
        if (predicate.equals(TRUE)) {
            return List.of();
        }
        return List.of(predicate);
    }

    /** Columns the expression reads, in first-seen order. */
    public static Set<ColumnRef> columns(Expr e) {
        Set<ColumnRef> out = new LinkedHashSet<>();
        collectColumns(e, out);
        return out;
    }

    private static void collectColumns(Expr e, Set<ColumnRef> out) {
        if (e instanceof ColumnRef c) {
            out.add(c);
        } else {
            for (Expr child : children(e)) {
                collectColumns(child, out);
            }
        }
    }

    /** Whether the expression reads no column (its value is the same for every row). */
    public static boolean isConstant(Expr e) {
        return columns(e).isEmpty();
    }

    /** The direct children of an expression. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Call c) {
            return c.arguments();
        }
        if (e instanceof Cast c) {
            return List.of(c.input());
        }
        if (e instanceof CaseWhen c) {
            List<Expr> out = new ArrayList<>();
            for (CaseWhen.WhenThen w : c.whens()) {
                out.add(w.condition());
                out.add(w.result());
            }
            out.add(c.otherwise());
            return out;
        }
        return List.of();
    }

    /** The same node with new children (in {@link #children} order). */
    public static Expr withChildren(Expr e, List<Expr> children) {
        if (e instanceof Call c) {
            return new Call(c.function(), children, c.type(), c.position());
        }
        if (e instanceof Cast c) {
            return new Cast(children.get(0), c.type(), c.position());
        }
        if (e instanceof CaseWhen c) {
            List<CaseWhen.WhenThen> whens = new ArrayList<>();
            for (int i = 0; i < c.whens().size(); i++) {
                whens.add(new CaseWhen.WhenThen(children.get(2 * i), children.get(2 * i + 1)));
            }
            return new CaseWhen(whens, children.get(children.size() - 1), c.type());
        }
        return e;
    }

    /** Rewrites bottom-up: children first, then {@code f} on the rebuilt node. */
    public static Expr rewrite(Expr e, UnaryOperator<Expr> f) {
        List<Expr> children = children(e);
        if (children.isEmpty()) {
            return f.apply(e);
        }
        List<Expr> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expr child : children) {
            Expr r = rewrite(child, f);
            changed |= r != child;
            rewritten.add(r);
        }
        return f.apply(changed ? withChildren(e, rewritten) : e);
    }

    /** Replaces column references by the expressions mapped to them. */
    public static Expr substitute(Expr e, Map<ColumnRef, ? extends Expr> mapping) {
        return rewrite(e, x -> x instanceof ColumnRef c && mapping.containsKey(c) ? mapping.get(c) : x);
    }

    /** Number of nodes, a measure of how much code an expression becomes. */
    public static int size(Expr e) {
        int n = 1;
        for (Expr c : children(e)) {
            n += size(c);
        }
        return n;
    }

    /** {@code a IS NOT DISTINCT FROM b}: equality under which NULL equals NULL. */
    public static Expr notDistinct(Expr a, Expr b) {
        return new Call(Function.IS_NOT_DISTINCT_FROM, List.of(a, b), DataType.BOOLEAN);
    }

    /**
     * {@code p IS TRUE} (FALSE where {@code p} is NULL), written as {@code p IS NOT DISTINCT FROM
     * TRUE}; {@code p} itself where it can never be NULL.
     */
    public static Expr isTrue(Expr p) {
        return neverNull(p) ? p : notDistinct(p, TRUE);
    }

    /** {@code p} for {@code p IS TRUE}, else the predicate itself (where only TRUE counts, they are the same). */
    public static Expr withoutIsTrue(Expr p) {
        if (p instanceof Call c && c.function() == Function.IS_NOT_DISTINCT_FROM && c.argument(1).equals(TRUE)) {
            return c.argument(0);
        }
        return p;
    }

    /** Whether a predicate can never be NULL, whatever its inputs (a conservative check). */
    public static boolean neverNull(Expr p) {
        if (p instanceof Call c) {
            return switch (c.function()) {
                case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, IS_NULL, IS_NOT_NULL -> true;
                case AND, OR -> c.arguments().stream().allMatch(Exprs::neverNull);
                case NOT -> neverNull(c.argument(0));
                default -> false;
            };
        }
        return p instanceof Literal l && !l.isNull();
    }

    /**
     * Whether the predicate is NULL or FALSE whenever every column in {@code columns} is NULL (a
     * conservative check: strict functions of such a column, and ANDs and ORs of such predicates).
     * A filter with such a predicate removes the NULL-extended rows of an outer join.
     */
    public static boolean rejectsNulls(Expr p, java.util.Collection<ColumnRef> columns) {
        if (p instanceof Call c) {
            switch (c.function()) {
                case AND:
                    return c.arguments().stream().anyMatch(a -> rejectsNulls(a, columns));
                case OR:
                    return c.arguments().stream().allMatch(a -> rejectsNulls(a, columns));
                case IS_NOT_NULL:
                    return nullWhenNull(c.argument(0), columns);
                default:
                    break;
            }
        }
        return nullWhenNull(p, columns);
    }

    /** Whether the expression is NULL whenever all of {@code columns} are NULL. */
    private static boolean nullWhenNull(Expr e, java.util.Collection<ColumnRef> columns) {
        if (e instanceof ColumnRef c) {
            return columns.contains(c);
        }
        if (e instanceof Cast cast) {
            return nullWhenNull(cast.input(), columns);
        }
        if (e instanceof Call c && c.function().isStrict()) {
            return c.arguments().stream().anyMatch(a -> nullWhenNull(a, columns));
        }
        return false;
    }
}
