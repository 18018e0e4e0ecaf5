package dev.quiver.planner.binder;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeCoercion;
import dev.quiver.planner.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves scalar function calls by name and argument types to a {@link Call} whose arguments are
 * cast to the function's parameter types.
 */
final class ScalarFunctions {
    private static final Map<String, Function> SIMPLE_STRING = Map.of(
            "upper", Function.UPPER, "lower", Function.LOWER, "reverse", Function.REVERSE);
    private static final List<String> NAMES = List.of("abs", "round", "floor", "ceil", "ceiling", "sign", "sqrt", "power",
            "pow", "ln", "exp", "mod", "coalesce", "nullif", "upper", "lower", "reverse", "length", "char_length",
            "character_length", "substring", "substr", "trim", "ltrim", "rtrim", "btrim", "position", "strpos", "replace",
            "left", "right", "concat", "concat_ws");

    private ScalarFunctions() {
    }

    static Expr resolve(String name, List<Expr> args, int position) {
        switch (name) {
            case "abs":
                return numericSameType(Function.ABS, name, args, position);
            case "sign": {
                Expr sign = numericSameType(Function.SIGN, name, args, position);
                // sign of a decimal is -1, 0 or 1 without the argument's scale (PostgreSQL prints "-1", not "-1.00").
                return sign.type().isDecimal() ? new Call(Function.SIGN, ((Call) sign).arguments(), DataType.decimal(1, 0), position)
                        : sign;
            }
            case "round":
                return round(args, position);
            case "floor":
                return floorCeil(Function.FLOOR, name, args, position);
            case "ceil":
            case "ceiling":
                return floorCeil(Function.CEIL, name, args, position);
            case "sqrt":
                return doubles(Function.SQRT, name, args, 1, position);
            case "ln":
                return doubles(Function.LN, name, args, 1, position);
            case "exp":
                return doubles(Function.EXP, name, args, 1, position);
            case "power":
            case "pow":
                return doubles(Function.POWER, name, args, 2, position);
            case "mod":
                arity(name, args, 2, 2, position);
                return ExpressionBinder.arithmeticCall(Function.MODULUS, args.get(0), args.get(1), position);
            case "coalesce":
                if (args.isEmpty()) {
                    throw noSuchFunction(name, args, position);
                }
                return sameType(Function.COALESCE, name, args, position);
            case "nullif":
                arity(name, args, 2, 2, position);
                return sameType(Function.NULLIF, name, args, position);
            case "upper":
            case "lower":
            case "reverse":
                arity(name, args, 1, 1, position);
                return strings(SIMPLE_STRING.get(name), args, List.of(DataType.VARCHAR), DataType.VARCHAR, name, position);
            case "length":
            case "char_length":
            case "character_length":
                arity(name, args, 1, 1, position);
                return strings(Function.LENGTH, args, List.of(DataType.VARCHAR), DataType.INTEGER, name, position);
            case "substring":
            case "substr":
                arity(name, args, 2, 3, position);
                return strings(Function.SUBSTRING, args,
                        args.size() == 2 ? List.of(DataType.VARCHAR, DataType.INTEGER)
                                : List.of(DataType.VARCHAR, DataType.INTEGER, DataType.INTEGER), DataType.VARCHAR, name, position);
            case "trim":
            case "btrim":
            case "ltrim":
            case "rtrim": {
                arity(name, args, 1, 2, position);
                Function f = name.equals("ltrim") ? Function.LTRIM : name.equals("rtrim") ? Function.RTRIM : Function.TRIM;
                List<DataType> types = args.size() == 1 ? List.of(DataType.VARCHAR) : List.of(DataType.VARCHAR, DataType.VARCHAR);
                return strings(f, args, types, DataType.VARCHAR, name, position);
            }
            case "position":
            case "strpos": {
                arity(name, args, 2, 2, position);
                // position(needle IN haystack) arrives as (needle, haystack); strpos(haystack, needle) the other way.
                List<Expr> ordered = name.equals("strpos") ? List.of(args.get(1), args.get(0)) : args;
                return strings(Function.POSITION, ordered, List.of(DataType.VARCHAR, DataType.VARCHAR), DataType.INTEGER, name, position);
            }
            case "replace":
                arity(name, args, 3, 3, position);
                return strings(Function.REPLACE, args, List.of(DataType.VARCHAR, DataType.VARCHAR, DataType.VARCHAR),
                        DataType.VARCHAR, name, position);
            case "left":
            case "right":
                arity(name, args, 2, 2, position);
                return strings(name.equals("left") ? Function.LEFT : Function.RIGHT, args,
                        List.of(DataType.VARCHAR, DataType.INTEGER), DataType.VARCHAR, name, position);
            case "concat": {
                List<Expr> all = new ArrayList<>();
                all.add(Literal.of("", DataType.VARCHAR));
                all.addAll(args);
                return concatWs(all, position);
            }
            case "concat_ws":
                if (args.size() < 2) {
                    throw noSuchFunction(name, args, position);
                }
                return concatWs(args, position);
            default:
                String hint = NameSuggester.closest(name, NAMES).map(s -> "; did you mean " + s + "?").orElse("");
                throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                        "function " + signature(name, args) + " does not exist" + hint).attachPosition(position);
        }
    }

    private static Expr numericSameType(Function f, String name, List<Expr> args, int position) {
        arity(name, args, 1, 1, position);
        Expr x = unknownAs(args.get(0), DataType.INTEGER, position);
        if (!x.type().isNumeric()) {
            throw noSuchFunction(name, args, position);
        }
        return new Call(f, List.of(x), x.type(), position);
    }

    private static Expr round(List<Expr> args, int position) {
        arity("round", args, 1, 2, position);
        Expr x = unknownAs(args.get(0), DataType.INTEGER, position);
        DataType t = x.type();
        if (!t.isNumeric()) {
            throw noSuchFunction("round", args, position);
        }
        if (args.size() == 1) {
            if (t.isDecimal()) {
                DataType result = DataType.decimal(Math.min(DataType.MAX_DECIMAL_PRECISION, t.precision() - t.scale() + 1), 0);
                return new Call(Function.ROUND, List.of(x, Literal.of(0L, DataType.INTEGER)), result, position);
            }
            return new Call(Function.ROUND, List.of(x, Literal.of(0L, DataType.INTEGER)), t, position);
        }
        Expr digits = Coercions.to(unknownAs(args.get(1), DataType.INTEGER, position), DataType.INTEGER, position);
        if (!args.get(1).type().isIntegral() && !args.get(1).type().isUnknown()) {
            throw noSuchFunction("round", args, position);
        }
        if (t.isDecimal()) {
            if (!(digits instanceof Literal l) || l.isNull()) {
                throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                        "round(DECIMAL, n) needs a constant n (it decides the result's scale)").attachPosition(position);
            }
            long n = (Long) l.get();
            if (n > DataType.MAX_DECIMAL_PRECISION || n < -DataType.MAX_DECIMAL_PRECISION) {
                throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "round(DECIMAL, n) needs n between -38 and 38").attachPosition(position);
            }
            // The result keeps n fractional digits (0 when n is negative: rounding to tens, hundreds...);
            // rounding can carry one more integer digit, padding (n above the scale) cannot.
            int scale = (int) Math.max(0, n);
            int integerDigits = t.precision() - t.scale() + (n < t.scale() ? 1 : 0);
            int precision = Math.min(DataType.MAX_DECIMAL_PRECISION, integerDigits + scale);
            DataType result = DataType.decimal(Math.max(1, precision), Math.min(scale, Math.max(1, precision)));
            return new Call(Function.ROUND, List.of(x, digits), result, position);
        }
        if (t.isIntegral()) {
            return new Call(Function.ROUND, List.of(x, digits), t, position);
        }
        return new Call(Function.ROUND, List.of(Coercions.to(x, DataType.DOUBLE, position), digits), DataType.DOUBLE, position);
    }

    private static Expr floorCeil(Function f, String name, List<Expr> args, int position) {
        arity(name, args, 1, 1, position);
        Expr x = unknownAs(args.get(0), DataType.INTEGER, position);
        DataType t = x.type();
        if (!t.isNumeric()) {
            throw noSuchFunction(name, args, position);
        }
        if (t.isDecimal()) {
            return new Call(f, List.of(x), DataType.decimal(Math.min(DataType.MAX_DECIMAL_PRECISION, t.precision() - t.scale() + 1), 0), position);
        }
        if (t.id() == TypeId.REAL) {
            return new Call(f, List.of(Coercions.to(x, DataType.DOUBLE, position)), DataType.DOUBLE, position);
        }
        return new Call(f, List.of(x), t, position);
    }

    private static Expr doubles(Function f, String name, List<Expr> args, int arity, int position) {
        arity(name, args, arity, arity, position);
        List<Expr> cast = new ArrayList<>();
        for (Expr a : args) {
            Expr x = unknownAs(a, DataType.DOUBLE, position);
            if (!x.type().isNumeric()) {
                throw noSuchFunction(name, args, position);
            }
            cast.add(Coercions.to(x, DataType.DOUBLE, position));
        }
        return new Call(f, cast, DataType.DOUBLE, position);
    }

    private static Expr sameType(Function f, String name, List<Expr> args, int position) {
        DataType common = DataType.UNKNOWN;
        for (Expr a : args) {
            Optional<DataType> t = TypeCoercion.commonSuperType(common, ExpressionBinder.literalAdjusted(a, args, position).type());
            if (t.isEmpty()) {
                throw new QuiverException(SqlState.DATATYPE_MISMATCH,
                        name + " types " + args.stream().map(e -> e.type().toString()).collect(Collectors.joining(", "))
                                + " cannot be matched; cast the arguments to one type").attachPosition(position);
            }
            common = t.get();
        }
        if (common.isUnknown()) {
            common = DataType.INTEGER;
        }
        DataType type = common;
        List<Expr> cast = args.stream().map(a -> Coercions.to(a, type, position)).toList();
        return new Call(f, cast, type, position);
    }

    private static Expr strings(Function f, List<Expr> args, List<DataType> parameterTypes, DataType result, String name,
            int position) {
        List<Expr> cast = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Expr a = args.get(i);
            DataType p = parameterTypes.get(i);
            boolean ok = a.type().isUnknown() || (p.isString() ? a.type().isString() : a.type().isIntegral())
                    || (a instanceof Literal && a.type().isString());
            if (!ok) {
                throw noSuchFunction(name, args, position);
            }
            cast.add(Coercions.to(a, p, position));
        }
        return new Call(f, cast, result, position);
    }

    private static Expr concatWs(List<Expr> args, int position) {
        List<Expr> cast = args.stream().map(a -> Coercions.to(a, DataType.VARCHAR, position)).toList();
        return new Call(Function.CONCAT_WS, cast, DataType.VARCHAR, position);
    }

    private static Expr unknownAs(Expr e, DataType type, int position) {
        return e.type().isUnknown() ? Coercions.to(e, type, position) : e;
    }

    private static void arity(String name, List<Expr> args, int min, int max, int position) {
        if (args.size() < min || args.size() > max) {
            throw new QuiverException(SqlState.UNDEFINED_FUNCTION,
                    "function " + signature(name, args) + " does not exist; " + name + " takes "
                            + (min == max ? String.valueOf(min) : min + " to " + max) + " argument" + (max == 1 ? "" : "s"))
                    .attachPosition(position);
        }
    }

    static QuiverException noSuchFunction(String name, List<Expr> args, int position) {
        return new QuiverException(SqlState.UNDEFINED_FUNCTION,
                "function " + signature(name, args) + " does not exist; check the argument types or add explicit casts")
                .attachPosition(position);
    }

    private static String signature(String name, List<Expr> args) {
        return name + "(" + args.stream().map(a -> a.type().toString()).collect(Collectors.joining(", ")) + ")";
    }
}
