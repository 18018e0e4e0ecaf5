package dev.quiver.fuzz;

import dev.quiver.fuzz.Expr.Column;
import dev.quiver.fuzz.FuzzType.Kind;
import dev.quiver.fuzz.QueryNode.OutputColumn;
import dev.quiver.fuzz.QueryNode.Select;
import dev.quiver.fuzz.QueryNode.SelectItem;
import dev.quiver.fuzz.QueryNode.Tail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Generates random queries over a {@link FuzzSchema}: joins of every kind (inner, outer, cross,
 * NATURAL, USING, comma lists), derived tables, WITH, subqueries of every kind (scalar, EXISTS,
 * IN, ANY/ALL; correlated or not, nested), aggregates with and without GROUP BY, HAVING, DISTINCT,
 * set operations, ORDER BY/LIMIT/OFFSET.
 *
 * <p>Generated queries are deterministic: a LIMIT or OFFSET comes only with an ORDER BY of every
 * result column (rows equal on all of them are interchangeable), and every ORDER BY key says where
 * NULLs go. Subqueries never carry a LIMIT (Quiver rejects one in a correlated subquery) and never
 * use an aggregate of an outer query (also rejected); INTERSECT ALL and EXCEPT ALL are not
 * generated (rejected too). All references are qualified by unique aliases (but for the merged
 * columns of USING and NATURAL joins), select items carry unique aliases, and ORDER BY refers to
 * them by name.
 *
 * <p>Differences with DuckDB it always steers around: NATURAL joins only of relations with common
 * columns (DuckDB rejects the others, PostgreSQL makes a cross join); no constant GROUP BY keys
 * (PostgreSQL reads an integer constant, also a negative one, as a select-list position); no LIMIT
 * without an ORDER BY of every column; NULLS FIRST/LAST always written (the default placement
 * differs). DuckDB 2.0.0 bugs it steers around when {@code referenceSafe} (for the differential
 * oracle only), each of which made DuckDB's answer differ from PostgreSQL's and Quiver's:
 * <ul>
 *   <li>an outer join's ON condition is a single equality: when a condition on {@code b} alone
 *       holds for no row of b, DuckDB answers {@code EXISTS (SELECT 1 FROM a LEFT JOIN b ON a.x =
 *       b.x AND b.y > 1)} false, and drops the group of {@code SELECT sum(a.z) FROM a LEFT JOIN b
 *       ON a.x = b.x AND 1 < b.y HAVING sum(a.z) < 0} although the sum is negative
 *       ({@code sql/joins/fuzz_outer_join_having.test});
 *   <li>no DISTINCT over an aggregate without GROUP BY in a subquery: DuckDB returns no row for
 *       {@code ANY (SELECT DISTINCT avg(x) FROM t WHERE <correlated, false>)}, not a NULL row;
 *   <li>no set operations in subqueries: DuckDB answers {@code x <= ANY ((SELECT NULL) EXCEPT
 *       (SELECT 'a' WHERE false))} false, not NULL (correlated, with quantified comparisons).
 * </ul>
 */
final class QueryGenerator implements ExpressionGenerator.Subqueries {
    /** Nesting of queries: a subquery of a subquery of the top level, no deeper. */
    static final int MAX_NESTING = 2;
    /** Levels of an expression in a select item or predicate. */
    static final int EXPRESSION_DEPTH = 3;
    /** Most relations in one FROM clause. */
    static final int MAX_RELATIONS = 3;
    /** Chance that a top-level FROM clause may start with the schema's large table, if it has one (and its pick lands on it). */
    static final double LARGE_RELATION_CHANCE = 0.5;
    /** Chance that a GROUP BY also groups by an expression (which the select list then repeats). */
    static final double GROUP_BY_EXPRESSION_CHANCE = 0.3;
    /** Chance that a join equality is IS NOT DISTINCT FROM, under which NULL keys match. */
    static final double NULL_SAFE_JOIN_CHANCE = 0.12;
    /** Largest LIMIT generated: tables are small, so larger limits would rarely cut. */
    static final int MAX_LIMIT = 8;

    private final FuzzRandom random;
    private final FuzzSchema schema;
    private final boolean referenceSafe;
    private final ExpressionGenerator expressions;
    private int nesting;
    private int aliases;
    private final List<Relation> ctes = new ArrayList<>();

