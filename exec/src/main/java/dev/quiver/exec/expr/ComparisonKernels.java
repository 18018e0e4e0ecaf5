package dev.quiver.exec.expr;

import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.type.DataType;

/** Kernels for = <> < <= > >= on two values of one type; results are BOOLEAN (0/1 in longs). */
final class ComparisonKernels {
    private ComparisonKernels() {
    }

    /** Whether a comparison outcome (negative, zero, positive) satisfies the operator. */
    static boolean holds(Function f, int c) {
        return switch (f) {
            case EQUAL -> c == 0;
            case NOT_EQUAL -> c != 0;
            case LESS_THAN -> c < 0;
            case LESS_THAN_OR_EQUAL -> c <= 0;
            case GREATER_THAN -> c > 0;
            case GREATER_THAN_OR_EQUAL -> c >= 0;
            default -> throw new IllegalArgumentException(f + " is not a comparison");
        };
    }

    static Kernel resolve(Function f, DataType type) {
        if (Kind.of(type) == Kind.LONG || Kind.of(type) == Kind.BOOLEAN) {
            return longs(f);
        }
        return (args, sel, n, out) -> {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                out.longs[i] = holds(f, ValueComparisons.compare(args[0], i, args[1], i)) ? 1 : 0;
            }
        };
    }

    private static Kernel longs(Function f) {
        return switch (f) {
            case EQUAL -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = x[i] == y[i] ? 1 : 0;
                }
            };
            case NOT_EQUAL -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = x[i] != y[i] ? 1 : 0;
                }
            };
            case LESS_THAN -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = x[i] < y[i] ? 1 : 0;
                }
            };
            case LESS_THAN_OR_EQUAL -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = x[i] <= y[i] ? 1 : 0;
                }
            };
            case GREATER_THAN -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = x[i] > y[i] ? 1 : 0;
                }
            };
            case GREATER_THAN_OR_EQUAL -> (args, sel, n, out) -> {
                long[] x = args[0].longs, y = args[1].longs, o = out.longs;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    o[i] = x[i] >= y[i] ? 1 : 0;
                }
            };
            default -> throw new IllegalArgumentException(f + " is not a comparison");
        };
    }
}
