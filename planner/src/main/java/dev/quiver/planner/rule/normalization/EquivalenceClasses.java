package dev.quiver.planner.rule.normalization;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns that the equality terms of a region of inner joins make equal, closed under
 * transitivity: from {@code a = b} and {@code b = c} follows {@code a = c}, so a join order may
 * join the relations of {@code a} and {@code c} directly although no term names both. This is the
 * equivalence classes of the PostgreSQL planner (src/backend/optimizer/README, "EquivalenceClasses")
 * and the predicate transitive closure of Starburst (Pirahesh, Hellerstein and Hasan,
 * "Extensible/Rule Based Query Rewrite Optimization in Starburst", SIGMOD 1992).
 *
 * <p>Only {@code =} between two distinct columns of the same type joins a class: where both sides
 * are non-null and equal, equality of values is transitive. A term whose columns are not all
 * {@code known} (not produced by the region's inputs) stays a plain term. So does every term of a
 * class of two columns, since the class would say no more than the term; the classes returned hold
 * three columns or more, in the order their terms first name them, and {@link #otherTerms()} all
 * terms not folded into one of them, in their order.
 */
record EquivalenceClasses(List<List<ColumnRef>> classes, List<Expr> otherTerms) {
    EquivalenceClasses {
        classes = classes.stream().map(List::copyOf).toList();
        otherTerms = List.copyOf(otherTerms);
    }

    static EquivalenceClasses of(List<Expr> terms, Collection<ColumnRef> known) {
        requireNonNull(known, "known");
        Map<ColumnRef, ColumnRef> parent = new LinkedHashMap<>();
        for (Expr term : terms) {
            columnEquality(term, known).ifPresent(pair -> union(parent, pair.get(0), pair.get(1)));
        }
        Map<ColumnRef, List<ColumnRef>> byRoot = new LinkedHashMap<>();
        for (ColumnRef column : parent.keySet()) {
            byRoot.computeIfAbsent(find(parent, column), r -> new ArrayList<>()).add(column);
        }
        List<List<ColumnRef>> classes = byRoot.values().stream().filter(c -> c.size() >= 3).toList();
        List<Expr> others = new ArrayList<>();
        for (Expr term : terms) {
            boolean folded = columnEquality(term, known)
                    .map(pair -> byRoot.get(find(parent, pair.get(0))).size() >= 3)
                    .orElse(false);
            if (!folded) {
                others.add(term);
            }
        }
        return new EquivalenceClasses(classes, others);
    }

    /** {@code a = b} for two columns of a class: the term a join applies to make them equal. */
    static Expr equality(ColumnRef a, ColumnRef b) {
        return new Call(Function.EQUAL, List.of(a, b), DataType.BOOLEAN);
    }

    /** The two columns of a term {@code a = b} that may join a class. */
    private static Optional<List<ColumnRef>> columnEquality(Expr term, Collection<ColumnRef> known) {
        if (term instanceof Call call && call.function() == Function.EQUAL
                && call.argument(0) instanceof ColumnRef a && call.argument(1) instanceof ColumnRef b
                && !a.equals(b) && a.type().equals(b.type()) && known.contains(a) && known.contains(b)) {
            return Optional.of(List.of(a, b));
        }
        return Optional.empty();
    }

    private static ColumnRef find(Map<ColumnRef, ColumnRef> parent, ColumnRef column) {
        ColumnRef root = column;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<ColumnRef, ColumnRef> parent, ColumnRef a, ColumnRef b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        ColumnRef ra = find(parent, a);
        ColumnRef rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }
}
