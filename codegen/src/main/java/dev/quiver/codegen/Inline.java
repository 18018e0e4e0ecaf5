package dev.quiver.codegen;

import dev.quiver.exec.function.LikeMatcher;
import dev.quiver.exec.vector.Kind;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;
import java.util.List;
import java.util.Optional;

/**
 * The inline forms of the common functions, each the per-row twin of an interpreter kernel
 * (ArithmeticKernels, ComparisonKernels, StringKernels, MathKernels, CastKernels): the same
 * static function with the same arguments. Anything not listed returns false and is bridged to
 * the kernel itself. Statements are emitted inside {@code if (!resultNull)}: arguments are non-NULL.
 */
final class Inline {
    /** PostgreSQL's default LIKE escape, as the interpreter uses it. */
    private static final int DEFAULT_ESCAPE = '\\';

    private Inline() {
    }

    static boolean emit(Call call, List<JValue> args, JValue r, ExpressionGenerator g) {
        Function f = call.function();
        List<Expr> argExprs = call.arguments();
        DataType type = call.type();
        if (f.isComparison()) {
            JValue a = args.get(0);
            JValue b = args.get(1);
            String test = switch (f) {
                case EQUAL -> ExpressionGenerator.equal(a, b);
                case NOT_EQUAL -> "!" + ExpressionGenerator.equal(a, b);
                case LESS_THAN -> lessOrGreater(a, b, "<");
                case LESS_THAN_OR_EQUAL -> lessOrGreater(a, b, "<=");
                case GREATER_THAN -> lessOrGreater(a, b, ">");
                default -> lessOrGreater(a, b, ">=");
            };
            g.emit(r.v() + " = " + test + ";");
            return true;
        }
        switch (f) {
            case NOT:
                g.emit(r.v() + " = !" + args.get(0).v() + ";");
                return true;
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULUS:
                return arithmetic(f, argExprs.get(0).type(), argExprs.get(1).type(), type, args, r, g);
            case NEGATE: {
                JValue a = args.get(0);
                if (a.kind() == Kind.LONG) {
                    int w = type.isIntegral() ? width(type) : 64;
                    g.emit(r.v() + " = Arithmetic.negate(" + a.v() + ", " + w + ");");
                    return true;
                }
                if (a.kind() == Kind.DOUBLE) {
                    g.emit(r.v() + " = -" + a.v() + ";");
                    return true;
                }
                return false;
            }
            case LIKE, ILIKE:
                return like(call, args, r, g);
            case CONCAT: {
                String buffer = g.instance("Utf8Buffer", "new Utf8Buffer()");
                JValue a = args.get(0);
                JValue b = args.get(1);
                g.emit(buffer + ".clear();");
                g.emit(buffer + ".append(" + a.arr() + ", " + a.off() + ", " + a.len() + ");");
                g.emit(buffer + ".append(" + b.arr() + ", " + b.off() + ", " + b.len() + ");");
                bufferResult(r, buffer, g);
                return true;
            }
            case LENGTH:
                g.emit(r.v() + " = Strings.length(" + bytes(args.get(0)) + ");");
                return true;
            case SUBSTRING: {
                JValue s = args.get(0);
                String call3 = args.size() == 3
                        ? "Strings.substring(" + bytes(s) + ", " + args.get(1).v() + ", " + args.get(2).v() + ", true)"
                        : "Strings.substring(" + bytes(s) + ", " + args.get(1).v() + ", 0L, false)";
                range(r, s, call3, g);
                return true;
            }
            case LEFT, RIGHT: {
                JValue s = args.get(0);
                range(r, s, "Strings." + (f == Function.LEFT ? "left" : "right") + "(" + bytes(s) + ", " + args.get(1).v() + ")", g);
                return true;
            }
            case TRIM, LTRIM, RTRIM: {
                int which = f == Function.TRIM ? 0 : f == Function.LTRIM ? 1 : 2;
                JValue s = args.get(0);
                String trim = args.size() == 1 ? "Strings.trimSpaces(" + bytes(s) + ", " + which + ")"
                        : "Strings.trim(" + bytes(s) + ", " + bytes(args.get(1)) + ", " + which + ")";
                range(r, s, trim, g);
                return true;
            }
            case UPPER, LOWER, REVERSE: {
                String buffer = g.instance("Utf8Buffer", "new Utf8Buffer()");
                String fn = f == Function.UPPER ? "upper" : f == Function.LOWER ? "lower" : "reverse";
                g.emit("Strings." + fn + "(" + bytes(args.get(0)) + ", " + buffer + ");");
                bufferResult(r, buffer, g);
                return true;
            }
            case POSITION:
                g.emit(r.v() + " = Strings.position(" + bytes(args.get(0)) + ", " + bytes(args.get(1)) + ");");
                return true;
            case REPLACE: {
                String buffer = g.instance("Utf8Buffer", "new Utf8Buffer()");
                g.emit("Strings.replace(" + bytes(args.get(0)) + ", " + bytes(args.get(1)) + ", " + bytes(args.get(2)) + ", "
                        + buffer + ");");
                bufferResult(r, buffer, g);
                return true;
            }
            case EXTRACT:
                return extract(call, args, r, g);
            default:
                return math(f, argExprs.get(0).type(), type, args, r, g);
        }
    }

