package dev.quiver.exec.expr;

import dev.quiver.exec.function.Arithmetic;
import dev.quiver.exec.function.DateTimeFunctions;
import dev.quiver.exec.function.Decimals;
import dev.quiver.exec.function.Int128;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.DateTimes;
import dev.quiver.planner.type.TypeId;
import java.math.BigInteger;

/** Kernels for + - * / % and unary minus on numbers, dates, timestamps and intervals. */
final class ArithmeticKernels {
    private ArithmeticKernels() {
    }

    /** Bit width of an integral type's range. */
    static int width(DataType t) {
        return switch (t.id()) {
            case TINYINT -> 8;
            case SMALLINT -> 16;
            case INTEGER -> 32;
            default -> 64;
        };
    }

    static Kernel resolve(Function f, DataType a, DataType b, DataType result) {
        if (a.isIntegral() && b.isIntegral() && result.isIntegral()) {
            return integral(f, width(result));
        }
        if (result.isApproximateNumeric()) {
            return floating(f, result.id() == TypeId.REAL);
        }
        if (result.isDecimal()) {
            return decimal(f, a, b, result);
        }
        return temporal(f, a, b, result);
    }

    private static Kernel integral(Function f, int w) {
        return switch (f) {
            case ADD -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = Arithmetic.add(x[i], y[i], w);
                }
            };
            case SUBTRACT -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = Arithmetic.subtract(x[i], y[i], w);
                }
            };
            case MULTIPLY -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = Arithmetic.multiply(x[i], y[i], w);
                }
            };
            case DIVIDE -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = Arithmetic.divide(x[i], y[i], w);
                }
            };
            case MODULUS -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = Arithmetic.modulus(x[i], y[i]);
                }
            };
            default -> throw unsupported(f);
        };
    }

    private static Kernel floating(Function f, boolean real) {
        return (args, sel, n, out) -> {
            double[] x = args[0].doubles, y = args[1].doubles, o = out.doubles;
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                double r = switch (f) {
                    case ADD -> Arithmetic.addDouble(x[i], y[i]);
                    case SUBTRACT -> Arithmetic.subtractDouble(x[i], y[i]);
                    case MULTIPLY -> Arithmetic.multiplyDouble(x[i], y[i]);
                    case DIVIDE -> Arithmetic.divideDouble(x[i], y[i]);
                    case MODULUS -> Arithmetic.modulusDouble(x[i], y[i]);
                    default -> throw unsupported(f);
                };
                o[i] = real ? Arithmetic.toReal(r) : r;
            }
        };
    }

    private static Kernel decimal(Function f, DataType a, DataType b, DataType r) {
        boolean shortResult = r.isShortDecimal();
        switch (f) {
            case ADD:
            case SUBTRACT: {
                boolean add = f == Function.ADD;
                if (shortResult) {
                    // Operands have the result type and the type leaves a digit of headroom: no overflow.
                    return (args, sel, n, out) -> {
                        long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                        for (int k = 0; k < n; k++) {
                            int i = sel[k];
                            o[i] = add ? x[i] + y[i] : x[i] - y[i];
                        }
                    };
                }
                return (args, sel, n, out) -> {
                    long[] t = new long[2];
                    ValueVector x = args[0], y = args[1];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        if (add) {
                            Int128.add(x.highs[i], x.longs[i], y.highs[i], y.longs[i], t);
                        } else {
                            Int128.subtract(x.highs[i], x.longs[i], y.highs[i], y.longs[i], t);
                        }
                        Int128.checkPrecision(t[0], t[1], r.precision());
                        out.highs[i] = t[0];
                        out.longs[i] = t[1];
                    }
                };
            }
            case MULTIPLY: {
                if (shortResult) {
                    return (args, sel, n, out) -> {
                        long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                        for (int k = 0; k < n; k++) {
                            int i = sel[k];
                            o[i] = x[i] * y[i];
                        }
                    };
                }
                return (args, sel, n, out) -> {
                    long[] t = new long[2];
                    ValueVector x = args[0], y = args[1];
                    boolean xw = x.kind == Kind.INT128;
                    boolean yw = y.kind == Kind.INT128;
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        long xl = x.longs[i];
                        long yl = y.longs[i];
                        Int128.multiply(xw ? x.highs[i] : xl >> 63, xl, yw ? y.highs[i] : yl >> 63, yl, t);
                        Int128.checkPrecision(t[0], t[1], r.precision());
                        out.highs[i] = t[0];
                        out.longs[i] = t[1];
                    }
                };
            }
            case DIVIDE:
                return (args, sel, n, out) -> {
                    long[] t = new long[2];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        BigInteger q = Decimals.divide(big(args[0], i), a.scale(), big(args[1], i), b.scale(), r.precision(), r.scale());
                        store(q, out, i, t);
                    }
                };
            case MODULUS:
                if (shortResult) {
                    return (args, sel, n, out) -> {
                        for (int k = 0; k < n; k++) {
                            int i = sel[k];
                            out.longs[i] = Decimals.modulus(args[0].longs[i], args[1].longs[i]);
                        }
                    };
                }
                return (args, sel, n, out) -> {
                    long[] t = new long[2];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        BigInteger y = big(args[1], i);
                        if (y.signum() == 0) {
                            throw Arithmetic.divisionByZero();
                        }
                        store(big(args[0], i).remainder(y), out, i, t);
                    }
                };
            default:
                throw unsupported(f);
        }
    }

    static BigInteger big(ValueVector v, int i) {
        return v.kind == Kind.INT128 ? Int128.toBig(v.highs[i], v.longs[i]) : BigInteger.valueOf(v.longs[i]);
    }

    static void store(BigInteger value, ValueVector out, int i, long[] t) {
        if (out.kind == Kind.INT128) {
            Int128.fromBig(value, t);
            out.highs[i] = t[0];
            out.longs[i] = t[1];
        } else {
            out.longs[i] = value.longValueExact();
        }
    }

    private static Kernel temporal(Function f, DataType a, DataType b, DataType r) {
        int sign = f == Function.SUBTRACT ? -1 : 1;
        TypeId at = a.id();
        TypeId bt = b.id();
        if (at == TypeId.DATE && b.isIntegral()) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = DateTimeFunctions.addDays((int) args[0].longs[i], sign * args[1].longs[i]);
                }
            };
        }
        if (at == TypeId.DATE && bt == TypeId.DATE) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = args[0].longs[i] - args[1].longs[i];
                }
            };
        }
        if (at == TypeId.DATE && bt == TypeId.INTERVAL) {
            return (args, sel, n, out) -> {
                ValueVector iv = args[1];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = DateTimeFunctions.addToDate((int) args[0].longs[i], sign * iv.months[i], sign * iv.days[i]);
                }
            };
        }
        if (at == TypeId.TIMESTAMP && bt == TypeId.INTERVAL) {
            return (args, sel, n, out) -> {
                ValueVector iv = args[1];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = DateTimeFunctions.addToTimestamp(args[0].longs[i], sign * iv.months[i], sign * iv.days[i],
                            sign * iv.longs[i]);
                }
            };
        }
        if (at == TypeId.TIMESTAMP && bt == TypeId.TIMESTAMP) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    long d = Math.subtractExact(args[0].longs[i], args[1].longs[i]);
                    out.months[i] = 0;
                    out.days[i] = (int) (d / DateTimes.MICROS_PER_DAY);
                    out.longs[i] = d % DateTimes.MICROS_PER_DAY;
                }
            };
        }
        if (at == TypeId.INTERVAL && bt == TypeId.INTERVAL) {
            return (args, sel, n, out) -> {
                ValueVector x = args[0], y = args[1];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.months[i] = Math.addExact(x.months[i], sign * y.months[i]);
                    out.days[i] = Math.addExact(x.days[i], sign * y.days[i]);
                    out.longs[i] = Math.addExact(x.longs[i], sign * y.longs[i]);
                }
            };
        }
        throw new IllegalArgumentException("no arithmetic " + f + " for " + a + ", " + b + " -> " + r);
    }

    static Kernel negate(DataType t) {
        return switch (Kind.of(t)) {
            case LONG -> {
                int w = t.isIntegral() ? width(t) : 64;
                yield (args, sel, n, out) -> {
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        out.longs[i] = Arithmetic.negate(args[0].longs[i], w);
                    }
                };
            }
            case DOUBLE -> (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.doubles[i] = -args[0].doubles[i];
                }
            };
            case INT128 -> (args, sel, n, out) -> {
                long[] tmp = new long[2];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    Int128.negate(args[0].highs[i], args[0].longs[i], tmp);
                    out.highs[i] = tmp[0];
                    out.longs[i] = tmp[1];
                }
            };
            case INTERVAL -> (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.months[i] = Math.negateExact(args[0].months[i]);
                    out.days[i] = Math.negateExact(args[0].days[i]);
                    out.longs[i] = Math.negateExact(args[0].longs[i]);
                }
            };
            default -> throw new IllegalArgumentException("cannot negate " + t);
        };
    }

    static IllegalArgumentException unsupported(Function f) {
        return new IllegalArgumentException("no kernel for " + f);
    }
}