    /** A relation a FROM clause can name: a table or a CTE, with its columns. */
    private record Relation(String name, List<OutputColumn> columns) {
    }

    /**
     * A FROM item, the qualified columns it makes visible, and the unqualified columns its USING
     * and NATURAL joins merge (PostgreSQL's COALESCE of both sides for a FULL JOIN).
     */
    record Source(FromItem item, List<Column> columns, List<Column> merged) {
        Source(FromItem item, List<Column> columns) {
            this(item, columns, List.of());
        }
    }

    /**
     * A whole FROM clause: its items, their qualified columns, the join conditions of its
     * comma-separated items (for WHERE), the merged columns of USING and NATURAL joins whose
     * names are unambiguous in the whole clause (referred to without a qualifier), and whether it
     * reads the schema's large table.
     */
    record From(List<FromItem> items, List<Column> columns, List<Expr> conditions, List<Column> merged, boolean readsLarge) {
        /** Every column an expression over the clause's rows may use. */
        List<Column> visible() {
            return concat(columns, merged);
        }
    }

    /**
     * @param referenceSafe whether to steer around DuckDB's bugs too (for the differential oracle;
     *     the reference-free oracles and the mutation fuzzer use the whole language)
     */
    QueryGenerator(FuzzRandom random, FuzzSchema schema, boolean referenceSafe) {
        this.random = random;
        this.schema = schema;
        this.referenceSafe = referenceSafe;
        this.expressions = new ExpressionGenerator(random, this);
    }

    ExpressionGenerator expressions() {
        return expressions;
    }

    /** A top-level query, sometimes with a WITH, sometimes a set operation, with a random ORDER BY/LIMIT. */
    GeneratedQuery query() {
        reset();
        List<QueryNode.Cte> with = new ArrayList<>();
        if (random.chance(0.1)) {
            nesting++;
            QueryNode cteQuery = random.chance(0.2) ? setOperation(List.of(), List.of()) : select(List.of(), List.of());
            nesting--;
            String name = "w" + with.size();
            with.add(new QueryNode.Cte(name, cteQuery));
            ctes.add(new Relation(name, cteQuery.columns()));
        }
        QueryNode body = random.chance(0.15) ? setOperation(List.of(), List.of()) : select(List.of(), List.of());
        body = withTail(body, tail(body.columns(), true));
        return GeneratedQuery.of(with.isEmpty() ? body : new QueryNode.With(with, body));
    }

    /** Forgets the previous query's aliases and CTEs. */
    void reset() {
        nesting = 0;
        aliases = 0;
        ctes.clear();
    }

    /** A SELECT with one item per requested kind (any number of any kinds when none is requested). */
    Select select(List<Column> outer, List<Kind> kinds) {
        From from = from();
        // a subquery in a query over the large table may run once per row of it: 74,088 runs of a
        // nested subquery take PostgreSQL and Quiver tens of seconds, so such queries have none
        boolean subqueries = nesting < MAX_NESTING && !from.readsLarge();
        ExprContext rows = ExprContext.rows(from.visible(), outer, subqueries);
        List<Expr> conditions = new ArrayList<>(from.conditions());
        if (random.chance(0.6)) {
            conditions.add(expressions.predicate(rows, EXPRESSION_DEPTH));
        }
        Optional<Expr> where = and(conditions);
        int shape = from.columns().isEmpty() ? 0 : random.weighted(55, 30, 15);
        List<Expr> groupBy = shape == 1 ? new ArrayList<>(random.subset(from.columns(), 1, 3)) : new ArrayList<>();
        ExprContext items = switch (shape) {
            case 1 -> new ExprContext(groupBy.stream().map(Column.class::cast).toList(), outer, from.visible(), true, subqueries);
            case 2 -> new ExprContext(List.of(), outer, from.visible(), true, subqueries);
            default -> rows;
        };
        if (shape == 1 && random.chance(GROUP_BY_EXPRESSION_CHANCE)) {
            Expr key = expressions.generate(expressions.anyKind(), ExprContext.rows(from.visible(), List.of(), false), 1);
            if (readsColumn(key)) { // a constant is useless, and a (negative) integer constant is a select-list position
                groupBy.add(key);
            }
        }
        List<SelectItem> selectItems = new ArrayList<>();
        int count = kinds.isEmpty() ? random.between(1, 4) : kinds.size();
        for (int i = 0; i < count; i++) {
            Expr e;
            if (kinds.isEmpty() && shape == 1 && random.chance(0.4)) {
                e = random.pick(groupBy);
            } else {
                e = expressions.generate(kinds.isEmpty() ? expressions.anyKind() : kinds.get(i), items, EXPRESSION_DEPTH);
            }
            selectItems.add(new SelectItem(e, e.type().kind().letter() + Integer.toString(i)));
        }
        Optional<Expr> having = shape != 0 && random.chance(0.4) ? Optional.of(expressions.predicate(items, 2)) : Optional.empty();
        // DuckDB 2.0.0 drops the one row of an aggregate without GROUP BY under DISTINCT in a correlated subquery
        boolean distinct = random.chance(0.2) && !(referenceSafe && shape == 2 && nesting > 0);
        return new Select(distinct, selectItems, from.items(), where, groupBy, having, Tail.NONE);
    }

