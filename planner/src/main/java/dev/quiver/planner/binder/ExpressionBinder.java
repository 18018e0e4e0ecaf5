package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ArithmeticBinary;
import dev.quiver.parser.ast.ArithmeticOperator;
import dev.quiver.parser.ast.ArithmeticUnary;
import dev.quiver.parser.ast.Between;
import dev.quiver.parser.ast.BooleanLiteral;
import dev.quiver.parser.ast.Case;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.Comparison;
import dev.quiver.parser.ast.ComparisonOperator;
import dev.quiver.parser.ast.Concatenation;
import dev.quiver.parser.ast.Exists;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Extract;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.parser.ast.InList;
import dev.quiver.parser.ast.InSubquery;
import dev.quiver.parser.ast.IntervalLiteral;
import dev.quiver.parser.ast.IsNull;
import dev.quiver.parser.ast.IsTruth;
import dev.quiver.parser.ast.Like;
import dev.quiver.parser.ast.LogicalBinary;
import dev.quiver.parser.ast.LogicalOperator;
import dev.quiver.parser.ast.Not;
import dev.quiver.parser.ast.NullLiteral;
import dev.quiver.parser.ast.NumericLiteral;
import dev.quiver.parser.ast.Parameter;
import dev.quiver.parser.ast.QuantifiedComparison;
import dev.quiver.parser.ast.ScalarSubquery;
import dev.quiver.parser.ast.StringLiteral;
import dev.quiver.parser.ast.TypedLiteral;
import dev.quiver.parser.ast.WhenClause;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.DecimalTypeRules;
import dev.quiver.planner.type.Interval;
import dev.quiver.planner.type.TypeCoercion;
import dev.quiver.planner.type.TypeId;
import dev.quiver.planner.type.TypeNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Binds AST expressions to typed {@link Expr}s in a {@link Scope}: resolves names, types literals,
 * resolves operators and functions, and makes every implicit conversion an explicit cast.
 *
 * <p>Typing follows PostgreSQL: a string literal takes the type the context needs (and is parsed
 * now, so a bad one is reported with its position); integer literals are INTEGER or BIGINT by size
 * and meet decimals as exact DECIMAL(digits, 0); decimal arithmetic is exact with the precision
 * rules of {@link DecimalTypeRules}.
 *
 * <p>An optional {@link Interceptor} sees every node first; the aggregation binder uses it to turn
 * grouping expressions and aggregates into references to the aggregation's outputs.
 */
final class ExpressionBinder {
    /** Replaces a node before normal binding, or declines with empty. */
    @FunctionalInterface
    interface Interceptor {
        Optional<Expr> intercept(Expression node);
    }

    private static final Set<String> EXTRACT_FIELDS = Set.of("year", "quarter", "month", "week", "day", "dow", "isodow",
            "doy", "hour", "minute", "second", "epoch", "millennium", "century", "decade", "isoyear");

    private final Scope scope;
    private final String clause;
    private final Optional<Interceptor> interceptor;
    private final Optional<SubqueryBinder> subqueries;

    ExpressionBinder(Scope scope, String clause) {
        this(scope, clause, Optional.empty(), Optional.empty());
    }

    ExpressionBinder(Scope scope, String clause, Optional<Interceptor> interceptor, Optional<SubqueryBinder> subqueries) {
        this.scope = requireNonNull(scope, "scope");
        this.clause = requireNonNull(clause, "clause");
        this.interceptor = requireNonNull(interceptor, "interceptor");
        this.subqueries = requireNonNull(subqueries, "subqueries");
    }

    /** The same binder, planning subqueries through {@code planner} (without one, a subquery is an error). */
    ExpressionBinder withSubqueries(SubqueryBinder planner) {
        return new ExpressionBinder(scope, clause, interceptor, Optional.of(planner));
    }

