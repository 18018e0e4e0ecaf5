package dev.quiver.fuzz;

import dev.quiver.error.SqlState;
import java.util.List;
import java.util.Objects;

/**
 * How one fuzz case ended, with the statements that reproduce it.
 *
 * @param status the verdict
 * @param statements the statements run on Quiver, in Quiver's (PostgreSQL's) dialect
 * @param reference the same query in the reference engine's dialect, when there is a reference
 * @param detail what went wrong, or why the case says nothing (empty when it passed)
 */
record CaseResult(Status status, List<String> statements, List<String> reference, String detail) {
    /** Verdicts, from good to bad. */
    enum Status {
        /** The oracle held. */
        PASSED,
        /** Every engine (or every query of a reference-free oracle) failed with a user error: nothing to compare. */
        BOTH_FAILED,
        /** A reference-free oracle's queries could not all run (e.g. only a partition hit an overflow): nothing to compare. */
        SKIPPED,
        /**
         * The reference failed where Quiver returned rows, by a limitation of its own: a DuckDB
         * internal error, or an overflow of the narrower DECIMAL types DuckDB computes in.
         */
        REFERENCE_FAILED,
        /** Quiver rejected the query as unsupported (SQLSTATE 0A000): the generator should not have made it. */
        UNSUPPORTED,
        /** A mismatch, an oracle violation, a crash, a hang, an internal error or a memory leak. */
        FAILED
    }

    CaseResult {
        Objects.requireNonNull(status, "status");
        statements = List.copyOf(statements);
        reference = List.copyOf(reference);
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * What a Quiver outcome alone says: FAILED for a crash, hang or internal error (SQLSTATE XX000,
     * which verify mode also raises when compiled code and interpreter disagree), UNSUPPORTED for
     * 0A000, and PASSED for rows or any other user error (which the caller judges further).
     */
    static Status judgeQuiver(Outcome outcome) {
        if (outcome instanceof Outcome.Crashed || outcome instanceof Outcome.TimedOut) {
            return Status.FAILED;
        }
        if (outcome instanceof Outcome.Failed f) {
            if (SqlState.INTERNAL_ERROR.equals(f.sqlState())) {
                return Status.FAILED;
            }
            if (SqlState.FEATURE_NOT_SUPPORTED.equals(f.sqlState())) {
                return Status.UNSUPPORTED;
            }
        }
        return Status.PASSED;
    }
}
