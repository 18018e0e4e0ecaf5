package dev.quiver.fuzz;

import dev.quiver.testing.QueryRows;
import java.util.Objects;
import java.util.Optional;

/** What running one statement on an engine came to. */
sealed interface Outcome {
    /** The statement returned rows (a statement without rows returns none). */
    record Rows(QueryRows rows) implements Outcome {
        public Rows {
            Objects.requireNonNull(rows, "rows");
        }
    }

    /**
     * The statement failed the way the engine reports errors to users: a QuiverException for
     * Quiver, an SQLException for DuckDB.
     *
     * @param sqlState the SQLSTATE, or an empty string when the engine gives none
     * @param message the message
     * @param cause the exception the error wraps, if any (an internal error's cause is the bug)
     */
    record Failed(String sqlState, String message, Optional<Throwable> cause) implements Outcome {
        public Failed {
            Objects.requireNonNull(sqlState, "sqlState");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** The engine threw something its users must never see (a bug whatever the statement). */
    record Crashed(Throwable error) implements Outcome {
        public Crashed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The statement ran past its time limit.
     *
     * @param millis how long it had run when it was given up on
     * @param stuck whether it also ignored cancellation (its session is unusable)
     */
    record TimedOut(long millis, boolean stuck) implements Outcome {
    }

    /** The throwable behind a crash or an error, for reports. */
    default Optional<Throwable> throwable() {
        if (this instanceof Crashed c) {
            return Optional.of(c.error());
        }
        return this instanceof Failed f ? f.cause() : Optional.empty();
    }

    /** The throwable's class, message and top {@code frames} stack frames (with its causes'), or an empty string. */
    default String trace(int frames) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = throwable().orElse(null); t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.length() == 0 ? "" : "\ncaused by ").append(t);
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(frames, stack.length); i++) {
                out.append("\n    at ").append(stack[i]);
            }
        }
        return out.toString();
    }

    /** A one-line description. */
    default String describe() {
        if (this instanceof Rows r) {
            return r.rows().rows().size() + " rows";
        }
        if (this instanceof Failed f) {
            return "error " + (f.sqlState().isEmpty() ? "" : "[" + f.sqlState() + "] ") + f.message().lines().findFirst().orElse("");
        }
        if (this instanceof Crashed c) {
            return "crash " + c.error();
        }
        TimedOut t = (TimedOut) this;
        return "timed out after " + t.millis() + " ms" + (t.stuck() ? " and ignored cancellation" : "");
    }
}
