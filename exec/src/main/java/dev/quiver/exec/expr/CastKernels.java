package dev.quiver.exec.expr;

import dev.quiver.exec.function.Arithmetic;
import dev.quiver.exec.function.Casts;
import dev.quiver.exec.function.DateTimeFunctions;
import dev.quiver.exec.function.Decimals;
import dev.quiver.exec.function.Int128;
import dev.quiver.exec.function.Strings;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.DateTimes;
import dev.quiver.planner.type.Interval;
import dev.quiver.planner.type.Intervals;
import dev.quiver.planner.type.TextParsing;
import dev.quiver.planner.type.TypeId;

/** Kernels of CAST between every pair of types the binder allows. */
final class CastKernels {
    private CastKernels() {
    }

    static Kernel resolve(DataType from, DataType to) {
        if (to.isString()) {
            return toText(from, to);
        }
        if (from.isString()) {
            return fromText(to);
        }
        if (from.isNumeric() && to.isNumeric()) {
            return numeric(from, to);
        }
        if (from.id() == TypeId.BOOLEAN && to.isIntegral()) {
            return (args, sel, n, out) -> copyLongs(args[0], sel, n, out);
        }
        if (from.isIntegral() && to.id() == TypeId.BOOLEAN) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = args[0].longs[i] != 0 ? 1 : 0;
                }
            };
        }
        if (from.id() == TypeId.DATE && to.id() == TypeId.TIMESTAMP) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = DateTimeFunctions.timestampFromDate((int) args[0].longs[i]);
                }
            };
        }
        if (from.id() == TypeId.TIMESTAMP && to.id() == TypeId.DATE) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = DateTimeFunctions.dateFromTimestamp(args[0].longs[i]);
                }
            };
        }
        if (from.equals(to) || Kind.of(from) == Kind.of(to) && from.id() == to.id()) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    out.copyFrom(args[0], sel[k], sel[k]);
                }
            };
        }
        throw new IllegalArgumentException("no cast from " + from + " to " + to);
    }

    private static void copyLongs(ValueVector in, int[] sel, int n, ValueVector out) {
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            out.longs[i] = in.longs[i];
        }
    }

    private static Kernel numeric(DataType from, DataType to) {
        if (from.isIntegral() && to.isIntegral()) {
            int w = ArithmeticKernels.width(to);
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = Arithmetic.check(args[0].longs[i], w);
                }
            };
        }
        if (to.isApproximateNumeric()) {
            boolean real = to.id() == TypeId.REAL;
            return (args, sel, n, out) -> {
                ValueVector in = args[0];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    double d = switch (in.kind) {
                        case DOUBLE -> in.doubles[i];
                        case INT128 -> Decimals.toDouble(in.highs[i], in.longs[i], from.scale());
                        default -> from.isDecimal() ? Decimals.toDouble(in.longs[i], from.scale()) : (double) in.longs[i];
                    };
                    out.doubles[i] = real ? Arithmetic.toReal(d) : d;
                }
            };
        }
        if (from.isApproximateNumeric()) {
            if (to.isIntegral()) {
                int w = ArithmeticKernels.width(to);
                return (args, sel, n, out) -> {
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        out.longs[i] = Casts.doubleToLong(args[0].doubles[i], w);
                    }
                };
            }
            boolean wide = to.isLongDecimal();
            return (args, sel, n, out) -> {
                long[] t = new long[2];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    Decimals.fromDouble(args[0].doubles[i], to.precision(), to.scale(), t);
                    out.longs[i] = t[1];
                    if (wide) {
                        out.highs[i] = t[0];
                    }
                }
            };
        }
        // Exact to exact, at least one side a decimal: rescale the unscaled value.
        int fromScale = from.isDecimal() ? from.scale() : 0;
        boolean wideIn = from.isLongDecimal();
        if (to.isIntegral()) {
            int w = ArithmeticKernels.width(to);
            return (args, sel, n, out) -> {
                long[] t = new long[2];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = wideIn ? Casts.decimal128ToLong(args[0].highs[i], args[0].longs[i], fromScale, w, t)
                            : Casts.decimalToLong(args[0].longs[i], fromScale, w);
                }
            };
        }
        boolean wideOut = to.isLongDecimal();
        if (!wideIn && !wideOut) {
            return (args, sel, n, out) -> {
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = Decimals.rescale(args[0].longs[i], fromScale, to.scale(), to.precision());
                }
            };
        }
        return (args, sel, n, out) -> {
            long[] t = new long[2];
            ValueVector in = args[0];
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                long hi = wideIn ? in.highs[i] : in.longs[i] >> 63;
                long lo = in.longs[i];
                if (to.scale() >= fromScale) {
                    Int128.scaleUp(hi, lo, to.scale() - fromScale, t);
                } else {
                    Int128.scaleDownRounded(hi, lo, fromScale - to.scale(), t);
                }
                if (!Int128.fitsPrecision(t[0], t[1], to.precision())) {
                    throw Decimals.overflow(to.precision(), to.scale());
                }
                if (!wideOut) {
                    out.longs[i] = t[1];
                } else {
                    out.highs[i] = t[0];
                    out.longs[i] = t[1];
                }
            }
        };
    }

    private static Kernel toText(DataType from, DataType to) {
        int max = to.maxLength();
        if (from.isString()) {
            return (args, sel, n, out) -> {
                ValueVector in = args[0];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    long r = max == 0 ? ((long) in.offsets[i] << 32) | in.lengths[i] : Strings.truncate(in.bytes, in.offsets[i], in.lengths[i], max);
                    out.setString(i, in.bytes, Strings.rangeOffset(r), Strings.rangeLength(r));
                }
            };
        }
        return (args, sel, n, out) -> {
            ValueVector in = args[0];
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                String s = render(from, in, i);
                if (max > 0 && s.codePointCount(0, s.length()) > max) {
                    s = s.substring(0, s.offsetByCodePoints(0, max));
                }
                out.setString(i, s);
            }
        };
    }

    /** A non-NULL value as text, as PostgreSQL prints it. */
    static String render(DataType type, ValueVector v, int i) {
        return switch (type.id()) {
            case BOOLEAN -> Casts.formatBoolean(v.longs[i] != 0);
            case TINYINT, SMALLINT, INTEGER, BIGINT, UNKNOWN -> Long.toString(v.longs[i]);
            case REAL -> Casts.formatReal(v.doubles[i]);
            case DOUBLE -> Casts.formatDouble(v.doubles[i]);
            case DECIMAL -> type.isShortDecimal() ? Casts.formatDecimal(v.longs[i], type.scale())
                    : Decimals.format(v.highs[i], v.longs[i], type.scale());
            case VARCHAR -> v.getString(i);
            case DATE -> Casts.formatDate((int) v.longs[i]);
            case TIMESTAMP -> Casts.formatTimestamp(v.longs[i]);
            case INTERVAL -> new Interval(v.months[i], v.days[i], v.longs[i]).toString();
        };
    }

    private static Kernel fromText(DataType to) {
        return (args, sel, n, out) -> {
            ValueVector in = args[0];
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                String s = in.getString(i);
                Object value = switch (to.id()) {
                    case BOOLEAN -> TextParsing.parseBoolean(s);
                    case TINYINT, SMALLINT, INTEGER, BIGINT -> TextParsing.parseIntegral(s, to);
                    case REAL, DOUBLE -> TextParsing.parseDouble(s, to);
                    case DECIMAL -> TextParsing.parseDecimal(s, to);
                    case DATE -> DateTimes.parseDate(s);
                    case TIMESTAMP -> DateTimes.parseTimestamp(s);
                    case INTERVAL -> Intervals.parse(s);
                    default -> throw new IllegalArgumentException("no cast from text to " + to);
                };
                Values.set(out, i, value);
            }
        };
    }
}
