package dev.quiver.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one exception type a user of Quiver sees. Every failure that reaches a caller is a
 * {@code QuiverException} (or a subclass) with a SQLSTATE and a message that says what is wrong
 * and, where possible, what would fix it.
 *
 * <p>When the failure comes from a place in the SQL text, the exception carries the character
 * offset of that place. The layer that holds the SQL text (the engine) attaches it with
 * {@link #attachSql(String)}; {@link #getMessage()} then ends with the offending line and a caret,
 * in PostgreSQL's style:
 *
 * <pre>
 * column "l_shipdat" does not exist; did you mean "l_shipdate"?
 * LINE 1: SELECT l_shipdat FROM lineitem
 *                ^
 * </pre>
 *
 * <p>The position and the SQL text are each set at most once: the innermost (most precise) place
 * wins, so a layer may attach a position without knowing whether a deeper one already did.
 */
public class QuiverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String rawMessage;
    private volatile int position = -1;
    private volatile String sql;

    public QuiverException(String sqlState, String message) {
        this(sqlState, message, null);
    }

    public QuiverException(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
        this.rawMessage = Objects.requireNonNull(message, "message");
    }

    /** Five-character SQLSTATE code, as in PostgreSQL (for example {@code 42703}). */
    public String sqlState() {
        return sqlState;
    }

    /** The message without the source excerpt. */
    public String rawMessage() {
        return rawMessage;
    }

    /** Character offset (0-based) into the SQL text where the error was found, if known. */
    public OptionalInt position() {
        return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /** The SQL text the position refers to, if attached. */
    public Optional<String> sql() {
        return Optional.ofNullable(sql);
    }

    /** Records where in the SQL text the error is, unless a more precise place is already known. */
    public QuiverException attachPosition(int offset) {
        if (position < 0 && offset >= 0) {
            position = offset;
        }
        return this;
    }

    /** Records the SQL text the position refers to, unless one is already attached. */
    public QuiverException attachSql(String sqlText) {
        if (sql == null && sqlText != null) {
            sql = sqlText;
        }
        return this;
    }

    /** One-based line number of the position, if both position and text are known. */
    public OptionalInt line() {
        if (position < 0 || sql == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(SourceSnippet.lineOf(sql, position));
    }

    /** One-based column number of the position, if both position and text are known. */
    public OptionalInt column() {
        if (position < 0 || sql == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(SourceSnippet.columnOf(sql, position));
    }

    @Override
    public String getMessage() {
        if (position < 0 || sql == null) {
            return rawMessage;
        }
        return rawMessage + "\n" + SourceSnippet.render(sql, position);
    }
}
