package dev.quiver.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Matching two plan trees that differ at most in the ids of the columns they define, as a view or
 * subquery written twice in one statement is bound twice with fresh ids; and renaming the columns
 * of the parts operators are made of. Logical and physical plans share the walk and differ only in
 * how an operator is renamed ({@link TreeShape}).
 */
public final class ColumnRenaming {
    private ColumnRenaming() {
    }

    /**
     * How to take a plan tree of type {@code P} apart for {@link #match}: its operator, inputs and
     * output columns, and its operator with its columns renamed (empty if such an operator is never
     * matched).
     */
    public record TreeShape<P>(Function<P, Operator> operator, Function<P, List<P>> inputs, Function<P, List<ColumnRef>> outputColumns,
            BiFunction<P, Map<ColumnRef, ColumnRef>, Optional<Operator>> renamed) {
        public TreeShape {
            requireNonNull(operator, "operator");
            requireNonNull(inputs, "inputs");
            requireNonNull(outputColumns, "outputColumns");
            requireNonNull(renamed, "renamed");
        }
    }

    /**
     * If {@code b} produces the rows {@code a} produces, its i-th output column being a's i-th, which
     * column of {@code a} each column defined in {@code b}'s subtree stands for. The inputs are
     * matched first; a node's own outputs correspond by position, and the node matches if {@code
     * b}'s operator, its columns so renamed, equals {@code a}'s. The check is structural, never
     * semantic: an empty answer only means the trees are not known to be the same.
     */
    public static <P> Optional<Map<ColumnRef, ColumnRef>> match(P a, P b, TreeShape<P> shape) {
        Map<ColumnRef, ColumnRef> renaming = new HashMap<>();
        return match(a, b, renaming, shape) ? Optional.of(Map.copyOf(renaming)) : Optional.empty();
    }

    private static <P> boolean match(P a, P b, Map<ColumnRef, ColumnRef> renaming, TreeShape<P> shape) {
        List<P> aInputs = shape.inputs().apply(a);
        List<P> bInputs = shape.inputs().apply(b);
        List<ColumnRef> aOutputs = shape.outputColumns().apply(a);
        List<ColumnRef> bOutputs = shape.outputColumns().apply(b);
        Operator aOperator = shape.operator().apply(a);
        if (aOperator.getClass() != shape.operator().apply(b).getClass() || aInputs.size() != bInputs.size()
                || aOutputs.size() != bOutputs.size()) {
            return false;
        }
        for (int i = 0; i < aInputs.size(); i++) {
            if (!match(aInputs.get(i), bInputs.get(i), renaming, shape)) {
                return false;
            }
        }
        for (int i = 0; i < aOutputs.size(); i++) {
            ColumnRef to = aOutputs.get(i);
            ColumnRef from = bOutputs.get(i);
            ColumnRef known = renaming.putIfAbsent(from, to);
            if (!from.type().equals(to.type()) || (known != null && !known.equals(to))) {
                return false;
            }
        }
        return shape.renamed().apply(b, renaming).filter(aOperator::equals).isPresent();
    }

    public static ColumnRef column(ColumnRef c, Map<ColumnRef, ColumnRef> r) {
        return r.getOrDefault(c, c);
    }

    public static List<ColumnRef> columns(List<ColumnRef> cs, Map<ColumnRef, ColumnRef> r) {
        return cs.stream().map(c -> column(c, r)).toList();
    }

    public static List<Expr> exprs(List<Expr> es, Map<ColumnRef, ColumnRef> r) {
        return es.stream().map(e -> Exprs.substitute(e, r)).toList();
    }

    public static List<SortKey> keys(List<SortKey> keys, Map<ColumnRef, ColumnRef> r) {
        return keys.stream().map(k -> new SortKey(column(k.column(), r), k.descending(), k.nullsFirst())).toList();
    }

    public static List<Assignment> assignments(List<Assignment> assignments, Map<ColumnRef, ColumnRef> r) {
        return assignments.stream().map(a -> new Assignment(column(a.output(), r), Exprs.substitute(a.expression(), r))).toList();
    }

    public static List<AggregateAssignment> aggregates(List<AggregateAssignment> aggregates, Map<ColumnRef, ColumnRef> r) {
        return aggregates.stream().map(a -> new AggregateAssignment(column(a.output(), r), call(a.call(), r))).toList();
    }

    private static AggregateCall call(AggregateCall c, Map<ColumnRef, ColumnRef> r) {
        return new AggregateCall(c.kind(), columns(c.arguments(), r), c.distinct(), c.type(), c.position());
    }
}