    /** Whether {@code e} reads a column (outside subqueries). */
    private static boolean readsColumn(Expr e) {
        return e instanceof Column || e.children().stream().anyMatch(QueryGenerator::readsColumn);
    }

    /** {@code left op right}; the right side is made to match the left's column kinds. */
    QueryNode setOperation(List<Column> outer, List<Kind> kinds) {
        QueryNode left = select(outer, kinds);
        List<Kind> leftKinds = left.columns().stream().map(c -> c.type().kind()).toList();
        QueryNode right = random.chance(0.25) ? setOperation(outer, leftKinds) : select(outer, leftKinds);
        List<OutputColumn> columns = new ArrayList<>();
        for (int c = 0; c < left.columns().size(); c++) {
            Optional<FuzzType> type = FuzzType.common(left.columns().get(c).type(), right.columns().get(c).type(), false);
            if (type.isEmpty()) {
                return left;
            }
            columns.add(new OutputColumn(left.columns().get(c).name(), type.get()));
        }
        int op = random.weighted(35, 25, 20, 20);
        String operator = op <= 1 ? "UNION" : op == 2 ? "INTERSECT" : "EXCEPT";
        return new QueryNode.SetOperation(operator, op == 1, left, right, columns, Tail.NONE);
    }

    /**
     * A random ORDER BY/LIMIT/OFFSET over {@code columns}: with a LIMIT or OFFSET it orders by all
     * of them, so the rows returned are fixed; {@code mayCut} allows a LIMIT or OFFSET at all.
     */
    Tail tail(List<OutputColumn> columns, boolean mayCut) {
        if (!random.chance(0.5)) {
            return Tail.NONE;
        }
        boolean cut = mayCut && random.chance(0.4);
        List<OutputColumn> keys = cut ? columns : random.subset(columns, 1, columns.size());
        List<QueryNode.OrderKey> orderBy = keys.stream()
                .map(c -> new QueryNode.OrderKey(c.name(), random.chance(0.4), random.chance(0.5))).toList();
        if (!cut) {
            return new Tail(orderBy, OptionalInt.empty(), OptionalInt.empty());
        }
        OptionalInt limit = random.chance(0.85) ? OptionalInt.of(random.between(0, MAX_LIMIT)) : OptionalInt.empty();
        OptionalInt offset = limit.isEmpty() || random.chance(0.3) ? OptionalInt.of(random.between(0, 4)) : OptionalInt.empty();
        return new Tail(orderBy, limit, offset);
    }

    static QueryNode withTail(QueryNode query, Tail tail) {
        if (query instanceof Select s) {
            return s.withTail(tail);
        }
        if (query instanceof QueryNode.SetOperation s) {
            return s.withTail(tail);
        }
        throw new IllegalArgumentException("no tail on " + query.getClass().getSimpleName());
    }

    @Override
    public QueryNode subquery(List<Column> outer, Kind kind, boolean scalar, int depth) {
        nesting++;
        try {
            if (scalar) {
                return scalarSubquery(outer, kind);
            }
            return !referenceSafe && random.chance(0.1) ? setOperation(outer, List.of(kind)) : select(outer, List.of(kind));
        } finally {
            nesting--;
        }
    }

