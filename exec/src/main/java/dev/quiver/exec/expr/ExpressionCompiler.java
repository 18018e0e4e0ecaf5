package dev.quiver.exec.expr;

import dev.quiver.exec.function.DateTimeFunctions;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the interpreter's node tree for an expression over a batch layout. */
final class ExpressionCompiler {
    /** PostgreSQL's default LIKE escape character. */
    static final int DEFAULT_ESCAPE = '\\';

    private final Layout layout;

    ExpressionCompiler(Layout layout) {
        this.layout = layout;
    }

    Node compile(Expr e) {
        if (e instanceof ColumnRef c) {
            return new ColumnNode(c.type(), layout.indexOf(c));
        }
        if (e instanceof Literal l) {
            return new ConstantNode(l.type(), l.isNull() ? null : l.get());
        }
        if (e instanceof Cast c) {
            return new StrictCallNode(c.type(), List.of(compile(c.input())), CastKernels.resolve(c.input().type(), c.type()),
                    c.position());
        }
        if (e instanceof CaseWhen c) {
            List<Node> conditions = new ArrayList<>();
            List<Node> results = new ArrayList<>();
            for (CaseWhen.WhenThen w : c.whens()) {
                conditions.add(compile(w.condition()));
                results.add(compile(w.result()));
            }
            return new CaseNode(c.type(), conditions, results, compile(c.otherwise()));
        }
        return call((Call) e);
    }

    private Node call(Call call) {
        List<Node> args = new ArrayList<>();
        for (Expr a : call.arguments()) {
            args.add(compile(a));
        }
        Function f = call.function();
        DataType t = call.type();
        switch (f) {
            case AND:
            case OR:
                return new LogicalNode(args, f == Function.AND);
            case IS_NULL:
            case IS_NOT_NULL:
                return new NullTestNode(args.get(0), f == Function.IS_NOT_NULL);
            case COALESCE:
                return new CoalesceNode(t, args);
            case NULLIF:
                return new NullIfNode(t, args.get(0), args.get(1));
            case IN:
                return new InNode(args.get(0), args.subList(1, args.size()));
            case IS_DISTINCT_FROM:
            case IS_NOT_DISTINCT_FROM:
                return new DistinctNode(args.get(0), args.get(1), f == Function.IS_DISTINCT_FROM);
            case CONCAT_WS:
                return new ConcatWsNode(args);
            default:
                return new StrictCallNode(t, args, kernel(call), call.position());
        }
    }

    static Kernel kernel(Call call) {
        Function f = call.function();
        List<Expr> a = call.arguments();
        if (f.isComparison()) {
            return ComparisonKernels.resolve(f, a.get(0).type());
        }
        switch (f) {
            case NOT:
                return (args, sel, n, out) -> {
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        out.longs[i] = 1 - args[0].longs[i];
                    }
                };
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULUS:
                return ArithmeticKernels.resolve(f, a.get(0).type(), a.get(1).type(), call.type());
            case NEGATE:
                return ArithmeticKernels.negate(call.type());
            case LIKE, ILIKE: {
                Optional<String> pattern = a.get(1) instanceof Literal l && !l.isNull() ? Optional.of((String) l.get()) : Optional.empty();
                int escape = DEFAULT_ESCAPE;
                if (a.size() > 2) {
                    if (!(a.get(2) instanceof Literal l) || l.isNull()) {
                        pattern = Optional.empty();
                    } else {
                        escape = dev.quiver.exec.function.LikeMatcher.escapeOf((String) l.get());
                    }
                }
                return StringKernels.resolve(f, a.size(), pattern, escape);
            }
            case CONCAT, SUBSTRING, UPPER, LOWER, LENGTH, TRIM, LTRIM, RTRIM, POSITION, REPLACE, LEFT, RIGHT, REVERSE:
                return StringKernels.resolve(f, a.size(), Optional.empty(), DEFAULT_ESCAPE);
            case EXTRACT:
                return extract((String) ((Literal) a.get(0)).get(), a.get(1).type(), call.type());
            case ABS, ROUND, FLOOR, CEIL, SIGN, SQRT, POWER, LN, EXP:
                return MathKernels.resolve(f, a.get(0).type(), call.type());
            default:
                throw new IllegalArgumentException("no kernel for " + call);
        }
    }

    private static Kernel extract(String field, DataType source, DataType result) {
        boolean date = source.id() == TypeId.DATE;
        if (result.id() == TypeId.DOUBLE) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    long micros = date ? DateTimeFunctions.timestampFromDate((int) args[1].longs[i]) : args[1].longs[i];
                    out.doubles[i] = DateTimeFunctions.extractDouble(field, micros);
                }
            };
        }
        if (date && field.equals("year")) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = DateTimeFunctions.yearOfDate((int) args[1].longs[i]);
                }
            };
        }
        return (args, sel, n, out) -> {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                out.longs[i] = date ? DateTimeFunctions.extractFromDate(field, (int) args[1].longs[i])
                        : DateTimeFunctions.extractFromTimestamp(field, args[1].longs[i]);
            }
        };
    }
}
