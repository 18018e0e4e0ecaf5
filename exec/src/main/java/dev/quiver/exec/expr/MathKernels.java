package dev.quiver.exec.expr;

import dev.quiver.exec.function.MathFunctions;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;

/** Kernels of abs, round, floor, ceil, sign and the double-only functions, via {@link MathFunctions}. */
final class MathKernels {
    private MathKernels() {
    }

    static Kernel resolve(Function f, DataType arg, DataType result) {
        Kind kind = Kind.of(arg);
        switch (f) {
            case SQRT, LN, EXP, POWER:
                return (args, sel, n, out) -> {
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        double x = args[0].doubles[i];
                        out.doubles[i] = switch (f) {
                            case SQRT -> MathFunctions.sqrt(x);
                            case LN -> MathFunctions.ln(x);
                            case EXP -> MathFunctions.exp(x);
                            default -> MathFunctions.power(x, args[1].doubles[i]);
                        };
                    }
                };
            case ABS:
            case SIGN:
                return absOrSign(f == Function.ABS, arg, result, kind);
            case ROUND:
            case FLOOR:
            case CEIL:
                return rounding(f, arg, result, kind);
            default:
                throw new IllegalArgumentException("no math kernel for " + f);
        }
    }

    private static Kernel absOrSign(boolean abs, DataType arg, DataType result, Kind kind) {
        int width = arg.isIntegral() ? ArithmeticKernels.width(arg) : 64;
        return switch (kind) {
            case LONG -> (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    long x = args[0].longs[i];
                    out.longs[i] = abs ? MathFunctions.abs(x, width) : MathFunctions.sign(x, result.scale());
                }
            };
            case DOUBLE -> (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    double x = args[0].doubles[i];
                    out.doubles[i] = abs ? Math.abs(x) : Math.signum(x);
                }
            };
            case INT128 -> abs ? (args, sel, n, out) -> {
                long[] t = new long[2];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    MathFunctions.abs128(args[0].highs[i], args[0].longs[i], t);
                    out.highs[i] = t[0];
                    out.longs[i] = t[1];
                }
            } : (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = MathFunctions.signum128(args[0].highs[i], args[0].longs[i]);
                }
            };
            default -> throw new IllegalArgumentException("abs/sign of " + arg);
        };
    }

    private static Kernel rounding(Function f, DataType arg, DataType result, Kind kind) {
        if (arg.isApproximateNumeric()) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    double x = args[0].doubles[i];
                    out.doubles[i] = switch (f) {
                        case FLOOR -> Math.floor(x);
                        case CEIL -> Math.ceil(x);
                        default -> MathFunctions.roundDouble(x, args[1].longs[i]);
                    };
                }
            };
        }
        if (arg.isIntegral()) {
            int width = ArithmeticKernels.width(arg);
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    long x = args[0].longs[i];
                    out.longs[i] = f == Function.ROUND ? MathFunctions.roundLong(x, args[1].longs[i], width) : x;
                }
            };
        }
        // Decimal: the result scale is fixed by the type; rounding mode by the function.
        int mode = f == Function.FLOOR ? MathFunctions.FLOOR : f == Function.CEIL ? MathFunctions.CEIL : MathFunctions.HALF_UP;
        boolean wideIn = kind == Kind.INT128;
        boolean wideOut = result.id() == TypeId.DECIMAL && !result.isShortDecimal();
        return (args, sel, n, out) -> {
            long[] t = new long[2];
            ValueVector x = args[0];
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                long digits = f == Function.ROUND ? args[1].longs[i] : 0;
                MathFunctions.roundDecimal(wideIn ? x.highs[i] : x.longs[i] >> 63, x.longs[i], arg.scale(), digits, result.scale(),
                        result.precision(), mode, t);
                if (wideOut) {
                    out.highs[i] = t[0];
                }
                out.longs[i] = t[1];
            }
        };
    }
}