    /** {@code SELECT aggregate FROM ... [WHERE ...]}: exactly one row, whatever the data. */
    private Select scalarSubquery(List<Column> outer, Kind kind) {
        From from = from();
        ExprContext rows = ExprContext.rows(from.visible(), outer, nesting < MAX_NESTING);
        List<Expr> conditions = new ArrayList<>(from.conditions());
        if (random.chance(0.8)) {
            conditions.add(expressions.predicate(rows, 2));
        }
        ExprContext aggregates = new ExprContext(List.of(), outer, from.visible(), true, false);
        Expr item;
        if (kind == Kind.BOOLEAN) {
            item = new Expr.Binary(random.pick(Expr.Op.COMPARISONS), new Expr.Aggregate("count", false, Optional.empty(), FuzzType.BIGINT),
                    new Expr.Literal(random.between(0, 3), FuzzType.INTEGER), FuzzType.BOOLEAN);
        } else {
            Expr e = expressions.generate(kind, aggregates, 2);
            item = e.containsAggregate() ? e : expressions.aggregate(kind, aggregates, 2).orElseThrow();
        }
        return new Select(false, List.of(new SelectItem(item, item.type().kind().letter() + "0")), from.items(), and(conditions),
                List.of(), Optional.empty(), Tail.NONE);
    }

