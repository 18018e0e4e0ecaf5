package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Infers single-column filters from a disjunction whose every branch restricts the same column:
 * {@code (a = 1 AND b = 'x') OR (a = 2 AND b = 'y')} implies {@code (a = 1 OR a = 2)} and
 * {@code (b = 'x' OR b = 'y')}, which the pushdown rules then move to the scans of {@code a}'s and
 * {@code b}'s tables, so the join below the disjunction sees only candidate rows (TPC-H Q7's nation
 * pairs, Q19's brand, container, quantity and ship mode). PostgreSQL does the same for join clauses
 * ({@code extract_restriction_or_clauses}).
 *
 * <p>The disjunction stays: the inferred filters are implied by it, so adding them changes no
 * result. Only comparisons of a column with constants are taken (=, &lt;&gt;, ranges, IN, LIKE,
 * IS [NOT] NULL), which cannot fail, so evaluating them earlier or on more rows raises no new
 * error. A filter already present is not added again, so the rule reaches a fixpoint.
 */
public final class InferFiltersFromDisjunctions implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalFilter.class);
    private static final Set<Function> SIMPLE = Set.of(Function.EQUAL, Function.NOT_EQUAL, Function.LESS_THAN,
            Function.LESS_THAN_OR_EQUAL, Function.GREATER_THAN, Function.GREATER_THAN_OR_EQUAL, Function.IN, Function.LIKE,
            Function.ILIKE, Function.IS_NULL, Function.IS_NOT_NULL, Function.IS_DISTINCT_FROM, Function.IS_NOT_DISTINCT_FROM);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public Kind kind() {
        return Kind.NORMALIZATION;
    }

    @Override
    public List<LogicalPlan> apply(LogicalPlan binding, RuleContext context) {
        LogicalFilter filter = (LogicalFilter) binding.operator();
        List<Expr> conjuncts = Exprs.conjuncts(filter.predicate());
        Set<Expr> present = new LinkedHashSet<>(conjuncts);
        List<Expr> inferred = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            if (conjunct instanceof Call c && c.function() == Function.OR) {
                for (Expr e : infer(disjuncts(c))) {
                    if (present.add(e)) {
                        inferred.add(e);
                    }
                }
            }
        }
        if (inferred.isEmpty()) {
            return List.of();
        }
        List<Expr> all = new ArrayList<>(conjuncts);
        all.addAll(inferred);
        return List.of(LogicalPlan.of(new LogicalFilter(Exprs.and(all)), binding.input(0)));
    }

    /** The branches of a (nested) OR. */
    private static List<Expr> disjuncts(Expr e) {
        if (e instanceof Call c && c.function() == Function.OR) {
            List<Expr> out = new ArrayList<>();
            c.arguments().forEach(a -> out.addAll(disjuncts(a)));
            return out;
        }
        return List.of(e);
    }

    /** For each column every branch restricts with simple comparisons: the OR of those restrictions. */
    static List<Expr> infer(List<Expr> branches) {
        List<Map<ColumnRef, List<Expr>>> perBranch = new ArrayList<>();
        for (Expr branch : branches) {
            Map<ColumnRef, List<Expr>> byColumn = new LinkedHashMap<>();
            for (Expr c : Exprs.conjuncts(branch)) {
                column(c).ifPresent(col -> byColumn.computeIfAbsent(col, k -> new ArrayList<>()).add(c));
            }
            perBranch.add(byColumn);
        }
        List<Expr> inferred = new ArrayList<>();
        for (ColumnRef column : perBranch.get(0).keySet()) {
            if (perBranch.stream().allMatch(m -> m.containsKey(column))) {
                inferred.add(Exprs.or(perBranch.stream().map(m -> Exprs.and(m.get(column))).toList()));
            }
        }
        return inferred;
    }

    /** The one column a simple comparison with constants restricts, if {@code e} is one. */
    private static Optional<ColumnRef> column(Expr e) {
        if (!(e instanceof Call c) || !SIMPLE.contains(c.function()) || c.arguments().isEmpty()) {
            return Optional.empty();
        }
        Optional<ColumnRef> column = Optional.empty();
        for (Expr a : c.arguments()) {
            // VARCHAR(n) read as VARCHAR: the comparison is still one of the column's values
            Expr inner = a instanceof Cast cast && cast.input().type().isString() && cast.type().isString() ? cast.input() : a;
            if (inner instanceof ColumnRef ref && column.isEmpty()) {
                column = Optional.of(ref);
            } else if (!(a instanceof Literal)) {
                return Optional.empty();
            }
        }
        return column;
    }
}
