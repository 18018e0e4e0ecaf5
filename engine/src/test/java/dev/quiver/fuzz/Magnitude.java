package dev.quiver.fuzz;

import java.math.BigDecimal;

/**
 * An upper bound of the absolute value an expression can take over the fuzzer's value domains,
 * so that the generator never builds integer arithmetic or a cast that could overflow. (An
 * overflow is an error in every engine, but whether an engine evaluates the expression at all for
 * a row that does not reach the result, such as the inner side of a join whose outer side is
 * empty, differs: PostgreSQL and DuckDB often skip it and Quiver does not, and SQL leaves the
 * choice open.) Bounds are doubles, so they cannot overflow themselves.
 */
final class Magnitude {
    /** Largest |x| of INTEGER: ValueGenerator's integers. */
    static final double INTEGER = ValueGenerator.MEDIUM;
    /** Largest |x| of BIGINT: its values beyond INTEGER's range. */
    static final double BIGINT = 3e9;
    /** Largest |x| of DOUBLE: ValueGenerator's largest edge value. */
    static final double DOUBLE = 1e6;
    /** Largest |x| of a DECIMAL column: ValueGenerator gives at most three integer digits. */
    static final double DECIMAL = 1e3;
    /** 1 / the smallest non-zero |x| of the value domains (0.001953125 = 2^-9): a division grows a value by at most this. */
    static final double SMALLEST_DIVISOR_INVERSE = 512;
    /** Most rows any generated query's FROM clause can produce: three relations of 24 rows, with room to spare. */
    static final double ROWS = 1e6;
    /** Largest result of length, strpos, position, EXTRACT and DATE - DATE over the generated strings and dates. */
    static final double SMALL_FUNCTION = 1e5;

    private Magnitude() {
    }

    /** The bound of {@code e}; 0 for non-numeric expressions. */
    static double of(Expr e) {
        if (e instanceof Expr.Column c) {
            return column(c.type());
        }
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof Number n ? Math.abs(new BigDecimal(n.toString()).doubleValue()) : l.value() instanceof Boolean ? 1 : 0;
        }
        if (e instanceof Expr.Binary b) {
            double x = of(b.left());
            double y = of(b.right());
            return switch (b.op()) {
                case PLUS, MINUS -> x + y;
                case TIMES -> x * y;
                case DIVIDE -> b.type().isInteger() ? x : x * SMALLEST_DIVISOR_INVERSE;
                case MODULO -> Math.min(x, y);
                default -> b.type().isNumeric() ? Math.max(x, y) : 0;
            };
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Aggregate a) {
            double x = a.argument().map(Magnitude::of).orElse(0.0);
            return switch (a.name()) {
                case "count" -> ROWS;
                case "sum" -> ROWS * x;
                default -> x;
            };
        }
        if (e instanceof Expr.ScalarSubquery s && s.query() instanceof QueryNode.Select select) {
            return of(select.items().get(0).expr());
        }
        if (e instanceof Expr.Extract || e instanceof Expr.KeywordCall k && k.type().isNumeric()) {
            return SMALL_FUNCTION;
        }
        if (!e.type().isNumeric()) {
            return e instanceof Expr.Cast c && c.operand().type().isNumeric() ? of(c.operand()) : 0;
        }
        return e.children().stream().mapToDouble(Magnitude::of).max().orElse(column(e.type()));
    }

    private static double call(Expr.Call c) {
        double max = c.args().stream().mapToDouble(Magnitude::of).max().orElse(0);
        return switch (c.name()) {
            case "power" -> Math.pow(Math.max(1, of(c.args().get(0))), of(c.args().get(1)));
            case "sqrt" -> Math.sqrt(max);
            case "mod" -> Math.min(of(c.args().get(0)), of(c.args().get(1)));
            case "nullif" -> of(c.args().get(0));
            case "ceil", "floor", "round", "abs", "sign" -> max + 1;
            case "length", "strpos" -> SMALL_FUNCTION;
            default -> max;
        };
    }

    private static double column(FuzzType type) {
        return switch (type.kind()) {
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case DOUBLE -> DOUBLE;
            case DECIMAL -> Math.min(DECIMAL, Math.pow(10, type.integerDigits()));
            default -> 0;
        };
    }

    /** Whether every value of {@code e} fits {@code type}: an INTEGER, a BIGINT, or a DECIMAL's integer digits. */
    static boolean fits(Expr e, FuzzType type) {
        double bound = of(e);
        return switch (type.kind()) {
            case INTEGER -> bound <= Integer.MAX_VALUE;
            case BIGINT -> bound <= Long.MAX_VALUE / 2.0;
            case DECIMAL -> bound < Math.pow(10, type.integerDigits());
            default -> true;
        };
    }
}