    private SubqueryBinder subqueries(int at) {
        return subqueries.orElseThrow(() -> new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                "subqueries are not allowed in " + clause).attachPosition(at));
    }

    /** Binds an expression used as a condition: it must be BOOLEAN (a NULL literal counts as one). */
    Expr bindPredicate(Expression node) {
        Expr e = bind(node);
        return requireBoolean(e, "argument of " + clause, node.span().start());
    }

    Expr bind(Expression node) {
        if (interceptor.isPresent()) {
            Optional<Expr> replaced = interceptor.get().intercept(node);
            if (replaced.isPresent()) {
                return replaced.get();
            }
        }
        int at = node.span().start();
        if (node instanceof ColumnReference ref) {
            return scope.resolve(ref);
        }
        if (node instanceof NumericLiteral n) {
            return numericLiteral(n.text(), at);
        }
        if (node instanceof StringLiteral s) {
            return Literal.of(s.value(), DataType.VARCHAR);
        }
        if (node instanceof BooleanLiteral b) {
            return Literal.ofBoolean(b.value());
        }
        if (node instanceof NullLiteral) {
            return Literal.nullOf(DataType.UNKNOWN);
        }
        if (node instanceof TypedLiteral t) {
            DataType type = TypeNames.resolve(t.type());
            return Coercions.to(Literal.of(t.value(), DataType.VARCHAR), type, at);
        }
        if (node instanceof IntervalLiteral i) {
            try {
                return Literal.of(IntervalLiterals.of(i.value(), i.field(), i.negative()), DataType.INTERVAL);
            } catch (QuiverException e) {
                throw e.attachPosition(at);
            }
        }
        if (node instanceof ArithmeticBinary a) {
            return arithmeticCall(function(a.operator()), bind(a.left()), a.left().span().start(), bind(a.right()),
                    a.right().span().start(), at);
        }
        if (node instanceof ArithmeticUnary u) {
            return unary(u, at);
        }
        if (node instanceof Concatenation c) {
            return concatenation(bind(c.left()), bind(c.right()), at);
        }
        if (node instanceof Comparison c) {
            return comparison(c.operator(), bind(c.left()), c.left().span().start(), bind(c.right()), c.right().span().start(), at);
        }
        if (node instanceof LogicalBinary l) {
            String name = l.operator().name();
            Expr left = requireBoolean(bind(l.left()), "argument of " + name, l.left().span().start());
            Expr right = requireBoolean(bind(l.right()), "argument of " + name, l.right().span().start());
            return l.operator() == LogicalOperator.AND ? Exprs.and(List.of(left, right)) : Exprs.or(List.of(left, right));
        }
        if (node instanceof Not n) {
            return not(requireBoolean(bind(n.value()), "argument of NOT", n.value().span().start()));
        }
        if (node instanceof IsTruth t) {
            return isTruth(t, at);
        }
        if (node instanceof IsNull n) {
            return new Call(n.negated() ? Function.IS_NOT_NULL : Function.IS_NULL, List.of(bind(n.value())), DataType.BOOLEAN, at);
        }
        if (node instanceof Between b) {
            return between(b, at);
        }
        if (node instanceof InList in) {
            return inList(in, at);
        }
        if (node instanceof Like like) {
            return like(like, at);
        }
        if (node instanceof Case c) {
            return caseWhen(c, at);
        }
        if (node instanceof dev.quiver.parser.ast.Cast c) {
            return cast(bind(c.value()), TypeNames.resolve(c.type()), at);
        }
        if (node instanceof Extract e) {
            return extract(e, at);
        }
        if (node instanceof FunctionCall f) {
            return function(f, at);
        }
        if (node instanceof ScalarSubquery s) {
            return subqueries(at).scalar(s, scope);
        }
        if (node instanceof Exists e) {
            return subqueries(at).exists(e, scope);
        }
        if (node instanceof InSubquery in) {
            SubqueryBinder planner = subqueries(at);
            return planner.in(bind(in.value()), in, scope);
        }
        if (node instanceof QuantifiedComparison q) {
            SubqueryBinder planner = subqueries(at);
            return planner.quantified(bind(q.value()), q, scope);
        }
        if (node instanceof Parameter) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "parameters are not supported here; use a literal value").attachPosition(at);
        }
        throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                node.getClass().getSimpleName() + " is not supported").attachPosition(at);
    }

    // ---------------------------------------------------------------- literals

    static Literal numericLiteral(String text, int at) {
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                BigDecimal value = new BigDecimal(text);
                if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                    return Literal.of(value.longValue(), DataType.INTEGER);
                }
                if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    return Literal.of(value.longValue(), DataType.BIGINT);
                }
                return decimalLiteral(value, at);
            }
            if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                double d = Double.parseDouble(text);
                if (Double.isInfinite(d)) {
                    throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"" + text + "\" is out of range for type double");
                }
                return Literal.of(d, DataType.DOUBLE);
            }
            return decimalLiteral(new BigDecimal(text), at);
        } catch (NumberFormatException e) {
            throw new QuiverException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid number \"" + text + "\"").attachPosition(at);
        } catch (QuiverException e) {
            throw e.attachPosition(at);
        }
    }

    private static Literal decimalLiteral(BigDecimal value, int at) {
        int scale = Math.max(0, value.scale());
        BigDecimal v = value.setScale(scale);
        int precision = Math.max(scale, v.precision());
        if (precision > DataType.MAX_DECIMAL_PRECISION) {
            // Too many digits for a decimal: PostgreSQL keeps them in numeric; we fall back to DOUBLE.
            return Literal.of(v.doubleValue(), DataType.DOUBLE);
        }
        return Literal.of(v, DataType.decimal(Math.max(1, precision), scale));
    }

    /**
     * An integer literal next to a decimal is typed DECIMAL(digits, 0) rather than DECIMAL(10, 0),
     * so {@code price * 2} does not widen the result by ten digits; a string literal next to a
     * non-string takes that type (a string that does not convert is reported at {@code position},
     * where the literal is written). Anything else is returned as is.
     */
    static Expr literalAdjusted(Expr e, List<Expr> context, int position) {
        if (!(e instanceof Literal literal) || literal.isNull()) {
            return e;
        }
        for (Expr other : context) {
            if (other == e || other.type().isUnknown()) {
                continue;
            }
            if (literal.type().isIntegral() && other.type().isDecimal()) {
                long v = (Long) literal.get();
                int digits = Long.toString(Math.abs(v)).length();
                return Literal.of(BigDecimal.valueOf(v), DataType.decimal(Math.min(DataType.MAX_DECIMAL_PRECISION, digits), 0));
            }
            if (literal.type().isString() && other.type().isDecimal()) {
                // PostgreSQL reads the string as an unbounded numeric: compare its exact value, not one
                // rounded to the column's scale ('1.005' must not equal 1.01).
                Optional<Literal> exact = exactDecimal((String) literal.get());
                if (exact.isPresent()) {
                    return exact.get();
                }
            }
            if (literal.type().isString() && !other.type().isString()) {
                return Coercions.to(literal, other.type(), position);
            }
        }
        return e;
    }

    /** The exact decimal a numeric string denotes, if it fits 38 digits. */
    private static Optional<Literal> exactDecimal(String text) {
        try {
            String t = text.trim();
            BigDecimal value = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
            if (value.precision() - value.scale() > DataType.MAX_DECIMAL_PRECISION || value.scale() > DataType.MAX_DECIMAL_PRECISION) {
                return Optional.empty();
            }
            Literal l = decimalLiteral(value, -1);
            return l.type().isDecimal() ? Optional.of(l) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException ex) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- operators

    private static Function function(ArithmeticOperator op) {
        return switch (op) {
            case ADD -> Function.ADD;
            case SUBTRACT -> Function.SUBTRACT;
            case MULTIPLY -> Function.MULTIPLY;
            case DIVIDE -> Function.DIVIDE;
            case MODULUS -> Function.MODULUS;
        };
    }

    /** Resolves {@code left f right} for + - * / % on numbers, dates, timestamps and intervals. */
    static Expr arithmeticCall(Function f, Expr left, Expr right, int at) {
        return arithmeticCall(f, left, at, right, at, at);
    }

    /** As above, with the positions of the operands (where a string literal operand that does not convert is reported). */
    static Expr arithmeticCall(Function f, Expr left, int leftAt, Expr right, int rightAt, int at) {
        Expr l = literalAdjusted(left, List.of(right), leftAt);
        Expr r = literalAdjusted(right, List.of(left), rightAt);
        if (l.type().isUnknown() && r.type().isUnknown()) {
            l = Coercions.to(l, DataType.INTEGER, at);
            r = Coercions.to(r, DataType.INTEGER, at);
        } else if (l.type().isUnknown()) {
            l = Coercions.to(l, unknownPartner(r.type()), at);
        } else if (r.type().isUnknown()) {
            r = Coercions.to(r, unknownPartner(l.type()), at);
        }
        DataType lt = l.type();
        DataType rt = r.type();
        if (lt.isNumeric() && rt.isNumeric()) {
            return numeric(f, l, r, at);
        }
        Optional<Expr> temporal = temporal(f, l, r, at);
        if (temporal.isPresent()) {
            return temporal.get();
        }
        throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                "operator does not exist: " + lt + " " + f.displayName() + " " + rt
                        + "; cast the operands so their types match").attachPosition(at);
    }

    private static DataType unknownPartner(DataType other) {
        return other.id() == TypeId.DATE || other.id() == TypeId.TIMESTAMP ? DataType.INTEGER : other;
    }

    private static Expr numeric(Function f, Expr l, Expr r, int at) {
        DataType lt = l.type();
        DataType rt = r.type();
        if (lt.isApproximateNumeric() || rt.isApproximateNumeric()) {
            DataType t = TypeCoercion.commonSuperType(lt, rt).orElse(DataType.DOUBLE);
            return new Call(f, List.of(Coercions.to(l, t, at), Coercions.to(r, t, at)), t, at);
        }
        if (lt.isIntegral() && rt.isIntegral()) {
            DataType t = TypeCoercion.commonSuperType(lt, rt).orElseThrow();
            return new Call(f, List.of(Coercions.to(l, t, at), Coercions.to(r, t, at)), t, at);
        }
        DataType ld = lt.asDecimal();
        DataType rd = rt.asDecimal();
        switch (f) {
            case ADD:
            case SUBTRACT: {
                DataType t = DecimalTypeRules.add(ld, rd);
                return new Call(f, List.of(Coercions.to(l, t, at), Coercions.to(r, t, at)), t, at);
            }
            case MULTIPLY:
            case DIVIDE: {
                DataType t;
                try {
                    t = f == Function.MULTIPLY ? DecimalTypeRules.multiply(ld, rd) : DecimalTypeRules.divide(ld, rd);
                } catch (QuiverException e) {
                    throw e.attachPosition(at);
                }
                return new Call(f, List.of(Coercions.to(l, ld, at), Coercions.to(r, rd, at)), t, at);
            }
            default: {
                DataType t = TypeCoercion.commonSuperType(ld, rd).orElseThrow();
                return new Call(f, List.of(Coercions.to(l, t, at), Coercions.to(r, t, at)), t, at);
            }
        }
    }

    private static Optional<Expr> temporal(Function f, Expr l, Expr r, int at) {
        TypeId lt = l.type().id();
        TypeId rt = r.type().id();
        boolean additive = f == Function.ADD || f == Function.SUBTRACT;
        if (!additive) {
            return Optional.empty();
        }
        // Put the date-like operand first for commutative +.
        if (f == Function.ADD && (rt == TypeId.DATE || rt == TypeId.TIMESTAMP) && (l.type().isIntegral() || lt == TypeId.INTERVAL)) {
            return temporal(f, r, l, at);
        }
        if (lt == TypeId.DATE && r.type().isIntegral()) {
            return Optional.of(new Call(f, List.of(l, Coercions.to(r, DataType.INTEGER, at)), DataType.DATE, at));
        }
        if (lt == TypeId.DATE && rt == TypeId.DATE && f == Function.SUBTRACT) {
            return Optional.of(new Call(f, List.of(l, r), DataType.INTEGER, at));
        }
        if (lt == TypeId.DATE && rt == TypeId.INTERVAL) {
            boolean dateOnly = r instanceof Literal lit && !lit.isNull() && ((Interval) lit.get()).isDateOnly();
            if (dateOnly) {
                return Optional.of(new Call(f, List.of(l, r), DataType.DATE, at));
            }
            return Optional.of(new Call(f, List.of(Coercions.to(l, DataType.TIMESTAMP, at), r), DataType.TIMESTAMP, at));
        }
        if (lt == TypeId.TIMESTAMP && rt == TypeId.INTERVAL) {
            return Optional.of(new Call(f, List.of(l, r), DataType.TIMESTAMP, at));
        }
        if (f == Function.SUBTRACT && l.type().isDatetime() && r.type().isDatetime()) {
            return Optional.of(new Call(f, List.of(Coercions.to(l, DataType.TIMESTAMP, at), Coercions.to(r, DataType.TIMESTAMP, at)),
                    DataType.INTERVAL, at));
        }
        if (lt == TypeId.INTERVAL && rt == TypeId.INTERVAL) {
            return Optional.of(new Call(f, List.of(l, r), DataType.INTERVAL, at));
        }
        return Optional.empty();
    }

    private Expr unary(ArithmeticUnary u, int at) {
        if (!u.negate()) {
            Expr e = bind(u.value());
            // Unary plus on text is the text unchanged, as in SQLite (where + is a no-op on every
            // type; the SQLite corpus uses it on text columns). PostgreSQL rejects it.
            if (!e.type().isNumeric() && !e.type().isUnknown() && e.type().id() != TypeId.INTERVAL && !e.type().isString()) {
                throw new QuiverException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: + " + e.type()).attachPosition(at);
            }
            return e;
        }
        if (u.value() instanceof NumericLiteral n) {
            // Fold the sign into the literal so -2147483648 is an INTEGER, as written.
            return negateLiteral(numericLiteral(n.text(), at), at);
        }
        Expr e = bind(u.value());
        if (e.type().isUnknown()) {
            return Literal.nullOf(DataType.INTEGER);
        }
        if (!e.type().isNumeric() && e.type().id() != TypeId.INTERVAL) {
            throw new QuiverException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: - " + e.type()).attachPosition(at);
        }
        return new Call(Function.NEGATE, List.of(e), e.type(), at);
    }

    private static Literal negateLiteral(Literal l, int at) {
        Object v = l.get();
        if (v instanceof Long x) {
            if (l.type().id() == TypeId.BIGINT && -x >= Integer.MIN_VALUE) {
                return Literal.of(-x, DataType.INTEGER);
            }
            return Literal.of(-x, l.type());
        }
        if (v instanceof Double d) {
            return Literal.of(-d, l.type());
        }
        BigDecimal d = ((BigDecimal) v).negate();
        if (l.type().scale() == 0 && d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) == 0) {
            return Literal.of(Long.MIN_VALUE, DataType.BIGINT);
        }
        return Literal.of(d, l.type());
    }

    private static Expr concatenation(Expr left, Expr right, int at) {
        if (!left.type().isString() && !right.type().isString() && !left.type().isUnknown() && !right.type().isUnknown()) {
            throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: " + left.type() + " || " + right.type() + "; || needs a string operand")
                    .attachPosition(at);
        }
        return new Call(Function.CONCAT, List.of(Coercions.to(left, DataType.VARCHAR, at), Coercions.to(right, DataType.VARCHAR, at)),
                DataType.VARCHAR, at);
    }

    /** A comparison of two bound operands, both reported at {@code at}. */
    static Expr comparison(ComparisonOperator op, Expr left, Expr right, int at) {
        return comparison(op, left, at, right, at, at);
    }

    static Expr comparison(ComparisonOperator op, Expr left, int leftAt, Expr right, int rightAt, int at) {
        Expr l = literalAdjusted(left, List.of(right), leftAt);
        Expr r = literalAdjusted(right, List.of(left), rightAt);
        Optional<DataType> common = TypeCoercion.commonSuperType(l.type(), r.type());
        if (common.isEmpty()) {
            throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: " + l.type() + " " + op.symbol() + " " + r.type()
                            + "; cast one side so both have the same type").attachPosition(at);
        }
        DataType t = common.get().isUnknown() ? DataType.INTEGER : common.get();
        Function f = switch (op) {
            case EQUAL -> Function.EQUAL;
            case NOT_EQUAL -> Function.NOT_EQUAL;
            case LESS_THAN -> Function.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> Function.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> Function.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> Function.GREATER_THAN_OR_EQUAL;
            case IS_DISTINCT_FROM -> Function.IS_DISTINCT_FROM;
            case IS_NOT_DISTINCT_FROM -> Function.IS_NOT_DISTINCT_FROM;
        };
        return new Call(f, List.of(Coercions.to(l, t, at), Coercions.to(r, t, at)), DataType.BOOLEAN, at);
    }

    private static Expr not(Expr e) {
        if (e instanceof Call c && c.function() == Function.NOT) {
            return c.argument(0);
        }
        return new Call(Function.NOT, List.of(e), DataType.BOOLEAN);
    }

    static Expr requireBoolean(Expr e, String what, int at) {
        if (e.type().isUnknown()) {
            return Coercions.to(e, DataType.BOOLEAN, at);
        }
        if (e.type().id() != TypeId.BOOLEAN) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH, what + " must be type BOOLEAN, not type " + e.type())
                    .attachPosition(at);
        }
        return e;
    }

    /** x IS [NOT] TRUE/FALSE is x IS [NOT] DISTINCT FROM TRUE/FALSE; x IS [NOT] UNKNOWN is x IS [NOT] NULL. */
    private Expr isTruth(IsTruth t, int at) {
        String what = "argument of IS " + (t.negated() ? "NOT " : "") + t.truth().map(b -> b ? "TRUE" : "FALSE").orElse("UNKNOWN");
        Expr value = requireBoolean(bind(t.value()), what, t.value().span().start());
        if (t.truth().isEmpty()) {
            return new Call(t.negated() ? Function.IS_NOT_NULL : Function.IS_NULL, List.of(value), DataType.BOOLEAN, at);
        }
        return new Call(t.negated() ? Function.IS_DISTINCT_FROM : Function.IS_NOT_DISTINCT_FROM,
                List.of(value, Literal.ofBoolean(t.truth().get())), DataType.BOOLEAN, at);
    }

    private Expr between(Between b, int at) {
        Expr value = bind(b.value());
        Expr low = bind(b.low());
        Expr high = bind(b.high());
        int valueAt = b.value().span().start();
        int lowAt = b.low().span().start();
        int highAt = b.high().span().start();
        if (b.negated()) {
            return Exprs.or(List.of(comparison(ComparisonOperator.LESS_THAN, value, valueAt, low, lowAt, at),
                    comparison(ComparisonOperator.GREATER_THAN, value, valueAt, high, highAt, at)));
        }
        return Exprs.and(List.of(comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, value, valueAt, low, lowAt, at),
                comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, value, valueAt, high, highAt, at)));
    }

    /**
     * {@code x IN (items)}: the constant items become one IN call (a set lookup); each other item
     * becomes a comparison {@code x = item} of its own, ORed after it, as PostgreSQL does. So each
     * such comparison behaves as one: a NULL constant makes it NULL without evaluating the item, and
     * the OR stops at the first TRUE, never evaluating (nor failing on) the items after it. An empty
     * list (SQLite's {@code x IN ()}) is an IN call without items, FALSE for every x: x is still
     * bound, so its names and grouping are checked, but never evaluated.
     */
    private Expr inList(InList in, int at) {
        Expr value = bind(in.value());
        int valueAt = in.value().span().start();
        List<Expr> constants = new ArrayList<>();
        List<Integer> constantsAt = new ArrayList<>();
        List<Expr> comparisons = new ArrayList<>();
        for (Expression item : in.list()) {
            Expr bound = bind(item);
            int itemAt = item.span().start();
            if (Exprs.isConstant(bound)) {
                constants.add(literalAdjusted(bound, List.of(value), itemAt));
                constantsAt.add(itemAt);
            } else {
                comparisons.add(comparison(ComparisonOperator.EQUAL, value, valueAt, bound, itemAt, itemAt));
            }
        }
        List<Expr> parts = new ArrayList<>();
        if (!constants.isEmpty() || in.list().isEmpty()) {
            parts.add(constantList(value, constants, constantsAt, at));
        }
        parts.addAll(comparisons);
        Expr in0 = parts.size() == 1 ? parts.get(0) : Exprs.or(parts);
        return in.negated() ? not(in0) : in0;
    }

    /** {@code value IN (constants)} with every operand coerced to their common type. */
    private static Expr constantList(Expr value, List<Expr> items, List<Integer> itemsAt, int at) {
        DataType t = value.type();
        for (int i = 0; i < items.size(); i++) {
            Optional<DataType> common = TypeCoercion.commonSuperType(t, items.get(i).type());
            if (common.isEmpty()) {
                throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                        "IN list item of type " + items.get(i).type() + " cannot be compared with " + value.type())
                        .attachPosition(itemsAt.get(i));
            }
            t = common.get();
        }
        if (t.isUnknown()) {
            t = DataType.INTEGER;
        }
        List<Expr> args = new ArrayList<>();
        args.add(Coercions.to(value, t, at));
        for (Expr item : items) {
            args.add(Coercions.to(item, t, at));
        }
        return new Call(Function.IN, args, DataType.BOOLEAN, at);
    }

    private Expr like(Like like, int at) {
        Expr value = bind(like.value());
        Expr pattern = bind(like.pattern());
        for (Expr e : List.of(value, pattern)) {
            if (!e.type().isString() && !e.type().isUnknown()) {
                throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                        "operator does not exist: " + value.type() + " LIKE " + pattern.type() + "; LIKE compares strings")
                        .attachPosition(at);
            }
        }
        List<Expr> args = new ArrayList<>(List.of(Coercions.to(value, DataType.VARCHAR, at), Coercions.to(pattern, DataType.VARCHAR, at)));
        if (like.escape().isPresent()) {
            Expr escape = bind(like.escape().get());
            if (!(escape instanceof Literal l) || !l.type().isString() || ((String) l.get()).codePointCount(0, ((String) l.get()).length()) > 1) {
                // An empty ESCAPE means no escape character, as in PostgreSQL.
                throw new QuiverException(SqlState.INVALID_ESCAPE_SEQUENCE, "ESCAPE must be a string literal of at most one character")
                        .attachPosition(like.escape().get().span().start());
            }
            args.add(escape);
        }
        Expr call = new Call(like.caseInsensitive() ? Function.ILIKE : Function.LIKE, args, DataType.BOOLEAN, at);
        return like.negated() ? not(call) : call;
    }

    private Expr caseWhen(Case c, int at) {
        Optional<Expr> operand = c.operand().map(this::bind);
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (WhenClause w : c.whenClauses()) {
            if (operand.isPresent()) {
                conditions.add(comparison(ComparisonOperator.EQUAL, operand.get(), c.operand().get().span().start(),
                        bind(w.condition()), w.condition().span().start(), w.span().start()));
            } else {
                conditions.add(requireBoolean(bind(w.condition()), "argument of CASE/WHEN", w.condition().span().start()));
            }
            results.add(bind(w.result()));
            positions.add(w.result().span().start());
        }
        Expr otherwise = c.elseValue().map(this::bind).orElse(Literal.nullOf(DataType.UNKNOWN));
        positions.add(c.elseValue().map(e -> e.span().start()).orElse(at));
        List<Expr> all = new ArrayList<>(results);
        all.add(otherwise);
        DataType t = DataType.UNKNOWN;
        for (int i = 0; i < all.size(); i++) {
            Expr r = all.get(i);
            Expr adjusted = literalAdjusted(r, all, positions.get(i));
            Optional<DataType> common = TypeCoercion.commonSuperType(t, adjusted.type());
            if (common.isEmpty()) {
                throw new QuiverException(SqlState.DATATYPE_MISMATCH,
                        "CASE types " + t + " and " + r.type() + " cannot be matched").attachPosition(at);
            }
            t = common.get();
        }
        if (t.isUnknown()) {
            t = DataType.INTEGER;
        }
        List<CaseWhen.WhenThen> whens = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            whens.add(new CaseWhen.WhenThen(conditions.get(i), Coercions.to(results.get(i), t, at)));
        }
        return new CaseWhen(whens, Coercions.to(otherwise, t, at), t);
    }

    private static Expr cast(Expr value, DataType target, int at) {
        if (!Coercions.castable(value.type(), target)) {
            throw new QuiverException(SqlState.CANNOT_COERCE, "cannot cast type " + value.type() + " to " + target)
                    .attachPosition(at);
        }
        if (value instanceof Literal l && l.type().isString() && target.isString()) {
            // 'x'::varchar is a typed value, not an untyped literal: keep the cast so the literal no
            // longer adapts to the other operand (1 = '1'::varchar is an error, as in PostgreSQL).
            return new Cast(value, target, at);
        }
        if (value.type().equals(target)) {
            return value;
        }
        if (value instanceof Literal l && (l.isNull() || l.type().isString())) {
            return Coercions.to(value, target, at);
        }
        return new Cast(value, target, at);
    }

    private Expr extract(Extract e, int at) {
        String field = e.field().value().toLowerCase(Locale.ROOT);
        if (!EXTRACT_FIELDS.contains(field)) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                    "EXTRACT field \"" + field + "\" is not recognized; use one of " + String.join(", ", EXTRACT_FIELDS.stream().sorted().toList()))
                    .attachPosition(e.field().span().start());
        }
        Expr value = bind(e.value());
        if (value.type().isUnknown()) {
            value = Coercions.to(value, DataType.TIMESTAMP, at);
        }
        if (!value.type().isDatetime()) {
            throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                    "function extract(" + field + " FROM " + value.type() + ") does not exist; EXTRACT takes a DATE or TIMESTAMP")
                    .attachPosition(at);
        }
        if (value.type().id() == TypeId.DATE && Set.of("hour", "minute", "second").contains(field)) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + field + "\" not supported for type DATE").attachPosition(e.field().span().start());
        }
        // Seconds and epoch carry fractions; every other field is a whole number.
        DataType result = field.equals("epoch") || field.equals("second") ? DataType.DOUBLE : DataType.BIGINT;
        return new Call(Function.EXTRACT, List.of(Literal.of(field, DataType.VARCHAR), value), result, at);
    }

    /** Whether every column the call names resolves in an enclosing query's scope (none here). */
    private boolean readsOnlyEnclosingQueries(FunctionCall f) {
        List<ColumnReference> references = new ArrayList<>();
        f.arguments().forEach(a -> AstExpressions.walk(a, n -> {
            if (n instanceof ColumnReference r) {
                references.add(r);
            }
        }));
        if (references.isEmpty() || scope.outer().isEmpty()) {
            return false;
        }
        for (ColumnReference r : references) {
            Optional<dev.quiver.planner.expr.ColumnRef> column = scope.tryResolve(r);
            if (column.isEmpty() || scope.isLocal(column.get())) {
                return false;
            }
        }
        return true;
    }

    private Expr function(FunctionCall f, int at) {
        String name = f.name().joined();
        if (AggregateFunctions.isAggregate(name)) {
            if (readsOnlyEnclosingQueries(f)) {
                throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "an aggregate of an enclosing query's columns inside a "
                        + "subquery is not supported; compute it in the enclosing query (e.g. in a derived table) and refer to it")
                        .attachPosition(at);
            }
            throw new QuiverException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in " + clause)
                    .attachPosition(at);
        }
        if (f.distinct() || f.star()) {
            throw new QuiverException(SqlState.SYNTAX_ERROR,
                    (f.star() ? "*" : "DISTINCT") + " is only allowed in aggregate functions, and " + name + " is not one")
                    .attachPosition(at);
        }
        List<Expr> args = new ArrayList<>();
        for (Expression a : f.arguments()) {
            args.add(bind(a));
        }
        return ScalarFunctions.resolve(name, args, at);
    }
}