    private static String lessOrGreater(JValue a, JValue b, String op) {
        if (a.kind() == Kind.LONG) {
            return a.v() + " " + op + " " + b.v();
        }
        return ExpressionGenerator.compare(a, b) + " " + op + " 0";
    }

    private static String bytes(JValue s) {
        return s.arr() + ", " + s.off() + ", " + s.len();
    }

    private static void range(JValue r, JValue s, String rangeCall, ExpressionGenerator g) {
        String rg = g.fresh("rg");
        g.emit("long " + rg + " = " + rangeCall + ";");
        g.emit(r.arr() + " = " + s.arr() + ";");
        g.emit(r.off() + " = Strings.rangeOffset(" + rg + ");");
        g.emit(r.len() + " = Strings.rangeLength(" + rg + ");");
    }

    private static void bufferResult(JValue r, String buffer, ExpressionGenerator g) {
        g.emit(r.arr() + " = " + buffer + ".data;");
        g.emit(r.off() + " = 0;");
        g.emit(r.len() + " = " + buffer + ".length;");
    }

    private static int width(DataType t) {
        return switch (t.id()) {
            case TINYINT -> 8;
            case SMALLINT -> 16;
            case INTEGER -> 32;
            default -> 64;
        };
    }

    private static String scratch(ExpressionGenerator g) {
        return g.instance("long[]", "new long[2]");
    }

