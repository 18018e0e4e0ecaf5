package dev.quiver.exec.expr;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Cast;

/**
 * The interpreter's kernels, for code that evaluates one row at a time but must mean exactly what
 * the interpreter means: generated code calls these for the functions it does not inline.
 */
public final class Kernels {
    private Kernels() {
    }

    /** The kernel of a strict function call (not AND/OR/IS NULL/COALESCE/NULLIF/IN/DISTINCT FROM/CONCAT_WS). */
    public static Kernel forCall(Call call) {
        return ExpressionCompiler.kernel(call);
    }

    public static Kernel forCast(Cast cast) {
        return CastKernels.resolve(cast.input().type(), cast.type());
    }
}
