package dev.quiver.planner.rule.normalization;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.cost.CostModel;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.SearchBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cheapest bushy tree of inner joins without cross products, by dynamic programming over the
 * connected subgraphs of the join graph: DPccp (Moerkotte and Neumann, "Analysis of Two Existing
 * and One New Dynamic Programming Algorithm for the Generation of Optimal Bushy Join Trees without
 * Cross Products", VLDB 2006). It visits every pair of disjoint connected sets of relations joined
 * by at least one predicate exactly once, each after the best plans of both sets are known.
 *
 * <p>Columns known equal ({@link EquivalenceClasses}) connect every two relations that hold one of
 * them. Each join between two sets applies one equality per class with columns on both sides (its
 * columns within one side are already equal there), and a relation holding two columns of a class
 * filters them equal before any join; so no plan applies a class's equality twice, and every set's
 * estimate counts each class once.
 *
 * <p>A predicate over two relations is an edge of the graph. A predicate over three or more
 * connects each pair of them, and is applied by the first join whose inputs hold all of them; one
 * over a single relation filters it before any join; one over none is applied on top. A set's
 * estimated rows are computed once, from its first plan, so that every plan of the set is costed
 * against the same cardinality. The cost of a plan is that of its hash joins, as {@link CostModel}
 * counts them (build the smaller input, probe with the larger, write the output), each build row
 * carrying the columns that are read after its join: those no term reads (the operators above
 * read them), and those a term or a class joins on later.
 *
 * <p>Returns nothing when the graph is not connected (the caller then orders greedily, with cross
 * products), when the number of pairs exceeds {@link #MAX_PAIRS} (a dense graph of many relations),
 * or when the optimizer's {@link SearchBudget} runs out (which it reports in EXPLAIN).
 */
final class JoinEnumerator {
    /** Most relations a bitmask set can hold. */
    static final int MAX_RELATIONS = Long.SIZE - 1;
    /**
     * Pairs of connected sets considered before giving up on exhaustive search: a chain or star of
     * 12 relations has a few thousand, a clique of 10 about 28,000 (DuckDB gives up at 10,000 too).
     */
    static final int MAX_PAIRS = 10_000;

    private final CardinalityEstimator estimator;
    private final List<LogicalPlan> relations;
    private final List<Expr> terms;
    /** Per term, the relations whose columns it reads. */
    private final long[] termRelations;
    /** Per class of columns known equal and per relation, the class's columns that relation holds. */
    private final List<List<List<ColumnRef>>> classMembers;
    /** Per class, the relations holding one of its columns. */
    private final long[] classRelations;
    /** Per relation, the relations an edge connects it to. */
    private final long[] neighbors;
    /** Per relation, its output columns, each with who reads it and the arrays it takes in a hash table. */
    private final List<List<ColumnUse>> columnUses;
    private final SearchBudget budget;
    private final Map<Long, Entry> best = new HashMap<>();
    private int pairs;

    /**
     * An output column of a relation: the relations of the terms reading it ({@code termReaders}),
     * the class of columns known equal it belongs to ({@code equalClass}, -1 if none), whether it is
     * its relation's first column of that class (the one {@link #classEqualitiesBetween} joins on),
     * and the arrays it takes as a build row's payload ({@link CostModel#payloadArrays}). A column no
     * term or class reads is read above the joins.
     */
    private record ColumnUse(long termReaders, int equalClass, boolean firstOfClass, int arrays) {
    }

    /** The best plan known for a set of relations, its cost and its (set-wide) properties. */
    private record Entry(LogicalPlan plan, double cost, LogicalProperties properties) {
    }

    JoinEnumerator(CardinalityEstimator estimator, List<LogicalPlan> relations, List<Expr> terms) {
        this(estimator, relations, terms, SearchBudget.unlimited());
    }

    JoinEnumerator(CardinalityEstimator estimator, List<LogicalPlan> relations, List<Expr> terms, SearchBudget budget) {
        this(estimator, relations, terms, List.of(), budget);
    }

    /**
     * Every column of {@code classes} must be an output column of one of {@code relations}, and
     * {@code terms} must not repeat a class's equalities.
     */
    JoinEnumerator(CardinalityEstimator estimator, List<LogicalPlan> relations, List<Expr> terms,
            List<List<ColumnRef>> classes, SearchBudget budget) {
        this.estimator = requireNonNull(estimator, "estimator");
        this.budget = requireNonNull(budget, "budget");
        this.relations = List.copyOf(relations);
        this.terms = List.copyOf(terms);
        this.termRelations = new long[terms.size()];
        this.neighbors = new long[relations.size()];
        List<Set<ColumnRef>> columns = relations.stream().map(r -> Set.copyOf(r.outputColumns())).toList();
        List<Set<ColumnRef>> termColumns = terms.stream().map(Exprs::columns).toList();
        for (int t = 0; t < terms.size(); t++) {
            Set<ColumnRef> read = termColumns.get(t);
            for (int r = 0; r < relations.size(); r++) {
                if (read.stream().anyMatch(columns.get(r)::contains)) {
                    termRelations[t] |= 1L << r;
                }
            }
            long set = termRelations[t];
            if (Long.bitCount(set) >= 2) {
                for (int r = 0; r < relations.size(); r++) {
                    if ((set & (1L << r)) != 0) {
                        neighbors[r] |= set & ~(1L << r);
                    }
                }
            }
        }
        this.classRelations = new long[classes.size()];
        List<List<List<ColumnRef>>> members = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<List<ColumnRef>> perRelation = new ArrayList<>();
            for (int r = 0; r < relations.size(); r++) {
                List<ColumnRef> held = classes.get(c).stream().filter(columns.get(r)::contains).toList();
                perRelation.add(held);
                if (!held.isEmpty()) {
                    classRelations[c] |= 1L << r;
                }
            }
            if (perRelation.stream().mapToInt(List::size).sum() != classes.get(c).size()) {
                throw new IllegalArgumentException("columns of " + classes.get(c) + " are not all output columns of the relations");
            }
            members.add(perRelation);
            for (int r = 0; r < relations.size(); r++) {
                if ((classRelations[c] & (1L << r)) != 0) {
                    neighbors[r] |= classRelations[c] & ~(1L << r);
                }
            }
        }
        this.classMembers = members;
        List<List<ColumnUse>> uses = new ArrayList<>();
        for (int r = 0; r < relations.size(); r++) {
            uses.add(columnUses(r, termColumns));
        }
        this.columnUses = uses;
    }

    private List<ColumnUse> columnUses(int r, List<Set<ColumnRef>> termColumns) {
        List<ColumnUse> out = new ArrayList<>();
        for (ColumnRef column : relations.get(r).outputColumns()) {
            long readers = 0;
            for (int t = 0; t < termColumns.size(); t++) {
                if (termColumns.get(t).contains(column)) {
                    readers |= termRelations[t];
                }
            }
            int equalClass = -1;
            boolean first = false;
            for (int c = 0; c < classMembers.size() && equalClass < 0; c++) {
                List<ColumnRef> held = classMembers.get(c).get(r);
                if (held.contains(column)) {
                    equalClass = c;
                    first = held.get(0).equals(column);
                }
            }
            out.add(new ColumnUse(readers, equalClass, first, CostModel.payloadArrays(column.type())));
        }
        return out;
    }

    /**
     * The payload arrays a build row of {@code side} carries out of its join into {@code union}:
     * those of its columns read above the joins, by a term not within {@code union}, or as the
     * column a later join of their class joins on.
     */
    private int payloadArrays(long side, long union) {
        int arrays = 0;
        for (long rest = side; rest != 0; rest &= rest - 1) {
            int r = Long.numberOfTrailingZeros(rest);
            for (ColumnUse use : columnUses.get(r)) {
                boolean readAbove = use.termReaders() == 0 && use.equalClass() < 0;
                boolean readByLaterTerm = (use.termReaders() & ~union) != 0;
                boolean joinedLater = use.equalClass() >= 0 && use.firstOfClass() && (classRelations[use.equalClass()] & ~union) != 0
                        && Long.numberOfTrailingZeros(classRelations[use.equalClass()] & union) == r;
                if (readAbove || readByLaterTerm || joinedLater) {
                    arrays += use.arrays();
                }
            }
        }
        return arrays;
    }

    /**
     * The cheapest join tree of {@code relations} with all of {@code terms} applied, or empty when
     * the relations are not all connected by the terms or the search would be too large.
     */
    static Optional<LogicalPlan> best(CardinalityEstimator estimator, List<LogicalPlan> relations, List<Expr> terms) {
        return best(estimator, relations, terms, SearchBudget.unlimited());
    }

    /** As above, spending one application of the optimizer's budget per pair; empty too once that is spent. */
    static Optional<LogicalPlan> best(CardinalityEstimator estimator, List<LogicalPlan> relations, List<Expr> terms,
            SearchBudget budget) {
        return best(estimator, relations, terms, List.of(), budget);
    }

    /** As above, with columns known equal ({@link EquivalenceClasses}) besides {@code terms}. */
    static Optional<LogicalPlan> best(CardinalityEstimator estimator, List<LogicalPlan> relations, List<Expr> terms,
            List<List<ColumnRef>> classes, SearchBudget budget) {
        if (relations.size() > MAX_RELATIONS) {
            return Optional.empty();
        }
        return new JoinEnumerator(estimator, relations, terms, classes, budget).run();
    }

    /** The pairs of connected sets considered so far. */
    int pairs() {
        return pairs;
    }

    Optional<LogicalPlan> run() {
        int n = relations.size();
        for (int r = 0; r < n; r++) {
            LogicalPlan leaf = relations.get(r);
            List<Expr> local = termsOver(1L << r);
            local.addAll(classEqualitiesWithin(r));
            if (!local.isEmpty()) {
                leaf = LogicalPlan.of(new LogicalFilter(Exprs.and(local)), leaf);
            }
            best.put(1L << r, new Entry(leaf, 0, estimator.derive(leaf)));
        }
        // EnumerateCsg: each connected set, from the highest-numbered relation down, with its complements
        for (int i = n - 1; i >= 0; i--) {
            long start = 1L << i;
            if (!complements(start) || !subsets(start, below(i))) {
                return Optional.empty();
            }
        }
        Entry all = best.get((1L << n) - 1);
        if (all == null) {
            return Optional.empty();
        }
        List<Expr> constant = termsOver(0);
        return Optional.of(constant.isEmpty() ? all.plan() : LogicalPlan.of(new LogicalFilter(Exprs.and(constant)), all.plan()));
    }

    /** Relations numbered at most {@code i}. */
    private static long below(int i) {
        return (1L << (i + 1)) - 1;
    }

    private long neighborhood(long set) {
        long n = 0;
        for (long rest = set; rest != 0; rest &= rest - 1) {
            n |= neighbors[Long.numberOfTrailingZeros(rest)];
        }
        return n & ~set;
    }

    /*
     * The loops below visit the non-empty subsets s of a neighbourhood n in increasing numeric
     * order ((s - n) & n is the next one), so a set is always visited before its supersets: when a
     * set is joined with others, every pair that builds it has been considered, as DP requires.
     */

    /** EnumerateCsgRec: the connected supersets of {@code set} that avoid {@code excluded}, each with its complements. */
    private boolean subsets(long set, long excluded) {
        long n = neighborhood(set) & ~excluded;
        for (long s = n & -n; s != 0; s = (s - n) & n) {
            if (!complements(set | s)) {
                return false;
            }
        }
        for (long s = n & -n; s != 0; s = (s - n) & n) {
            if (!subsets(set | s, excluded | n)) {
                return false;
            }
        }
        return true;
    }

    /** EnumerateCmp: joins {@code set} with every connected set of higher-numbered neighbours that complements it. */
    private boolean complements(long set) {
        long excluded = below(Long.numberOfTrailingZeros(set)) | set;
        long n = neighborhood(set) & ~excluded;
        for (long rest = Long.highestOneBit(n); rest != 0; rest = Long.highestOneBit(n & (rest - 1))) {
            int i = Long.numberOfTrailingZeros(rest);
            if (!join(set, rest)) {
                return false;
            }
            if (!complementSubsets(set, rest, excluded | (below(i) & n))) {
                return false;
            }
        }
        return true;
    }

    /** EnumerateCsgRec for complements: grows {@code other} and joins each growth with {@code set}. */
    private boolean complementSubsets(long set, long other, long excluded) {
        long n = neighborhood(other) & ~excluded;
        for (long s = n & -n; s != 0; s = (s - n) & n) {
            if (!join(set, other | s)) {
                return false;
            }
        }
        for (long s = n & -n; s != 0; s = (s - n) & n) {
            if (!complementSubsets(set, other | s, excluded | n)) {
                return false;
            }
        }
        return true;
    }

    /** Considers joining the best plans of two disjoint connected sets; false once the budget is spent. */
    private boolean join(long left, long right) {
        if (++pairs > MAX_PAIRS || !budget.spend()) {
            return false;
        }
        Entry l = best.get(left);
        Entry r = best.get(right);
        if (l == null || r == null) {
            return true; // not reachable in DPccp's order; a set without a plan cannot be joined
        }
        long union = left | right;
        List<Expr> connecting = termsWithin(union, left, right);
        connecting.addAll(classEqualitiesBetween(left, right));
        LogicalJoin join = new LogicalJoin(JoinType.INNER, Exprs.and(connecting));
        LogicalPlan plan = LogicalPlan.of(join, List.of(l.plan(), r.plan()));
        Entry known = best.get(union);
        LogicalProperties properties = known != null ? known.properties()
                : estimator.derive(join, plan.outputColumns(), List.of(l.properties(), r.properties()));
        boolean leftBuilds = l.properties().rowCount() <= r.properties().rowCount();
        double small = Math.min(l.properties().rowCount(), r.properties().rowCount());
        double large = Math.max(l.properties().rowCount(), r.properties().rowCount());
        double cost = l.cost() + r.cost() + CostModel.hashJoinCost(small, large, properties.rowCount(), JoinType.INNER,
                hasEquality(connecting), payloadArrays(leftBuilds ? left : right, union));
        if (known == null || cost < known.cost()) {
            best.put(union, new Entry(plan, cost, properties));
        }
        return true;
    }

    private static boolean hasEquality(List<Expr> terms) {
        return terms.stream().anyMatch(t -> t instanceof Call c
                && (c.function() == Function.EQUAL || c.function() == Function.IS_NOT_DISTINCT_FROM));
    }

    /** Terms over relations within {@code set} and not within {@code left} or {@code right} alone. */
    private List<Expr> termsWithin(long set, long left, long right) {
        List<Expr> out = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            long need = termRelations[t];
            if (need != 0 && (need & ~set) == 0 && (need & ~left) != 0 && (need & ~right) != 0) {
                out.add(terms.get(t));
            }
        }
        return out;
    }

    /** Equalities making the columns of each class that relation {@code r} holds equal to its first. */
    private List<Expr> classEqualitiesWithin(int r) {
        List<Expr> out = new ArrayList<>();
        for (List<List<ColumnRef>> members : classMembers) {
            List<ColumnRef> held = members.get(r);
            for (int i = 1; i < held.size(); i++) {
                out.add(EquivalenceClasses.equality(held.get(0), held.get(i)));
            }
        }
        return out;
    }

    /**
     * One equality per class with columns on both sides, between the first column of each side's
     * lowest-numbered relation holding one.
     */
    private List<Expr> classEqualitiesBetween(long left, long right) {
        List<Expr> out = new ArrayList<>();
        for (int c = 0; c < classMembers.size(); c++) {
            long inLeft = classRelations[c] & left;
            long inRight = classRelations[c] & right;
            if (inLeft != 0 && inRight != 0) {
                out.add(EquivalenceClasses.equality(classMembers.get(c).get(Long.numberOfTrailingZeros(inLeft)).get(0),
                        classMembers.get(c).get(Long.numberOfTrailingZeros(inRight)).get(0)));
            }
        }
        return out;
    }

    /** Terms that read exactly the relations of {@code set}: one relation, or none (constants). */
    private List<Expr> termsOver(long set) {
        List<Expr> out = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            if (termRelations[t] == set) {
                out.add(terms.get(t));
            }
        }
        return out;
    }

}
