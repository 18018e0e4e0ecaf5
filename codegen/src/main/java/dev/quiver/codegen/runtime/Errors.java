package dev.quiver.codegen.runtime;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;

/** Error translation for generated code, the same the interpreter applies around its kernels. */
public final class Errors {
    private Errors() {
    }

    /** Adds the SQL position to a value error; arithmetic exceptions become "value out of range". */
    public static RuntimeException at(RuntimeException e, int position) {
        if (e instanceof QuiverException q) {
            return q.attachPosition(position);
        }
        if (e instanceof ArithmeticException) {
            return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: " + e.getMessage())
                    .attachPosition(position);
        }
        return e;
    }

    /**
     * A SINGLE join's second matching build row for one probe row: the error the interpreter's
     * {@code HashJoinProbeOperator} raises, with its SQLSTATE and text.
     */
    public static QuiverException moreThanOneRow() {
        return new QuiverException(SqlState.CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
    }
}