    private static boolean arithmetic(Function f, DataType at, DataType bt, DataType rt, List<JValue> args, JValue r,
            ExpressionGenerator g) {
        JValue a = args.get(0);
        JValue b = args.get(1);
        String op = switch (f) {
            case ADD -> "add";
            case SUBTRACT -> "subtract";
            case MULTIPLY -> "multiply";
            case DIVIDE -> "divide";
            default -> "modulus";
        };
        if (at.isIntegral() && bt.isIntegral() && rt.isIntegral()) {
            String call = f == Function.MODULUS ? "Arithmetic.modulus(" + a.v() + ", " + b.v() + ")"
                    : "Arithmetic." + op + "(" + a.v() + ", " + b.v() + ", " + width(rt) + ")";
            g.emit(r.v() + " = " + call + ";");
            return true;
        }
        if (rt.isApproximateNumeric()) {
            String call = "Arithmetic." + op + "Double(" + a.v() + ", " + b.v() + ")";
            g.emit(r.v() + " = " + (rt.id() == TypeId.REAL ? "Arithmetic.toReal(" + call + ")" : call) + ";");
            return true;
        }
        if (rt.isDecimal()) {
            if (rt.isShortDecimal()) {
                switch (f) {
                    case ADD -> g.emit(r.v() + " = " + a.v() + " + " + b.v() + ";");
                    case SUBTRACT -> g.emit(r.v() + " = " + a.v() + " - " + b.v() + ";");
                    case MULTIPLY -> g.emit(r.v() + " = " + a.v() + " * " + b.v() + ";");
                    case MODULUS -> g.emit(r.v() + " = Decimals.modulus(" + a.v() + ", " + b.v() + ");");
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            if (f == Function.MULTIPLY && a.kind() == Kind.LONG && b.kind() == Kind.LONG && at.isDecimal() && bt.isDecimal()) {
                // Two 64-bit operands: their exact product is multiplyHigh:product, inline, with no
                // scratch array; checked only when the operands' digits can exceed the result's.
                g.emit(r.hi() + " = Math.multiplyHigh(" + a.v() + ", " + b.v() + ");");
                g.emit(r.v() + " = " + a.v() + " * " + b.v() + ";");
                if (at.precision() + bt.precision() > rt.precision()) {
                    g.emit("Int128.checkPrecision(" + r.hi() + ", " + r.v() + ", " + rt.precision() + ");");
                }
                return true;
            }
            if (f == Function.ADD || f == Function.SUBTRACT || f == Function.MULTIPLY) {
                String t = scratch(g);
                String ah = a.kind() == Kind.INT128 ? a.hi() : "(" + a.v() + " >> 63)";
                String bh = b.kind() == Kind.INT128 ? b.hi() : "(" + b.v() + " >> 63)";
                String wide = "Int128." + op + "(" + ah + ", " + a.v() + ", " + bh + ", " + b.v() + ", " + t + "); "
                        + "Int128.checkPrecision(" + t + "[0], " + t + "[1], " + rt.precision() + "); "
                        + r.hi() + " = " + t + "[0]; " + r.v() + " = " + t + "[1];";
                if (f == Function.MULTIPLY) {
                    // Operands that fit 64 bits (the usual case of a wide type) multiply inline; their
                    // product is below 2^126 < 10^38, so only a narrower result needs the check.
                    String narrow = r.hi() + " = Math.multiplyHigh(" + a.v() + ", " + b.v() + "); " + r.v() + " = " + a.v() + " * "
                            + b.v() + ";" + (rt.precision() < DataType.MAX_DECIMAL_PRECISION
                                    ? " Int128.checkPrecision(" + r.hi() + ", " + r.v() + ", " + rt.precision() + ");" : "");
                    g.emit("if (" + ah + " == (" + a.v() + " >> 63) && " + bh + " == (" + b.v() + " >> 63)) { " + narrow + " } else { "
                            + wide + " }");
                } else {
                    g.emit(wide);
                }
                return true;
            }
            return false;
        }
        String sign = f == Function.SUBTRACT ? "-1" : "1";
        if (f != Function.ADD && f != Function.SUBTRACT) {
            return false;
        }
        if (at.id() == TypeId.DATE && bt.isIntegral()) {
            g.emit(r.v() + " = DateTimeFunctions.addDays((int) " + a.v() + ", " + sign + " * " + b.v() + ");");
            return true;
        }
        if (at.id() == TypeId.DATE && bt.id() == TypeId.DATE) {
            g.emit(r.v() + " = " + a.v() + " - " + b.v() + ";");
            return true;
        }
        if (at.id() == TypeId.DATE && bt.id() == TypeId.INTERVAL) {
            g.emit(r.v() + " = DateTimeFunctions.addToDate((int) " + a.v() + ", " + sign + " * " + b.months() + ", " + sign + " * "
                    + b.days() + ");");
            return true;
        }
        if (at.id() == TypeId.TIMESTAMP && bt.id() == TypeId.INTERVAL) {
            g.emit(r.v() + " = DateTimeFunctions.addToTimestamp(" + a.v() + ", " + sign + " * " + b.months() + ", " + sign + " * "
                    + b.days() + ", " + sign + " * " + b.v() + ");");
            return true;
        }
        return false;
    }

    private static boolean like(Call call, List<JValue> args, JValue r, ExpressionGenerator g) {
        Optional<LikeMatcher> matcher = likeMatcher(call);
        if (matcher.isEmpty()) {
            return false;
        }
        String m = g.constant("LikeMatcher", matcher.get());
        g.emit(r.v() + " = " + m + ".matches(" + bytes(args.get(0)) + ");");
        return true;
    }

    /** The matcher of a LIKE or ILIKE whose pattern and escape are non-NULL literals; empty otherwise. */
    static Optional<LikeMatcher> likeMatcher(Call call) {
        List<Expr> a = call.arguments();
        if (!(a.get(1) instanceof Literal pattern) || pattern.isNull()) {
            return Optional.empty();
        }
        int escape = DEFAULT_ESCAPE;
        if (a.size() > 2) {
            if (!(a.get(2) instanceof Literal e) || e.isNull()) {
                return Optional.empty();
            }
            escape = LikeMatcher.escapeOf((String) e.get());
        }
        return Optional.of(LikeMatcher.compile((String) pattern.get(), escape, call.function() == Function.ILIKE));
    }

    private static boolean extract(Call call, List<JValue> args, JValue r, ExpressionGenerator g) {
        String field = (String) ((Literal) call.argument(0)).get();
        boolean date = call.argument(1).type().id() == TypeId.DATE;
        String v = args.get(1).v();
        if (call.type().id() == TypeId.DOUBLE) {
            String micros = date ? "DateTimeFunctions.timestampFromDate((int) " + v + ")" : v;
            g.emit(r.v() + " = DateTimeFunctions.extractDouble(" + g.constant("String", field) + ", " + micros + ");");
            return true;
        }
        if (date && field.equals("year")) {
            g.emit(r.v() + " = DateTimeFunctions.yearOfDate((int) " + v + ");");
            return true;
        }
        String fieldConstant = g.constant("String", field);
        g.emit(r.v() + " = " + (date ? "DateTimeFunctions.extractFromDate(" + fieldConstant + ", (int) " + v + ")"
                : "DateTimeFunctions.extractFromTimestamp(" + fieldConstant + ", " + v + ")") + ";");
        return true;
    }

    private static boolean math(Function f, DataType arg, DataType result, List<JValue> args, JValue r, ExpressionGenerator g) {
        JValue a = args.isEmpty() ? null : args.get(0);
        switch (f) {
            case SQRT, LN, EXP:
                g.emit(r.v() + " = MathFunctions." + f.displayName() + "(" + a.v() + ");");
                return true;
            case POWER:
                g.emit(r.v() + " = MathFunctions.power(" + a.v() + ", " + args.get(1).v() + ");");
                return true;
            case ABS:
            case SIGN:
                if (a.kind() == Kind.LONG) {
                    g.emit(r.v() + " = " + (f == Function.ABS
                            ? "MathFunctions.abs(" + a.v() + ", " + (arg.isIntegral() ? width(arg) : 64) + ")"
                            : "MathFunctions.sign(" + a.v() + ", " + result.scale() + ")") + ";");
                    return true;
                }
                if (a.kind() == Kind.INT128 && f == Function.SIGN) {
                    g.emit(r.v() + " = MathFunctions.signum128(" + a.hi() + ", " + a.v() + ");");
                    return true;
                }
                if (a.kind() == Kind.DOUBLE) {
                    g.emit(r.v() + " = " + (f == Function.ABS ? "Math.abs(" : "Math.signum(") + a.v() + ");");
                    return true;
                }
                return false;
            case ROUND:
            case FLOOR:
            case CEIL:
                if (arg.isApproximateNumeric()) {
                    String e = f == Function.FLOOR ? "Math.floor(" + a.v() + ")" : f == Function.CEIL ? "Math.ceil(" + a.v() + ")"
                            : "MathFunctions.roundDouble(" + a.v() + ", " + args.get(1).v() + ")";
                    g.emit(r.v() + " = " + e + ";");
                    return true;
                }
                if (arg.isIntegral()) {
                    g.emit(r.v() + " = " + (f == Function.ROUND ? "MathFunctions.roundLong(" + a.v() + ", " + args.get(1).v() + ", "
                            + width(arg) + ")" : a.v()) + ";");
                    return true;
                }
                if (arg.isDecimal()) {
                    String t = scratch(g);
                    String mode = f == Function.FLOOR ? "MathFunctions.FLOOR" : f == Function.CEIL ? "MathFunctions.CEIL"
                            : "MathFunctions.HALF_UP";
                    String hi = a.kind() == Kind.INT128 ? a.hi() : "(" + a.v() + " >> 63)";
                    String digits = f == Function.ROUND ? args.get(1).v() : "0L";
                    g.emit("MathFunctions.roundDecimal(" + hi + ", " + a.v() + ", " + arg.scale() + ", " + digits + ", "
                            + result.scale() + ", " + result.precision() + ", " + mode + ", " + t + ");");
                    if (r.kind() == Kind.INT128) {
                        g.emit(r.hi() + " = " + t + "[0];");
                    }
                    g.emit(r.v() + " = " + t + "[1];");
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    static boolean emitCast(Cast c, JValue x, JValue r, ExpressionGenerator g) {
        DataType from = c.input().type();
        DataType to = c.type();
        if (from.isString() && to.isString()) {
            // As CastKernels: the same bytes, cut to the target's length in characters when it is shorter.
            if (isIdentityStringCast(from, to)) {
                g.emit(r.arr() + " = " + x.arr() + ";");
                g.emit(r.off() + " = " + x.off() + ";");
                g.emit(r.len() + " = " + x.len() + ";");
            } else {
                range(r, x, "Strings.truncate(" + bytes(x) + ", " + to.maxLength() + ")", g);
            }
            return true;
        }
        if (from.isString() || to.isString()) {
            return false;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return numericCast(from, to, x, r, g);
        }
        if (from.id() == TypeId.BOOLEAN && to.isIntegral()) {
            g.emit(r.v() + " = " + x.v() + " ? 1L : 0L;");
            return true;
        }
        if (from.isIntegral() && to.id() == TypeId.BOOLEAN) {
            g.emit(r.v() + " = " + x.v() + " != 0;");
            return true;
        }
        if (from.id() == TypeId.DATE && to.id() == TypeId.TIMESTAMP) {
            g.emit(r.v() + " = DateTimeFunctions.timestampFromDate((int) " + x.v() + ");");
            return true;
        }
        if (from.id() == TypeId.TIMESTAMP && to.id() == TypeId.DATE) {
            g.emit(r.v() + " = DateTimeFunctions.dateFromTimestamp(" + x.v() + ");");
            return true;
        }
        return false;
    }

    /** Whether casting a {@code from} string to {@code to} never changes it: to unbounded VARCHAR, or to one at least as long. */
    static boolean isIdentityStringCast(DataType from, DataType to) {
        return from.isString() && to.isString()
                && (to.maxLength() == 0 || (from.maxLength() > 0 && from.maxLength() <= to.maxLength()));
    }

    private static boolean numericCast(DataType from, DataType to, JValue x, JValue r, ExpressionGenerator g) {
        if (from.isIntegral() && to.isIntegral()) {
            g.emit(r.v() + " = Arithmetic.check(" + x.v() + ", " + width(to) + ");");
            return true;
        }
        if (to.isApproximateNumeric()) {
            String d = switch (x.kind()) {
                case DOUBLE -> x.v();
                case INT128 -> "Decimals.toDouble(" + x.hi() + ", " + x.v() + ", " + from.scale() + ")";
                default -> from.isDecimal() ? "Decimals.toDouble(" + x.v() + ", " + from.scale() + ")" : "(double) " + x.v();
            };
            g.emit(r.v() + " = " + (to.id() == TypeId.REAL ? "Arithmetic.toReal(" + d + ")" : d) + ";");
            return true;
        }
        if (from.isApproximateNumeric()) {
            if (to.isIntegral()) {
                g.emit(r.v() + " = Casts.doubleToLong(" + x.v() + ", " + width(to) + ");");
                return true;
            }
            String t = scratch(g);
            g.emit("Decimals.fromDouble(" + x.v() + ", " + to.precision() + ", " + to.scale() + ", " + t + ");");
            g.emit(r.v() + " = " + t + "[1];");
            if (to.isLongDecimal()) {
                g.emit(r.hi() + " = " + t + "[0];");
            }
            return true;
        }
        int fromScale = from.isDecimal() ? from.scale() : 0;
        boolean wideIn = from.isLongDecimal();
        if (to.isIntegral()) {
            if (wideIn) {
                g.emit(r.v() + " = Casts.decimal128ToLong(" + x.hi() + ", " + x.v() + ", " + fromScale + ", " + width(to) + ", "
                        + scratch(g) + ");");
            } else {
                g.emit(r.v() + " = Casts.decimalToLong(" + x.v() + ", " + fromScale + ", " + width(to) + ");");
            }
            return true;
        }
        boolean wideOut = to.isLongDecimal();
        if (!wideIn && !wideOut && from.isDecimal() && to.scale() == fromScale && to.precision() >= from.precision()) {
            // Same scale, no fewer digits: every DECIMAL(p, s) value fits, so the rescale would return it unchanged.
            g.emit(r.v() + " = " + x.v() + ";");
            return true;
        }
        if (!wideIn && !wideOut) {
            g.emit(r.v() + " = Decimals.rescale(" + x.v() + ", " + fromScale + ", " + to.scale() + ", " + to.precision() + ");");
            return true;
        }
        String t = scratch(g);
        String hi = wideIn ? x.hi() : "(" + x.v() + " >> 63)";
        if (to.scale() >= fromScale) {
            g.emit("Int128.scaleUp(" + hi + ", " + x.v() + ", " + (to.scale() - fromScale) + ", " + t + ");");
        } else {
            g.emit("Int128.scaleDownRounded(" + hi + ", " + x.v() + ", " + (fromScale - to.scale()) + ", " + t + ");");
        }
        g.emit("if (!Int128.fitsPrecision(" + t + "[0], " + t + "[1], " + to.precision() + ")) { throw Decimals.overflow("
                + to.precision() + ", " + to.scale() + "); }");
        if (wideOut) {
            g.emit(r.hi() + " = " + t + "[0];");
        }
        g.emit(r.v() + " = " + t + "[1];");
        return true;
    }
}
