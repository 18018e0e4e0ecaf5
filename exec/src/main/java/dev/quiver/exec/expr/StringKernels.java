package dev.quiver.exec.expr;

import dev.quiver.exec.function.LikeMatcher;
import dev.quiver.exec.function.Strings;
import dev.quiver.exec.function.Utf8Buffer;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Function;
import java.util.Optional;

/** Kernels of the string functions; all work on UTF-8 bytes through {@link Strings}. */
final class StringKernels {
    private StringKernels() {
    }

    /** Copies a packed range of the input entry into the output entry. */
    private static void setRange(ValueVector in, ValueVector out, int i, long range) {
        out.setString(i, in.bytes, Strings.rangeOffset(range), Strings.rangeLength(range));
    }

    static Kernel resolve(Function f, int arity, Optional<String> constantPattern, int escape) {
        switch (f) {
            case CONCAT:
                return (args, sel, n, out) -> {
                    ValueVector a = args[0], b = args[1];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        int at = out.reserve(a.lengths[i] + b.lengths[i]);
                        System.arraycopy(a.bytes, a.offsets[i], out.bytes, at, a.lengths[i]);
                        System.arraycopy(b.bytes, b.offsets[i], out.bytes, at + a.lengths[i], b.lengths[i]);
                        out.offsets[i] = at;
                        out.lengths[i] = a.lengths[i] + b.lengths[i];
                    }
                };
            case LENGTH:
                return (args, sel, n, out) -> {
                    ValueVector a = args[0];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        out.longs[i] = Strings.length(a.bytes, a.offsets[i], a.lengths[i]);
                    }
                };
            case SUBSTRING:
                return (args, sel, n, out) -> {
                    ValueVector a = args[0];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        long r = arity == 3
                                ? Strings.substring(a.bytes, a.offsets[i], a.lengths[i], args[1].longs[i], args[2].longs[i], true)
                                : Strings.substring(a.bytes, a.offsets[i], a.lengths[i], args[1].longs[i], 0, false);
                        setRange(a, out, i, r);
                    }
                };
            case LEFT:
            case RIGHT: {
                boolean left = f == Function.LEFT;
                return (args, sel, n, out) -> {
                    ValueVector a = args[0];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        long r = left ? Strings.left(a.bytes, a.offsets[i], a.lengths[i], args[1].longs[i])
                                : Strings.right(a.bytes, a.offsets[i], a.lengths[i], args[1].longs[i]);
                        setRange(a, out, i, r);
                    }
                };
            }
            case TRIM:
            case LTRIM:
            case RTRIM: {
                int which = f == Function.TRIM ? 0 : f == Function.LTRIM ? 1 : 2;
                return (args, sel, n, out) -> {
                    ValueVector a = args[0];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        long r = arity == 1 ? Strings.trimSpaces(a.bytes, a.offsets[i], a.lengths[i], which)
                                : Strings.trim(a.bytes, a.offsets[i], a.lengths[i], args[1].bytes, args[1].offsets[i],
                                        args[1].lengths[i], which);
                        setRange(a, out, i, r);
                    }
                };
            }
            case UPPER:
            case LOWER:
            case REVERSE:
                return (args, sel, n, out) -> {
                    Utf8Buffer buffer = new Utf8Buffer();
                    ValueVector a = args[0];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        if (f == Function.UPPER) {
                            Strings.upper(a.bytes, a.offsets[i], a.lengths[i], buffer);
                        } else if (f == Function.LOWER) {
                            Strings.lower(a.bytes, a.offsets[i], a.lengths[i], buffer);
                        } else {
                            Strings.reverse(a.bytes, a.offsets[i], a.lengths[i], buffer);
                        }
                        out.setString(i, buffer.data, 0, buffer.length);
                    }
                };
            case POSITION:
                return (args, sel, n, out) -> {
                    ValueVector needle = args[0], hay = args[1];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        out.longs[i] = Strings.position(needle.bytes, needle.offsets[i], needle.lengths[i], hay.bytes,
                                hay.offsets[i], hay.lengths[i]);
                    }
                };
            case REPLACE:
                return (args, sel, n, out) -> {
                    Utf8Buffer buffer = new Utf8Buffer();
                    ValueVector s = args[0], from = args[1], to = args[2];
                    for (int k = 0; k < n; k++) {
                        int i = sel[k];
                        Strings.replace(s.bytes, s.offsets[i], s.lengths[i], from.bytes, from.offsets[i], from.lengths[i],
                                to.bytes, to.offsets[i], to.lengths[i], buffer);
                        out.setString(i, buffer.data, 0, buffer.length);
                    }
                };
            case LIKE:
            case ILIKE:
                return like(f == Function.ILIKE, constantPattern, escape);
            default:
                throw new IllegalArgumentException("no string kernel for " + f);
        }
    }

    private static Kernel like(boolean caseInsensitive, Optional<String> constantPattern, int escape) {
        if (constantPattern.isPresent()) {
            LikeMatcher matcher = LikeMatcher.compile(constantPattern.get(), escape, caseInsensitive);
            return (args, sel, n, out) -> {
                ValueVector a = args[0];
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    out.longs[i] = matcher.matches(a.bytes, a.offsets[i], a.lengths[i]) ? 1 : 0;
                }
            };
        }
        return (args, sel, n, out) -> {
            ValueVector a = args[0], p = args[1];
            String last = null;
            LikeMatcher matcher = null;
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                String pattern = p.getString(i);
                if (!pattern.equals(last)) {
                    int esc = args.length > 2 ? LikeMatcher.escapeOf(args[2].getString(i)) : escape;
                    matcher = LikeMatcher.compile(pattern, esc, caseInsensitive);
                    last = pattern;
                }
                out.longs[i] = matcher.matches(a.bytes, a.offsets[i], a.lengths[i]) ? 1 : 0;
            }
        };
    }
}