    /**
     * One to {@value #MAX_RELATIONS} relations, joined in random ways or listed with commas. A
     * large table appears only at the top level, at most once, joined to at most one small
     * relation through an equality (anything else could take minutes).
     */
    From from() {
        boolean large = nesting == 0 && random.chance(LARGE_RELATION_CHANCE);
        int count = random.between(1, large ? 2 : MAX_RELATIONS);
        List<FromItem> items = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();
        Source current = relation(large);
        boolean readsLarge = current.item() instanceof FromItem.TableRef ref && isLargeTable(ref.table());
        List<Column> all = new ArrayList<>(current.columns());
        List<Column> merged = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            Source next = relation(false);
            if (large) {
                Optional<Expr> equi = equiCondition(current.columns(), next.columns());
                if (equi.isPresent()) {
                    current = new Source(new FromItem.Join(random.pick("INNER ", "LEFT ", "RIGHT ", "FULL ") + "JOIN", current.item(),
                            next.item(), equi, List.of()), concat(current.columns(), next.columns()));
                    all.addAll(next.columns());
                }
                continue;
            }
            if (random.chance(0.15)) {
                items.add(current.item());
                merged.addAll(current.merged());
                if (random.chance(0.75)) {
                    equiCondition(current.columns(), next.columns()).ifPresent(conditions::add);
                }
                current = next;
            } else {
                current = join(current, next);
            }
            all.addAll(next.columns());
        }
        items.add(current.item());
        merged.addAll(current.merged());
        Map<String, Integer> qualified = countNames(all);
        Map<String, Integer> unqualified = countNames(merged);
        List<Column> unambiguous = merged.stream().filter(c -> qualified.getOrDefault(c.name(), 0) == 2 && unqualified.get(c.name()) == 1)
                .toList();
        return new From(items, all, conditions, unambiguous, readsLarge);
    }

    private boolean isLargeTable(String name) {
        return schema.tables().stream().anyMatch(t -> t.isLarge() && t.name().equals(name));
    }

    private static List<Column> concat(List<Column> left, List<Column> right) {
        List<Column> columns = new ArrayList<>(left);
        columns.addAll(right);
        return columns;
    }

    private Source join(Source left, Source right) {
        List<Column> columns = concat(left.columns(), right.columns());
        List<String> shared = sharedNames(left.columns(), right.columns());
        String outer = random.pick("", "", "LEFT ", "LEFT ", "RIGHT ", "FULL ");
        int kind = random.weighted(70, 8, shared.isEmpty() ? 0 : 10, shared.isEmpty() ? 0 : 12);
        List<String> mergedNames = List.of();
        FromItem item;
        if (kind == 0) {
            Optional<Expr> equi = equiCondition(left.columns(), right.columns());
            boolean plainOuter = referenceSafe;
            if (plainOuter && !outer.isEmpty() && equi.isPresent()) {
                item = new FromItem.Join(outer + "JOIN", left.item(), right.item(), equi, List.of());
            } else {
                item = new FromItem.Join((outer.isEmpty() || plainOuter ? "INNER " : outer) + "JOIN", left.item(), right.item(),
                        Optional.of(onCondition(left.columns(), right.columns())), List.of());
            }
        } else if (kind == 2 && shared.size() == commonNames(left.columns(), right.columns()).size()) {
            item = new FromItem.Join("NATURAL " + outer + "JOIN", left.item(), right.item(), Optional.empty(), List.of());
            mergedNames = shared;
        } else if (kind == 3) {
            mergedNames = random.subset(shared, 1, 2);
            item = new FromItem.Join(outer + "JOIN", left.item(), right.item(), Optional.empty(), mergedNames);
        } else {
            item = new FromItem.Join("CROSS JOIN", left.item(), right.item(), Optional.empty(), List.of());
        }
        List<Column> merged = new ArrayList<>(concat(left.merged(), right.merged()));
        for (String name : mergedNames) {
            FuzzType l = left.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().type();
            FuzzType r = right.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().type();
            FuzzType.common(l, r, false).ifPresent(t -> merged.add(new Column("", name, t)));
        }
        return new Source(item, columns, merged);
    }

    /** An equality of a left and a comparable right column, sometimes with a further predicate over both sides. */
    private Expr onCondition(List<Column> left, List<Column> right) {
        List<Column> both = new ArrayList<>(left);
        both.addAll(right);
        ExprContext ctx = ExprContext.rows(both, List.of(), false);
        Optional<Expr> equi = random.chance(0.85) ? equiCondition(left, right) : Optional.empty();
        if (equi.isEmpty()) {
            return expressions.predicate(ctx, 2);
        }
        return random.chance(0.3) ? new Expr.Binary(Expr.Op.AND, equi.get(), expressions.predicate(ctx, 1), FuzzType.BOOLEAN) : equi.get();
    }

    private Optional<Expr> equiCondition(List<Column> left, List<Column> right) {
        List<Expr> pairs = new ArrayList<>();
        for (Column l : left) {
            for (Column r : right) {
                if (l.type().comparableWith(r.type())) {
                    pairs.add(new Expr.Binary(random.chance(NULL_SAFE_JOIN_CHANCE) ? Expr.Op.IS_NOT_DISTINCT_FROM : Expr.Op.EQ, l, r,
                            FuzzType.BOOLEAN));
                }
            }
        }
        return pairs.isEmpty() ? Optional.empty() : Optional.of(random.pick(pairs));
    }

    /** Column names that appear exactly once on each side (usable in USING; equal names have comparable types). */
    private static List<String> sharedNames(List<Column> left, List<Column> right) {
        Map<String, Integer> l = countNames(left);
        Map<String, Integer> r = countNames(right);
        return l.keySet().stream().filter(n -> l.get(n) == 1 && r.getOrDefault(n, 0) == 1).sorted().toList();
    }

    /** Column names that appear on both sides, however often (NATURAL joins on all of them). */
    private static List<String> commonNames(List<Column> left, List<Column> right) {
        Map<String, Integer> r = countNames(right);
        return countNames(left).keySet().stream().filter(r::containsKey).toList();
    }

    private static Map<String, Integer> countNames(List<Column> columns) {
        Map<String, Integer> counts = new HashMap<>();
        for (Column c : columns) {
            counts.merge(c.name(), 1, Integer::sum);
        }
        return counts;
    }

    /** A table or CTE under a fresh alias, or (sometimes) a derived table. */
    private Source relation(boolean largeAllowed) {
        String alias = "r" + aliases++;
        if (nesting < MAX_NESTING && random.chance(0.12)) {
            nesting++;
            QueryNode query = random.chance(0.2) ? setOperation(List.of(), List.of()) : select(List.of(), List.of());
            query = withTail(query, random.chance(0.3) ? tail(query.columns(), true) : Tail.NONE);
            nesting--;
            return new Source(new FromItem.Derived(query, alias), qualify(alias, query.columns()));
        }
        List<Relation> choices = new ArrayList<>();
        for (FuzzSchema.Table t : schema.tables()) {
            if (!t.isLarge() || largeAllowed) {
                choices.add(new Relation(t.name(), t.columns().stream().map(c -> new OutputColumn(c.name(), c.type())).toList()));
            }
        }
        choices.addAll(ctes);
        Relation r = random.pick(choices);
        return new Source(new FromItem.TableRef(r.name(), alias), qualify(alias, r.columns()));
    }

    private static List<Column> qualify(String alias, List<OutputColumn> columns) {
        return columns.stream().map(c -> new Column(alias, c.name(), c.type())).toList();
    }

    static Optional<Expr> and(List<Expr> conditions) {
        return conditions.stream().reduce((a, b) -> new Expr.Binary(Expr.Op.AND, a, b, FuzzType.BOOLEAN));
    }
}
