package dev.quiver.fuzz;

import dev.quiver.fuzz.Expr.Binary;
import dev.quiver.fuzz.Expr.Op;
import dev.quiver.fuzz.FuzzType.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates BOOLEAN expressions for {@link ExpressionGenerator}: comparisons, AND/OR/NOT, IS [NOT]
 * NULL/TRUE/FALSE/UNKNOWN, IS [NOT] DISTINCT FROM, BETWEEN, IN lists, LIKE/ILIKE, and the subquery
 * predicates EXISTS, IN, ANY/SOME/ALL and comparisons with scalar subqueries.
 */
final class PredicateGenerator {
    /** LIKE patterns: wildcards at either end, in the middle, alone, and none. */
    static final List<String> PATTERNS = List.of("a%", "%b", "%a%", "_", "__", "a_", "%", "", "A%", "%b%c", "a b", "_%", "%_%");

    private final FuzzRandom random;
    private final ExpressionGenerator expressions;
    private final ExpressionGenerator.Subqueries subqueries;

    PredicateGenerator(FuzzRandom random, ExpressionGenerator expressions, ExpressionGenerator.Subqueries subqueries) {
        this.random = random;
        this.expressions = expressions;
        this.subqueries = subqueries;
    }

    /** A BOOLEAN expression at most {@code depth} levels deep: comparisons, logic, NULL tests, ranges, lists, patterns and subqueries. */
    Expr predicate(ExprContext ctx, int depth) {
        if (depth <= 0) {
            return random.chance(0.7) ? comparison(ctx, 0) : expressions.leaf(Kind.BOOLEAN, ctx);
        }
        int d = depth - 1;
        int choice = random.weighted(30, 14, 5, 8, 5, 5, 6, 6, 5, ctx.subqueries() ? 12 : 0, 4);
        return switch (choice) {
            case 0 -> comparison(ctx, d);
            case 1 -> new Binary(random.pick(Op.AND, Op.OR), predicate(ctx, d), predicate(ctx, d), FuzzType.BOOLEAN);
            case 2 -> new Expr.Unary("NOT", predicate(ctx, d), FuzzType.BOOLEAN);
            case 3 -> new Expr.IsTest(expressions.generate(expressions.anyKind(), ctx, d), random.pick("NULL", "NOT NULL"));
            case 4 -> new Expr.IsTest(predicate(ctx, d), random.pick("TRUE", "FALSE", "UNKNOWN", "NOT TRUE", "NOT FALSE", "NOT UNKNOWN"));
            case 5 -> {
                Kind k = expressions.comparableKind();
                yield new Binary(random.pick(Op.IS_DISTINCT_FROM, Op.IS_NOT_DISTINCT_FROM), expressions.generate(k, ctx, d),
                        expressions.generate(expressions.similarKind(k), ctx, d), FuzzType.BOOLEAN);
            }
            case 6 -> {
                Kind k = expressions.comparableKind();
                yield new Expr.Between(expressions.generate(k, ctx, d), expressions.generate(expressions.similarKind(k), ctx, d),
                        expressions.generate(expressions.similarKind(k), ctx, d), random.chance(0.3));
            }
            case 7 -> inList(ctx, d);
            case 8 -> like(ctx, d);
            case 9 -> subqueryPredicate(ctx, d);
            default -> expressions.leaf(Kind.BOOLEAN, ctx);
        };
    }

    /** {@code a op b} over two comparable expressions. */
    Expr comparison(ExprContext ctx, int depth) {
        Kind k = expressions.comparableKind();
        return new Binary(random.pick(Op.COMPARISONS), expressions.generate(k, ctx, depth),
                expressions.generate(expressions.similarKind(k), ctx, depth), FuzzType.BOOLEAN);
    }

    /** {@code x [NOT] IN (items)}; the items hold no subqueries (DuckDB misreads {@code IN ((a = ANY (subquery)))}). */
    private Expr inList(ExprContext ctx, int d) {
        Kind k = expressions.comparableKind();
        List<Expr> items = new ArrayList<>();
        int n = random.between(1, 4);
        for (int i = 0; i < n; i++) {
            Kind item = expressions.similarKind(k);
            items.add(random.chance(0.7) ? expressions.literal(item) : expressions.generate(item, ctx.withoutSubqueries(), Math.min(d, 1)));
        }
        return new Expr.InList(expressions.generate(k, ctx, d), items, random.chance(0.3));
    }

    private Expr like(ExprContext ctx, int d) {
        Expr pattern = random.chance(0.8) ? new Expr.Literal(random.pick(PATTERNS), FuzzType.VARCHAR) : expressions.generate(Kind.VARCHAR, ctx, 0);
        return new Binary(random.pick(Op.LIKE, Op.LIKE, Op.NOT_LIKE, Op.ILIKE, Op.NOT_ILIKE), expressions.generate(Kind.VARCHAR, ctx, d), pattern,
                FuzzType.BOOLEAN);
    }

    /** EXISTS, IN, a quantified comparison, or a comparison with a scalar subquery; correlated when the subquery refers to a visible column. */
    private Expr subqueryPredicate(ExprContext ctx, int d) {
        List<Expr.Column> outer = ctx.visibleToSubquery();
        Kind k = expressions.comparableKind();
        return switch (random.between(0, 3)) {
            case 0 -> new Expr.Exists(subqueries.subquery(outer, expressions.anyKind(), false, d), random.chance(0.4));
            case 1 -> new Expr.InSubquery(expressions.generate(k, ctx.withoutSubqueries(), d), subqueries.subquery(outer, k, false, d),
                    random.chance(0.4));
            case 2 -> new Expr.Quantified(expressions.generate(k, ctx.withoutSubqueries(), d), random.pick(Op.COMPARISONS),
                    random.pick("ANY", "ALL", "SOME"), subqueries.subquery(outer, k, false, d));
            default -> new Binary(random.pick(Op.COMPARISONS), expressions.generate(k, ctx.withoutSubqueries(), d),
                    new Expr.ScalarSubquery(subqueries.subquery(outer, k, true, d)), FuzzType.BOOLEAN);
        };
    }
}
