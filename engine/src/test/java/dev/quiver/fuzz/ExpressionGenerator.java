package dev.quiver.fuzz;

import dev.quiver.fuzz.Expr.Binary;
import dev.quiver.fuzz.Expr.Call;
import dev.quiver.fuzz.Expr.Op;
import dev.quiver.fuzz.FuzzType.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates well-typed scalar expressions of a requested kind: columns, literals, arithmetic,
 * comparisons, three-valued logic, CASE, casts, string, date and math functions, aggregates and
 * subqueries of every kind (through {@link Subqueries}).
 *
 * <p>It generates only SQL whose meaning is the same in PostgreSQL (which Quiver follows) and
 * DuckDB. The differences it steers around, besides those {@link ValueGenerator} avoids through
 * its value domains and {@link Dialect} spells differently:
 *
 * <ul>
 *   <li>divisors are wrapped in {@code NULLIF(d, 0)}: PostgreSQL fails on division by zero, DuckDB's
 *       {@code /} returns infinity;
 *   <li>no DECIMAL division: DuckDB returns a DOUBLE, PostgreSQL and Quiver a DECIMAL of a fixed scale;
 *       no {@code %} on DOUBLE (PostgreSQL has none);
 *   <li>{@code round} only of DECIMALs: DuckDB rounds a DOUBLE's ties away from zero, PostgreSQL to even;
 *       {@code sqrt}, {@code power} and {@code sign} only of DOUBLEs (PostgreSQL's NUMERIC versions
 *       compute to other precisions), {@code sqrt} only of {@code abs(x)}, {@code power} only to
 *       small integer exponents;
 *   <li>casts from VARCHAR only of text that a cast to VARCHAR produced (DuckDB reads '1.5' as the
 *       INTEGER 2, PostgreSQL fails); no cast of a DOUBLE to VARCHAR (DuckDB writes 1.0, PostgreSQL 1)
 *       or to DECIMAL (PostgreSQL rounds through 15 significant digits);
 *   <li>{@code substring}, {@code left} and {@code right} only with non-negative literal positions and
 *       lengths (DuckDB counts negative positions from the end);
 *   <li>DATE arithmetic only with INTEGER (DuckDB has no DATE + BIGINT); no {@code date_trunc}
 *       (PostgreSQL returns a TIMESTAMP for a DATE, and Quiver takes only TIMESTAMPs);
 *   <li>no {@code min}/{@code max} of BOOLEAN (PostgreSQL has none); {@code ||} only of VARCHAR with
 *       VARCHAR, INTEGER, BIGINT or DATE (DOUBLE text differs, see above);
 *   <li>{@code length}, {@code strpos}, EXTRACT and DATE - DATE are typed BIGINT here (DuckDB's type;
 *       Quiver's INTEGER would otherwise be added to a DATE, which DuckDB rejects);
 *   <li>scalar subqueries are aggregates without GROUP BY, so they return one row (both engines
 *       fail on more, but whether a failing subquery is evaluated at all depends on the plan);
 *   <li>a DECIMAL is cast to a DECIMAL of its own scale before a cast to VARCHAR: PostgreSQL's
 *       NUMERIC values keep their own scales through CASE, COALESCE and NULLIF, the other engines
 *       give such an expression one scale;
 *   <li>no CASE, COALESCE, NULLIF or set operation over DECIMALs that together need more than 38
 *       digits (DuckDB then drops fractional digits); DECIMAL types are tracked as DuckDB widens
 *       them ({@link #product}, ceil/floor/round keeping the precision);
 *   <li>no integer arithmetic or cast that could overflow ({@link Magnitude}): PostgreSQL and DuckDB
 *       often skip evaluating expressions for rows that cannot reach the result (the inner side of
 *       a join whose outer side is empty), Quiver does not, and SQL leaves that open;
 *   <li>IN-list items hold no subqueries (DuckDB misparses {@code x IN ((y = ANY (subquery)))});
 *   <li>no {@code avg} of DECIMALs: PostgreSQL's is an exact NUMERIC, Quiver's and DuckDB's a DOUBLE
 *       rounded from the exact sum in ways that differ in the last bit (DuckDB's even between its
 *       own plans), so equal averages could be told apart by DISTINCT and set operations.
 * </ul>
 *
 * {@link QueryGenerator} lists the differences it steers around in the shape of queries.
 */
final class ExpressionGenerator {
    /** Chance that an expression below the top is a leaf: keeps expressions a few levels deep. */
    static final double LEAF_CHANCE = 0.35;
    /** Chance that an expression where aggregates are allowed is one. */
    static final double AGGREGATE_CHANCE = 0.45;
    /** Chance that a column reference reaches an outer query when one is visible (correlation). */
    static final double OUTER_CHANCE = 0.3;
    /** Chance that a literal is a NULL. */
    static final double NULL_LITERAL_CHANCE = 0.06;
    /** Precision of the DECIMAL a decimal expression is cast to before text: 20 integer digits hold any generated value. */
    static final int TEXT_DECIMAL_PRECISION = 30;
    /** DECIMAL literal types: small, so literals combine with columns without exceeding 38 digits. */
    static final List<FuzzType> DECIMAL_LITERALS = List.of(FuzzType.decimal(4, 1), FuzzType.decimal(5, 2), FuzzType.decimal(3, 0),
            FuzzType.decimal(6, 3));

    /** Makes the subqueries expressions contain; implemented by {@link QueryGenerator}. */
    interface Subqueries {
        /**
         * A query of one column of kind {@code kind} over fresh relations that may refer to
         * {@code outer}; when {@code scalar}, it returns exactly one row (an aggregate without GROUP BY).
         */
        QueryNode subquery(List<Expr.Column> outer, Kind kind, boolean scalar, int depth);
    }

    private final FuzzRandom random;
    private final ValueGenerator values;
    private final Subqueries subqueries;
    private final PredicateGenerator predicates;

    ExpressionGenerator(FuzzRandom random, Subqueries subqueries) {
        this.random = random;
        this.values = new ValueGenerator(random);
        this.subqueries = subqueries;
        this.predicates = new PredicateGenerator(random, this, subqueries);
    }

    /** An expression of {@code kind}, at most {@code depth} levels deep. */
    Expr generate(Kind kind, ExprContext ctx, int depth) {
        if (ctx.aggregates() && kind != Kind.BOOLEAN && random.chance(AGGREGATE_CHANCE)) {
            Optional<Expr> aggregate = aggregate(kind, ctx, depth);
            if (aggregate.isPresent()) {
                return aggregate.get();
            }
        }
        if (depth <= 0 || random.chance(LEAF_CHANCE)) {
            return leaf(kind, ctx);
        }
        int d = depth - 1;
        Expr e = random.chance(0.08) ? conditional(kind, ctx, d) : switch (kind) {
            case BOOLEAN -> predicate(ctx, depth);
            case INTEGER, BIGINT -> integer(kind, ctx, d);
            case DOUBLE -> floating(ctx, d);
            case DECIMAL -> decimal(ctx, d);
            case VARCHAR -> string(ctx, d);
            case DATE -> date(ctx, d);
        };
        return Magnitude.fits(e, e.type()) ? e : leaf(kind, ctx);
    }

    /** A BOOLEAN expression: comparisons, logic, NULL tests, ranges, lists, patterns and subqueries. */
    Expr predicate(ExprContext ctx, int depth) {
        return predicates.predicate(ctx, depth);
    }

    private Expr integer(Kind kind, ExprContext ctx, int d) {
        FuzzType type = kind == Kind.BIGINT ? FuzzType.BIGINT : FuzzType.INTEGER;
        int choice = random.weighted(30, 10, 6, 6, 8, 8, kind == Kind.BIGINT ? 12 : 0, ctx.subqueries() ? 5 : 0);
        switch (choice) {
            case 0: {
                Expr a = generate(kind, ctx, d);
                Expr b = generate(kind == Kind.BIGINT ? random.pick(Kind.INTEGER, Kind.BIGINT) : Kind.INTEGER, ctx, d);
                return new Binary(random.pick(Op.PLUS, Op.MINUS, Op.TIMES), a, b, type);
            }
            case 1: {
                Expr a = generate(kind, ctx, d);
                Expr b = nonZero(generate(kind == Kind.BIGINT ? random.pick(Kind.INTEGER, Kind.BIGINT) : Kind.INTEGER, ctx, d));
                return random.chance(0.8) ? new Binary(random.pick(Op.DIVIDE, Op.MODULO), a, b, type) : new Call("mod", List.of(a, b), type);
            }
            case 2:
                return new Expr.Unary("-", generate(kind, ctx, d), type);
            case 3:
                return new Call("abs", List.of(generate(kind, ctx, d)), type);
            case 4: {
                Expr source = castSource(kind, ctx, d);
                return Magnitude.fits(source, type) ? new Expr.Cast(source, type) : leaf(kind, ctx);
            }
            case 5:
                return new Call(random.pick("coalesce", "nullif"), List.of(generate(kind, ctx, d), generate(kind, ctx, d)), type);
            case 6:
                return bigintFunction(ctx, d);
            default:
                return new Expr.ScalarSubquery(subqueries.subquery(ctx.visibleToSubquery(), kind, true, d));
        }
    }

    /** Functions of other types that return an integer (typed BIGINT, see the class comment). */
    private Expr bigintFunction(ExprContext ctx, int d) {
        return switch (random.between(0, 4)) {
            case 0 -> new Call("length", List.of(generate(Kind.VARCHAR, ctx, d)), FuzzType.BIGINT);
            case 1 -> new Call("strpos", List.of(generate(Kind.VARCHAR, ctx, d), generate(Kind.VARCHAR, ctx, 0)), FuzzType.BIGINT);
            case 2 -> new Expr.KeywordCall("POSITION", "", List.of(generate(Kind.VARCHAR, ctx, 0), generate(Kind.VARCHAR, ctx, d)),
                    List.of("IN"), FuzzType.BIGINT);
            case 3 -> new Expr.Extract(random.pick("YEAR", "MONTH", "DAY"), generate(Kind.DATE, ctx, d));
            default -> new Binary(Op.MINUS, generate(Kind.DATE, ctx, d), generate(Kind.DATE, ctx, d), FuzzType.BIGINT);
        };
    }

    /**
     * The operand of a cast to an integer: another numeric type, a BOOLEAN (to INTEGER only:
     * PostgreSQL has no cast of BOOLEAN to BIGINT), or text made from an integer. Not a BIGINT,
     * whose values beyond INTEGER's range would fail in one engine and not in the other,
     * depending on which rows each evaluates the cast for.
     */
    private Expr castSource(Kind kind, ExprContext ctx, int d) {
        return switch (random.between(0, 3)) {
            case 0 -> generate(random.pick(Kind.INTEGER, Kind.DECIMAL), ctx, d);
            case 1 -> generate(Kind.DOUBLE, ctx, d);
            case 2 -> generate(kind == Kind.INTEGER ? Kind.BOOLEAN : Kind.INTEGER, ctx, d);
            default -> new Expr.Cast(generate(Kind.INTEGER, ctx, d), FuzzType.VARCHAR);
        };
    }

    private Expr floating(ExprContext ctx, int d) {
        FuzzType t = FuzzType.DOUBLE;
        return switch (random.weighted(30, 8, 6, 6, 4, 4, 8, 8, 6)) {
            case 0 -> new Binary(random.pick(Op.PLUS, Op.MINUS, Op.TIMES), generate(Kind.DOUBLE, ctx, d), generate(numericKind(), ctx, d), t);
            case 1 -> new Binary(Op.DIVIDE, generate(Kind.DOUBLE, ctx, d), nonZero(generate(numericKind(), ctx, d)), t);
            case 2 -> new Expr.Unary("-", generate(Kind.DOUBLE, ctx, d), t);
            case 3 -> new Call(random.pick("abs", "ceil", "floor", "sign"), List.of(generate(Kind.DOUBLE, ctx, d)), t);
            case 4 -> new Call("sqrt", List.of(new Call("abs", List.of(generate(Kind.DOUBLE, ctx, d)), t)), t);
            case 5 -> new Call("power", List.of(generate(Kind.DOUBLE, ctx, d), new Expr.Literal(random.between(0, 3), FuzzType.INTEGER)), t);
            case 6 -> new Expr.Cast(generate(random.pick(Kind.INTEGER, Kind.BIGINT, Kind.DECIMAL), ctx, d), t);
            case 7 -> new Call(random.pick("coalesce", "nullif"), List.of(generate(Kind.DOUBLE, ctx, d), generate(Kind.DOUBLE, ctx, d)), t);
            default -> ctx.subqueries() ? new Expr.ScalarSubquery(subqueries.subquery(ctx.visibleToSubquery(), Kind.DOUBLE, true, d))
                    : leaf(Kind.DOUBLE, ctx);
        };
    }

    private Expr decimal(ExprContext ctx, int d) {
        Expr a = generate(Kind.DECIMAL, ctx, d);
        FuzzType at = a.type();
        switch (random.weighted(30, 10, 6, 8, 8, 6, 8, 6, 6)) {
            case 0: {
                Expr b = generate(random.pick(Kind.DECIMAL, Kind.INTEGER), ctx, d);
                Op op = random.pick(Op.PLUS, Op.MINUS, Op.TIMES);
                Optional<FuzzType> type = op == Op.TIMES ? product(at, b.type()) : FuzzType.common(at, b.type(), true);
                return type.<Expr>map(t -> random.chance(0.5) ? new Binary(op, a, b, t) : new Binary(op, b, a, t)).orElse(a);
            }
            case 1: {
                Expr b = nonZero(generate(random.pick(Kind.DECIMAL, Kind.INTEGER), ctx, d));
                return FuzzType.common(at, b.type(), false).<Expr>map(t -> new Binary(Op.MODULO, a, b, t)).orElse(a);
            }
            case 2:
                return new Expr.Unary("-", a, at);
            case 3: {
                String f = random.pick("abs", "ceil", "floor");
                return new Call(f, List.of(a), f.equals("abs") || at.scale() == 0 ? at : integral(at));
            }
            case 4: {
                int digits = random.between(0, at.scale());
                return random.chance(0.3) ? new Call("round", List.of(a), integral(at))
                        : new Call("round", List.of(a, new Expr.Literal(digits, FuzzType.INTEGER)), FuzzType.decimal(
                                Math.min(FuzzType.MAX_DECIMAL_PRECISION, at.precision() + 1), digits));
            }
            case 5:
                return new Call("sign", List.of(a), FuzzType.decimal(1, 0));
            case 6: {
                FuzzType target = random.pick(TableGenerator.DECIMALS);
                Expr number = random.chance(0.7) ? a : generate(Kind.INTEGER, ctx, d);
                Expr source = number == a && random.chance(0.3) ? new Expr.Cast(a, FuzzType.VARCHAR) : number;
                return Magnitude.fits(number, target) ? new Expr.Cast(source, target) : a;
            }
            case 7: {
                Expr b = generate(Kind.DECIMAL, ctx, d);
                String f = random.pick("coalesce", "nullif");
                // NULLIF returns its first argument: DuckDB types it so
                return FuzzType.common(at, b.type(), false).<Expr>map(t -> new Call(f, List.of(a, b), f.equals("nullif") ? at : t)).orElse(a);
            }
            default:
                return ctx.subqueries() ? new Expr.ScalarSubquery(subqueries.subquery(ctx.visibleToSubquery(), Kind.DECIMAL, true, d)) : a;
        }
    }

    /**
     * The type of ceil, floor or round of a DECIMAL as DuckDB types it: the same precision, no
     * fraction (Quiver's is narrower). Tracking the wider type matters: DuckDB caps a set
     * operation's or CASE's DECIMAL at 38 digits by dropping fractional digits, so the generator
     * must know when a combination would exceed them.
     */
    private static FuzzType integral(FuzzType t) {
        return FuzzType.decimal(t.precision(), 0);
    }

    /** DECIMAL(p1 + p2, s1 + s2) for a product of exact numbers (DOUBLE if either is), empty past 38 digits. */
    static Optional<FuzzType> product(FuzzType a, FuzzType b) {
        if (a.kind() == Kind.DOUBLE || b.kind() == Kind.DOUBLE) {
            return Optional.of(FuzzType.DOUBLE);
        }
        FuzzType x = a.asDecimal();
        FuzzType y = b.asDecimal();
        int precision = x.precision() + y.precision();
        return precision > FuzzType.MAX_DECIMAL_PRECISION ? Optional.empty() : Optional.of(FuzzType.decimal(precision, x.scale() + y.scale()));
    }

    private Expr string(ExprContext ctx, int d) {
        FuzzType t = FuzzType.VARCHAR;
        return switch (random.weighted(20, 8, 8, 8, 6, 4, 6, 6, 6, 8, 6, 4)) {
            case 0 -> new Binary(Op.CONCAT, generate(Kind.VARCHAR, ctx, d),
                    generate(random.chance(0.7) ? Kind.VARCHAR : random.pick(Kind.INTEGER, Kind.BIGINT, Kind.DATE), ctx, d), t);
            case 1 -> new Call(random.pick("upper", "lower", "reverse"), List.of(generate(Kind.VARCHAR, ctx, d)), t);
            case 2 -> random.chance(0.5)
                    ? new Call("substring", List.of(generate(Kind.VARCHAR, ctx, d), smallInt(1, 4), smallInt(0, 4)), t)
                    : new Expr.KeywordCall("SUBSTRING", "", List.of(generate(Kind.VARCHAR, ctx, d), smallInt(1, 4), smallInt(0, 3)),
                            List.of("FROM", "FOR"), t);
            case 3 -> new Call(random.pick("left", "right"), List.of(generate(Kind.VARCHAR, ctx, d), smallInt(0, 4)), t);
            case 4 -> new Call("replace", List.of(generate(Kind.VARCHAR, ctx, d), literal(Kind.VARCHAR), literal(Kind.VARCHAR)), t);
            case 5 -> new Call(random.pick("trim", "ltrim", "rtrim"), List.of(generate(Kind.VARCHAR, ctx, d)), t);
            case 6 -> new Expr.KeywordCall("TRIM", random.pick("BOTH ", "LEADING ", "TRAILING "),
                    List.of(new Expr.Literal(random.pick("a", " ", "ab", "x"), t), generate(Kind.VARCHAR, ctx, d)), List.of("FROM"), t);
            case 7 -> new Call("concat", List.of(generate(Kind.VARCHAR, ctx, d), generate(Kind.VARCHAR, ctx, d)), t);
            case 8 -> new Call("concat_ws", List.of(new Expr.Literal(random.pick(",", "", "-"), t), generate(Kind.VARCHAR, ctx, d),
                    generate(Kind.VARCHAR, ctx, d)), t);
            case 9 -> new Expr.Cast(textSource(generate(random.pick(Kind.INTEGER, Kind.BIGINT, Kind.DECIMAL, Kind.DATE, Kind.BOOLEAN), ctx, d)), t);
            case 10 -> new Call(random.pick("coalesce", "nullif"), List.of(generate(Kind.VARCHAR, ctx, d), generate(Kind.VARCHAR, ctx, d)), t);
            default -> ctx.subqueries() ? new Expr.ScalarSubquery(subqueries.subquery(ctx.visibleToSubquery(), Kind.VARCHAR, true, d))
                    : leaf(Kind.VARCHAR, ctx);
        };
    }

    /**
     * The operand of a cast to VARCHAR: a DECIMAL is first cast to a DECIMAL of its own scale, so
     * that its text has that scale in every engine. (PostgreSQL's NUMERIC values carry their own
     * scales through CASE, COALESCE and NULLIF, while Quiver and DuckDB give such an expression
     * one scale, each its own; an explicit scale is the same everywhere.)
     */
    private static Expr textSource(Expr e) {
        if (e.type().kind() != Kind.DECIMAL) {
            return e;
        }
        FuzzType fixed = FuzzType.decimal(TEXT_DECIMAL_PRECISION, Math.min(e.type().scale(), TEXT_DECIMAL_PRECISION - 20));
        return e instanceof Expr.Column || e instanceof Expr.Literal ? e : new Expr.Cast(e, fixed);
    }

    private Expr date(ExprContext ctx, int d) {
        FuzzType t = FuzzType.DATE;
        return switch (random.weighted(30, 10, 10, 6)) {
            case 0 -> new Binary(random.pick(Op.PLUS, Op.MINUS), generate(Kind.DATE, ctx, d),
                    random.chance(0.6) ? smallInt(-40, 400) : leaf(Kind.INTEGER, ctx), t);
            case 1 -> new Call(random.pick("coalesce", "nullif"), List.of(generate(Kind.DATE, ctx, d), generate(Kind.DATE, ctx, d)), t);
            case 2 -> new Expr.Cast(new Expr.Cast(generate(Kind.DATE, ctx, d), FuzzType.VARCHAR), t);
            default -> ctx.subqueries() ? new Expr.ScalarSubquery(subqueries.subquery(ctx.visibleToSubquery(), Kind.DATE, true, d))
                    : leaf(Kind.DATE, ctx);
        };
    }

    /** A CASE (searched or simple) whose results are all of {@code kind}. */
    private Expr conditional(Kind kind, ExprContext ctx, int d) {
        List<Expr.When> whens = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        boolean simple = random.chance(0.3);
        Kind operandKind = comparableKind();
        Optional<Expr> operand = simple ? Optional.of(generate(operandKind, ctx, d)) : Optional.empty();
        int n = random.between(1, 3);
        for (int i = 0; i < n; i++) {
            Expr result = generate(kind, ctx, d);
            results.add(result);
            whens.add(new Expr.When(simple ? generate(similarKind(operandKind), ctx, d) : predicate(ctx, d), result));
        }
        Optional<Expr> otherwise = random.chance(0.6) ? Optional.of(generate(kind, ctx, d)) : Optional.empty();
        otherwise.ifPresent(results::add);
        Optional<FuzzType> type = Optional.of(results.get(0).type());
        for (Expr r : results.subList(1, results.size())) {
            type = type.flatMap(x -> FuzzType.common(x, r.type(), false));
        }
        return type.<Expr>map(x -> new Expr.Case(operand, whens, otherwise, x)).orElse(results.get(0));
    }

    /**
     * An aggregate returning {@code kind}: count of anything (BIGINT), sum, avg (DOUBLE, in Quiver
     * and DuckDB alike), min and max; its argument uses the query's own rows only.
     */
    Optional<Expr> aggregate(Kind kind, ExprContext ctx, int depth) {
        ExprContext arg = ctx.aggregateArgument();
        int d = Math.max(0, depth - 1);
        boolean distinct = random.chance(0.2);
        switch (kind) {
            case BIGINT:
                return Optional.of(random.chance(0.4) ? new Expr.Aggregate("count", false, Optional.empty(), FuzzType.BIGINT)
                        : new Expr.Aggregate("count", distinct, Optional.of(generate(anyKind(), arg, d)), FuzzType.BIGINT));
            case DOUBLE: {
                if (random.chance(0.5)) {
                    Kind averaged = random.pick(Kind.INTEGER, Kind.BIGINT, Kind.DOUBLE);
                    return Optional.of(new Expr.Aggregate("avg", distinct, Optional.of(generate(averaged, arg, d)), FuzzType.DOUBLE));
                }
                return Optional.of(new Expr.Aggregate(random.pick("sum", "min", "max"), distinct,
                        Optional.of(generate(Kind.DOUBLE, arg, d)), FuzzType.DOUBLE));
            }
            case DECIMAL: {
                if (random.chance(0.5)) {
                    Expr x = generate(random.pick(Kind.DECIMAL, Kind.INTEGER, Kind.BIGINT), arg, d);
                    int scale = x.type().kind() == Kind.DECIMAL ? x.type().scale() : 0;
                    return Optional.of(new Expr.Aggregate("sum", distinct, Optional.of(x), FuzzType.decimal(FuzzType.MAX_DECIMAL_PRECISION, scale)));
                }
                Expr x = generate(Kind.DECIMAL, arg, d);
                return Optional.of(new Expr.Aggregate(random.pick("min", "max"), distinct, Optional.of(x), x.type()));
            }
            case INTEGER: case VARCHAR: case DATE: {
                Expr x = generate(kind, arg, d);
                return Optional.of(new Expr.Aggregate(random.pick("min", "max"), distinct, Optional.of(x), x.type()));
            }
            default:
                return Optional.empty();
        }
    }

    /** A column of {@code kind} (sometimes an outer one), else a literal. */
    Expr leaf(Kind kind, ExprContext ctx) {
        List<Expr.Column> local = ctx.columns().stream().filter(c -> c.type().kind() == kind).toList();
        List<Expr.Column> outer = ctx.outer().stream().filter(c -> c.type().kind() == kind).toList();
        if (!outer.isEmpty() && random.chance(OUTER_CHANCE)) {
            return random.pick(outer);
        }
        if (!local.isEmpty() && random.chance(0.8)) {
            return random.pick(local);
        }
        return literal(kind);
    }

    Expr.Literal literal(Kind kind) {
        FuzzType type = switch (kind) {
            case BOOLEAN -> FuzzType.BOOLEAN;
            case INTEGER -> FuzzType.INTEGER;
            case BIGINT -> FuzzType.BIGINT;
            case DOUBLE -> FuzzType.DOUBLE;
            case DECIMAL -> random.pick(DECIMAL_LITERALS);
            case VARCHAR -> FuzzType.VARCHAR;
            case DATE -> FuzzType.DATE;
        };
        return values.literal(type, NULL_LITERAL_CHANCE);
    }

    private Expr.Literal smallInt(int low, int high) {
        return new Expr.Literal(random.between(low, high), FuzzType.INTEGER);
    }

    /** {@code NULLIF(e, 0)}: a divisor that is never zero. */
    private static Expr nonZero(Expr e) {
        return new Call("nullif", List.of(e, new Expr.Literal(0, FuzzType.INTEGER)), e.type());
    }

    Kind anyKind() {
        return random.pick(Kind.values());
    }

    /** A kind to compare: integers most often. */
    Kind comparableKind() {
        return random.pick(Kind.INTEGER, Kind.INTEGER, Kind.BIGINT, Kind.DOUBLE, Kind.DECIMAL, Kind.VARCHAR, Kind.VARCHAR, Kind.DATE,
                Kind.BOOLEAN);
    }

    /** {@code kind}, or for a number sometimes another numeric kind (comparisons across numeric types). */
    Kind similarKind(Kind kind) {
        return kind == Kind.INTEGER || kind == Kind.BIGINT || kind == Kind.DOUBLE || kind == Kind.DECIMAL ? (random.chance(0.3)
                ? numericKind() : kind) : kind;
    }

    Kind numericKind() {
        return random.pick(Kind.INTEGER, Kind.INTEGER, Kind.BIGINT, Kind.DOUBLE, Kind.DECIMAL);
    }
}
